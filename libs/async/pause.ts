/** A pause that can be cut short: `wait(ms)` ends after `ms`, or at once when `wake()` is called meanwhile. */
export class Pause {
  private end: (() => void) | undefined;

  wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake(), ms);
      this.end = () => {
        clearTimeout(timer);
        this.end = undefined;
        resolve();
      };
    });
  }

  /** Ends the pause in progress, if any. */
  wake(): void {
    this.end?.();
  }
}
