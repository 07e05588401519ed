/** Latency figures over a set of samples, in milliseconds. */
export interface LatencySummary {
  readonly samples: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

export const summarize = (samples: readonly number[]): LatencySummary => {
  const sorted = [...samples].sort((left, right) => left - right);
  const at = (quantile: number): number => round(sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? Number.NaN);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { samples: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round(sorted.at(-1) ?? Number.NaN), mean: round(mean) };
};

export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));
