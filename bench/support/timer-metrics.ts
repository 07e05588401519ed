import { round } from './stats';

/** The sum of a metric's samples whose labels include `labels` (such as `slice="escalate"`), from the app's `/metrics`. */
const metricTotal = (metrics: string, name: string, labels: string): number =>
  metrics.split('\n').filter((line) => line.startsWith(`${name}{`) && line.includes(labels)).reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);

/**
 * How a timer slice's timers went, means in ms from the app's metrics: how late each began (its command taken
 * up by the scheduler after its due time), and how long its command took from then until decided and stored.
 */
export const timerStages = (metrics: string, slice: string): { begunLateMs: number; decidedInMs: number } => {
  const mean = (name: string, labels: string): number => round((metricTotal(metrics, `${name}_sum`, labels) / Math.max(1, metricTotal(metrics, `${name}_count`, labels))) * 1_000, 0);
  return { begunLateMs: mean('timer_lateness_seconds', `slice="${slice}"`), decidedInMs: mean('command_duration_seconds', `command="${slice}",trigger="timer"`) };
};
