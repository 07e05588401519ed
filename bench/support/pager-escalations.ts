import { DeliverPolicy, jetstream, type ConsumerMessages } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { decodeEvents } from '@adapter/event-store/cloudevent.codec';
import type { ServiceEvent } from '@model/pager/pager.events';
import { PAGER_STREAM, serviceSubjectFilter } from '@stream/pager.stream';
import { summarize, type LatencySummary } from './stats';

/**
 * The floor of lateness: an in-process `setTimeout` in the bench process for each due time, set as soon as the
 * due time is known, so that it competes with the bench's own work (the sink, the receiver, the stream reader)
 * as the app's timers compete with the app's.
 */
export class TimeoutFloor {
  private readonly lateness: number[] = [];
  private readonly fired: Promise<void>[] = [];

  /** A timer due at `dueAt` (ms since the epoch); its lateness is measured with `Date.now()`, as the app's `at` is. */
  at(dueAt: number): void {
    this.fired.push(new Promise<void>((resolve) => setTimeout(() => {
      this.lateness.push(Date.now() - dueAt);
      resolve();
    }, Math.max(0, dueAt - Date.now()))));
  }

  /** Waits for every timer set so far, then summarizes their lateness. */
  async summary(): Promise<LatencySummary> {
    await Promise.all(this.fired);
    return summarize(this.lateness);
  }
}

/** What the PAGER stream showed of the incidents' escalations, as the app stored them. */
export interface Escalations {
  /** Each stored `AcknowledgementTimedOut`'s lateness, by the level that timed out: JetStream's timestamp of its message minus its `at`. */
  readonly latenessByLevel: ReadonlyMap<number, readonly number[]>;
  /** `AcknowledgementTimedOut` events stored before their deadline. */
  readonly early: number;
  /** `LevelNotified` events per service and level, keyed `<serviceId> <level>`. */
  readonly notified: ReadonlyMap<string, number>;
  /** When each service's level 1 was notified (the event's time): its targets' messages gather pages from then. */
  readonly levelOneNotifiedAt: ReadonlyMap<string, number>;
  readonly exhausted: number;
}

/**
 * Reads the PAGER stream's new messages as they are stored, from an ordered consumer in the bench process. Each
 * level-1 `LevelNotified` tells its deadline and the next level's (the next one is counted from the first's `at`,
 * not from when it fired), and `onDeadline` hears both at once, well before they are due.
 */
export class EscalationWatch {
  private readonly lateness = new Map<number, number[]>();
  private readonly notified = new Map<string, number>();
  private readonly levelOneNotifiedAt = new Map<string, number>();
  private early = 0;
  private exhausted = 0;
  private reading: Promise<void> = Promise.resolve();

  private constructor(
    private readonly connection: NatsConnection,
    private readonly messages: ConsumerMessages,
    private readonly ackTimeoutMs: number,
    private readonly onDeadline: (dueAt: number) => void,
  ) {}

  static async start(natsUrl: string, ackTimeoutSeconds: number, onDeadline: (dueAt: number) => void): Promise<EscalationWatch> {
    const connection = await connect({ servers: natsUrl, name: 'bench-pager-reader' });
    const consumer = await jetstream(connection).consumers.get(PAGER_STREAM.name, { filter_subjects: serviceSubjectFilter(), deliver_policy: DeliverPolicy.New });
    const watch = new EscalationWatch(connection, await consumer.consume({ max_messages: 1_000 }), ackTimeoutSeconds * 1_000, onDeadline);
    watch.reading = watch.read();
    return watch;
  }

  /** Escalations exhausted so far: each one's last level timed out. */
  get exhaustedSoFar(): number {
    return this.exhausted;
  }

  /** Stops reading and tells what was read. */
  async stop(): Promise<Escalations> {
    await this.messages.close();
    await this.reading;
    await this.connection.close();
    return { latenessByLevel: this.lateness, early: this.early, notified: this.notified, levelOneNotifiedAt: this.levelOneNotifiedAt, exhausted: this.exhausted };
  }

  private async read(): Promise<void> {
    for await (const message of this.messages) {
      const storedAt = message.info.timestampNanos / 1e6;
      for (const { event, metadata } of decodeEvents<ServiceEvent>(PAGER_STREAM, { subject: message.subject, sequence: message.seq, body: message.string() })) {
        if (event.type === 'LevelNotified') {
          const key = `${event.data.serviceId} ${event.data.level}`;
          this.notified.set(key, (this.notified.get(key) ?? 0) + 1);
          if (event.data.level === 1 && event.data.round === 0) {
            this.levelOneNotifiedAt.set(event.data.serviceId, Date.parse(metadata.time));
            const deadline = Date.parse(event.data.ackDeadline);
            this.onDeadline(deadline);
            this.onDeadline(deadline + this.ackTimeoutMs);
          }
        } else if (event.type === 'AcknowledgementTimedOut') {
          const late = storedAt - Date.parse(event.data.at);
          if (late < 0) this.early++;
          const ofLevel = this.lateness.get(event.data.level) ?? [];
          ofLevel.push(late);
          this.lateness.set(event.data.level, ofLevel);
        } else if (event.type === 'EscalationExhausted') {
          this.exhausted++;
        }
      }
    }
  }
}
