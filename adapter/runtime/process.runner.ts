import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import type { ProcessSlice } from '@libs/event-model/board';
import type { SliceHandlers } from '@libs/command/slice-handlers';
import { Pause } from '@libs/async/pause';
import { ProcessReaction } from '@libs/command/process-reaction';
import { DurableConsumer, type Outcome } from '@adapter/consumer/durable-consumer';
import { toProblem } from '@adapter/edge/problem';
import type { NatsClient } from '@adapter/nats/nats.client';
import { ProjectorLease, type LeaseTiming } from '@adapter/projection/projector-lease';
import { leaseKey, openProgressBucket } from '@adapter/projection/view-buckets';
import type { CommandTelemetry } from '@adapter/telemetry/command-telemetry';
import { causedBy, runOperation } from '@adapter/telemetry/operation-context';
import { consumerOf } from './consumer-names';

/** Process entities reacted on at once, in the instance holding the process's lease. */
const ENTITIES_AT_ONCE = 32;

const LEASE: LeaseTiming = { ttlMs: 5_000, renewMs: 1_000 };

/**
 * A process slice at run time. Its durable consumer (`process-<slice>`) reads the events of the process's
 * entities, and an event that gives it work wakes a reaction on its entity (`ProcessReaction`): one at a time
 * per entity, up to 32 entities at once. Only the instance holding the process's lease (`lease.process-<slice>`
 * in the `projectors` bucket) consumes, so one reaction per entity is in flight across instances; another
 * instance takes over about 5 s after the holder stops renewing. A reaction that overlaps a handover is safe:
 * reactions are idempotent end to end. A reaction is a command to `CommandTelemetry` (trigger `process`), in
 * the journey and the trace of the event that woke it.
 */
export class ProcessRunner<E extends Message<string, unknown> = Message<string, unknown>> {
  readonly consumer: DurableConsumer<E>;
  private readonly reaction: ProcessReaction<E>;
  private readonly logger: Logger;
  private lease: ProjectorLease | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private readonly pause = new Pause();

  constructor(
    private readonly nats: NatsClient,
    readonly slice: ProcessSlice<E>,
    handlers: SliceHandlers,
    private readonly telemetry: CommandTelemetry,
    private readonly replicas: number,
    private readonly leaseTiming: LeaseTiming = LEASE,
  ) {
    this.logger = new Logger(`Process ${slice.name}`);
    this.reaction = new ProcessReaction(slice, handlers.handler(slice), handlers.handler(slice.step.via));
    this.consumer = new DurableConsumer<E>(nats, {
      name: consumerOf(slice).name,
      stream: consumerOf(slice).stream,
      filterSubject: slice.subjects,
      handle: (events) => this.handle(events),
      concurrency: ENTITIES_AT_ONCE,
    });
  }

  /** Creates the durable consumer and the lease's bucket. */
  async ensure(): Promise<void> {
    await this.consumer.ensure();
    const bucket = await openProgressBucket(this.nats, this.replicas);
    this.lease = new ProjectorLease(bucket, leaseKey(this.consumer.name), randomUUID(), this.leaseTiming);
  }

  /** Reacts while this instance holds the process's lease, waiting for it otherwise. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.pause.wake();
    await this.running;
    this.running = undefined;
  }

  private async run(): Promise<void> {
    const lease = this.lease;
    if (!lease) throw new Error('call ensure() before start()');
    await lease.serve(
      () => this.stopping,
      async (lost) => {
        this.consumer.start();
        try {
          while (!this.stopping && !lost()) await this.pause.wait(this.leaseTiming.renewMs);
        } finally {
          await this.consumer.stop();
        }
        if (lost()) this.logger.warn({ message: 'lease lost; reacting again once it is held' });
      },
    );
  }

  /** Reacts to the last event of a message that gives the process work, as a command of its own: its span (a child of the event's), metrics and log context. */
  private async handle(events: readonly RecordedEvent<E>[]): Promise<Outcome> {
    const waking = events.filter(({ event, metadata }) => this.reaction.wakes(event.type, metadata.subject, metadata.sequence)).at(-1);
    if (!waking) return { kind: 'done' };
    const { subject, sequence, traceparent, tracestate } = waking.metadata;
    const cause = causedBy(waking.metadata);
    const inFlight = this.telemetry.begin({ command: this.slice.name, trigger: 'process', span: `process ${this.slice.name}`, parent: { traceparent, tracestate }, ...cause });
    let status = 500;
    try {
      const { actions, items } = await runOperation(inFlight.operation, () => this.reaction.react(subject, sequence, cause));
      status = 200;
      if (actions > 0) this.logger.log({ message: 'reacted', subject, actions, items, ...cause });
    } catch (error) {
      status = toProblem(error).status;
      throw error;
    } finally {
      inFlight.end(status);
    }
    return { kind: 'done' };
  }
}
