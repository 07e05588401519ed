import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  readonly endsAt: number;
  hits: number;
  blockedUntil: number;
}

/** How often windows that ended, of clients no longer blocked, are forgotten (on the next request after that). */
const SWEEP_MS = 10_000;

/**
 * The rate limiter's counts: per client, the hits of its current window, and the block a client over its
 * limit is under (until its window ends, or `blockDuration` when that is longer). Each request costs one
 * map lookup and an addition, whatever the client's rate.
 *
 * `@nestjs/throttler`'s own in-memory storage keeps one timestamp per hit and filters them on every
 * request, so each request of a client costs time in proportion to its requests in the window.
 */
export class WindowCounterStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private nextSweep = Date.now() + SWEEP_MS;

  increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    if (now >= this.nextSweep) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { endsAt: now + ttl, hits: 0, blockedUntil: window?.blockedUntil ?? 0 };
      this.windows.set(key, window);
    }
    if (window.blockedUntil <= now) {
      window.hits++;
      if (window.hits > limit) window.blockedUntil = Math.max(now + blockDuration, window.endsAt);
    }
    const isBlocked = window.blockedUntil > now;
    return Promise.resolve({
      totalHits: window.hits,
      timeToExpire: seconds(window.endsAt - now),
      isBlocked,
      timeToBlockExpire: isBlocked ? seconds(window.blockedUntil - now) : 0,
    });
  }

  private sweep(now: number): void {
    this.nextSweep = now + SWEEP_MS;
    for (const [key, window] of this.windows) {
      if (window.endsAt <= now && window.blockedUntil <= now) this.windows.delete(key);
    }
  }
}

const seconds = (ms: number): number => Math.max(0, Math.ceil(ms / 1_000));
