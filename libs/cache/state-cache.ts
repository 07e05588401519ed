/** A bounded least-recently-used map of entity states (or, with `null` states, only their positions), keyed by subject. */
export class StateCache<S> {
  private readonly entries = new Map<string, { state: S; sequence: number }>();

  constructor(private readonly capacity: number) {}

  get(subject: string): { state: S; sequence: number } | undefined {
    const entry = this.entries.get(subject);
    if (entry) {
      this.entries.delete(subject);
      this.entries.set(subject, entry);
    }
    return entry;
  }

  set(subject: string, state: S, sequence: number): void {
    const known = this.entries.get(subject);
    if (known && known.sequence > sequence) return;
    this.entries.delete(subject);
    this.entries.set(subject, { state, sequence });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
