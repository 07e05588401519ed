import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { NatsClient } from '@adapter/nats/nats.client';

/**
 * Reads a stream's subjects in order from a given sequence, on an ephemeral pull consumer of its
 * own without acknowledgements: nothing is ever left waiting on `ack_wait`, and a pull cut short
 * loses nothing that matters. A gap in the delivery sequence (a message lost on a reconnect), a
 * failed pull or a consumer gone with a restarted server makes it start again on a new consumer
 * right after the last message it buffered. Messages are buffered as they arrive, and `take` hands
 * over everything buffered so far, so batches grow with the backlog and stay single messages when
 * the stream is quiet.
 */
export class StreamTail {
  private readonly buffer: JsMsg[] = [];
  private ended = false;
  private reading: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private room: (() => void) | undefined;
  private pull: ConsumerMessages | undefined;

  constructor(
    private readonly nats: NatsClient,
    private readonly stream: string,
    private readonly filterSubject: string,
    private readonly highWater: number,
    private readonly logger: Logger,
  ) {}

  /** Starts reading at `fromSequence`. */
  open(fromSequence: number): this {
    this.reading ??= this.read(Math.max(1, fromSequence));
    return this;
  }

  /** Up to `max` messages in stream order, as soon as at least one is there; `[]` once `interrupted()` holds. */
  async take(max: number, interrupted: () => boolean): Promise<JsMsg[]> {
    while (this.buffer.length === 0) {
      if (interrupted() || this.ended) return [];
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    const taken = this.buffer.splice(0, max);
    this.room?.();
    return taken;
  }

  /** Wakes a waiting `take`, so that it checks `interrupted()` again. */
  interrupt(): void {
    this.wake?.();
  }

  /**
   * Stops reading at once: the pull in hand is dropped. That loses nothing, since the reader
   * acknowledges nothing and its consumer is deleted; the next reader starts where this one stopped.
   */
  async close(): Promise<void> {
    this.ended = true;
    this.interrupt();
    this.room?.();
    this.pull?.stop();
    await this.reading;
  }

  private async read(fromSequence: number): Promise<void> {
    let next = fromSequence;
    while (!this.ended) {
      if (!this.nats.isConnected) {
        await sleep(RESUME_DELAY_MS);
        continue;
      }
      let name: string | undefined;
      try {
        const info = await this.nats.jsm.consumers.add(this.stream, {
          ack_policy: AckPolicy.None,
          deliver_policy: DeliverPolicy.StartSequence,
          opt_start_seq: next,
          filter_subject: this.filterSubject,
          mem_storage: true,
          num_replicas: 1,
          inactive_threshold: INACTIVE_THRESHOLD_MS * 1_000_000,
        });
        name = info.name;
        const consumer = await this.nats.js.consumers.get(this.stream, info.name);
        let delivered = 0;
        while (!this.ended) {
          while (this.buffer.length >= this.highWater && !this.ended) await new Promise<void>((resolve) => (this.room = resolve));
          const pull = await consumer.fetch({ max_messages: this.highWater - this.buffer.length, expires: PULL_EXPIRES_MS, idle_heartbeat: IDLE_HEARTBEAT_MS });
          this.pull = pull;
          for await (const message of pull) {
            if (message.info.deliverySequence !== ++delivered) throw new Error(`delivery gap after stream sequence ${next - 1}`);
            next = message.seq + 1;
            this.buffer.push(message);
            this.wake?.();
          }
        }
      } catch (error) {
        if (this.ended) break;
        this.logger.warn({ message: 'stream reading interrupted, resuming', from: next, error: String(error) });
        await sleep(RESUME_DELAY_MS);
      } finally {
        this.pull = undefined;
        if (name) this.nats.jsm.consumers.delete(this.stream, name).catch(() => undefined);
      }
    }
    this.wake?.();
  }
}

/** A pull request ends this soon when no message comes. */
const PULL_EXPIRES_MS = 10_000;
/**
 * The server's heartbeat while a pull waits. The client gives up on a pull after two intervals
 * without traffic, so the reader rides out a 4 s pause of the server or of this process (a long GC,
 * a busy event loop) before it starts again on a new consumer.
 */
const IDLE_HEARTBEAT_MS = 2_000;
/** The server removes a reader's consumer this long after its last pull (a reader that died). */
const INACTIVE_THRESHOLD_MS = 30_000;
const RESUME_DELAY_MS = 250;
