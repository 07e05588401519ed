import { setTimeout as sleep } from 'node:timers/promises';
import type { KV } from '@nats-io/kv';
import { isRevisionConflict } from './view-store';

export interface LeaseTiming {
  /** A lease whose revision has not moved for this long, on the contender's own clock, is free to take. */
  readonly ttlMs: number;
  /** The holder renews this often; contenders look this often. */
  readonly renewMs: number;
}

/**
 * Who projects a view right now: one KV key per view, holding the holder's id. The holder renews it
 * with compare-and-set on its revision; a contender takes it, also by compare-and-set, once it has
 * seen the same revision for `ttlMs` of its own time, so no two clocks are ever compared. Losing a
 * compare-and-set means someone else holds it. The lease only keeps the work in one place: the
 * correctness of the view does not depend on it (see `ViewWriter`).
 */
export class ProjectorLease {
  private revision: number | undefined;
  private renewing: Promise<boolean> | undefined;

  constructor(
    private readonly kv: KV,
    private readonly key: string,
    private readonly holder: string,
    private readonly timing: LeaseTiming,
  ) {}

  get held(): boolean {
    return this.revision !== undefined;
  }

  /** Waits until this instance holds the lease; `false` when `cancelled()` says to give up first. */
  async acquire(cancelled: () => boolean): Promise<boolean> {
    let seen: { revision: number; since: number } | undefined;
    while (!cancelled()) {
      try {
        const entry = await this.kv.get(this.key);
        if (!entry) this.revision = await this.kv.create(this.key, this.holder);
        else if (entry.operation !== 'PUT') this.revision = await this.kv.update(this.key, this.holder, entry.revision);
        else if (seen?.revision !== entry.revision) seen = { revision: entry.revision, since: Date.now() };
        else if (Date.now() - seen.since >= this.timing.ttlMs) this.revision = await this.kv.update(this.key, this.holder, entry.revision);
        if (this.revision !== undefined) return true;
      } catch (error) {
        if (!isRevisionConflict(error)) seen = undefined;
      }
      await sleep(this.timing.renewMs);
    }
    return false;
  }

  /**
   * Takes the lease unless someone holds it: at once when it is free, or after watching it for `ttlMs`
   * without seeing it move (a holder that died). `false` as soon as it moves, or when another contender
   * takes it first.
   */
  async takeUnlessHeld(): Promise<boolean> {
    const first = await this.kv.get(this.key);
    if (first && first.operation === 'PUT') {
      for (const since = Date.now(); Date.now() - since < this.timing.ttlMs; ) {
        await sleep(this.timing.renewMs);
        if ((await this.kv.get(this.key))?.revision !== first.revision) return false;
      }
    }
    try {
      this.revision = first ? await this.kv.update(this.key, this.holder, first.revision) : await this.kv.create(this.key, this.holder);
      return true;
    } catch (error) {
      if (isRevisionConflict(error)) return false;
      throw error;
    }
  }

  /** Renews the lease; `false` once someone else holds it. A failure to reach NATS keeps it held. */
  /**
   * Renews the lease; `false` once another holder took it. Renewals asked for while one is in flight (a timer's
   * and the holder's own) share its answer: two updates on one revision would make the second look like a lost lease.
   */
  renew(): Promise<boolean> {
    this.renewing ??= this.update().finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  private async update(): Promise<boolean> {
    if (this.revision === undefined) return false;
    try {
      this.revision = await this.kv.update(this.key, this.holder, this.revision);
      return true;
    } catch (error) {
      if (!isRevisionConflict(error)) return true;
      this.revision = undefined;
      return false;
    }
  }

  /**
   * Runs `work` each time this instance holds the lease, until `stopping()`: the lease is renewed every
   * `renewMs` meanwhile, and `lost()` turns true once another instance took it over, for `work` to end. At a
   * stop the lease is released, so that a contender need not wait for it to expire.
   */
  async serve(stopping: () => boolean, work: (lost: () => boolean) => Promise<void>): Promise<void> {
    while (!stopping()) {
      if (!(await this.acquire(stopping))) break;
      let lost = false;
      const renewal = setInterval(() => void this.renew().then((held) => (lost ||= !held)), this.timing.renewMs);
      try {
        await work(() => lost);
      } finally {
        clearInterval(renewal);
        if (stopping()) await this.release();
      }
    }
  }

  /** Gives the lease up at once, so that a contender need not wait for it to expire. */
  async release(): Promise<void> {
    const revision = this.revision;
    this.revision = undefined;
    if (revision === undefined) return;
    await this.kv.delete(this.key, { previousSeq: revision }).catch(() => undefined);
  }
}
