import type { CliOutput } from './cli-output';

/** How far a long operation is: units done, and the total known so far (it may grow while the operation runs). */
export interface ProgressState {
  readonly done: number;
  readonly total: number;
}

/**
 * One progress line: a bar, done / total, the rate since the start and the time left at that rate.
 * `[##########----------]  5,120/10,240 messages  2,560/s  ETA 0:02`
 */
export const renderProgress = (label: string, unit: string, state: ProgressState, elapsedMs: number, width = BAR_WIDTH): string => {
  const total = Math.max(state.total, state.done);
  const share = total === 0 ? 1 : state.done / total;
  const filled = Math.round(share * width);
  const rate = elapsedMs > 0 ? (state.done * 1_000) / elapsedMs : 0;
  const eta = state.done >= total ? 'done' : rate > 0 ? `ETA ${clock((total - state.done) / rate)}` : 'ETA --:--';
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  return `${label} ${bar} ${count(state.done)}/${count(total)} ${unit}  ${count(Math.round(rate))}/s  ${eta}`;
};

/**
 * Draws a progress line on stderr while an operation runs: redrawn in place at most every 100 ms on a
 * terminal, and as a plain line every 2 s otherwise (logs, pipes, CI), plus a last line when it ends.
 */
export class ProgressBar {
  private readonly started: number;
  private lastDrawn = Number.NEGATIVE_INFINITY;
  private state: ProgressState = { done: 0, total: 0 };

  constructor(
    private readonly output: CliOutput,
    private readonly label: string,
    private readonly unit: string,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  update(state: ProgressState): void {
    this.state = state;
    const at = this.now();
    if (at - this.lastDrawn < (this.output.interactive ? TTY_EVERY_MS : PLAIN_EVERY_MS)) return;
    this.lastDrawn = at;
    this.output.progress(renderProgress(this.label, this.unit, state, at - this.started));
  }

  finish(): void {
    this.output.progress(renderProgress(this.label, this.unit, { done: this.state.done, total: this.state.done }, this.now() - this.started), true);
  }
}

const clock = (seconds: number): string => {
  const whole = Math.ceil(seconds);
  const hours = Math.floor(whole / 3_600);
  const minutes = Math.floor((whole % 3_600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
};

const count = (value: number): string => value.toLocaleString('en-US');

const BAR_WIDTH = 24;
const TTY_EVERY_MS = 100;
const PLAIN_EVERY_MS = 2_000;
