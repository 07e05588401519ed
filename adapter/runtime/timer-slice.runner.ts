import { Logger } from '@nestjs/common';
import type { CommandHandler } from '@libs/command/command-handler';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { TimerSlice } from '@libs/event-model/board';
import { DurableConsumer, type Outcome } from '@adapter/consumer/durable-consumer';
import type { NatsClient } from '@adapter/nats/nats.client';
import type { CommandTelemetry } from '@adapter/telemetry/command-telemetry';
import { runOperation } from '@adapter/telemetry/operation-context';
import type { DueTimer } from '@adapter/timers/timer-scheduler';
import type { TimerStore } from '@adapter/timers/timer-store';
import { consumerOf } from './consumer-names';

/** Entities whose events a timer slice handles at once, in one app instance: each waits on NATS, not on the CPU. */
const SUBJECTS_AT_ONCE = 128;

/**
 * A timer slice at run time. Its durable consumer (`timer-<slice>`) reads the events that set and clear its
 * timers and keeps them in the timer store, each at the generation of the event that set or cleared it (its
 * stream sequence), so a redelivered or late event never brings back an older timer. When a timer is due, its
 * command is decided by the slice's handler, with ids derived from the timer and its generation: a timer that
 * fires twice decides once in effect. A business refusal is logged and counts as done.
 */
export class TimerSliceRunner<E extends Message<string, unknown> = Message<string, unknown>, C = unknown, S = unknown> {
  readonly consumer: DurableConsumer<E>;
  private readonly logger: Logger;

  constructor(
    nats: NatsClient,
    readonly slice: TimerSlice<E, C, S>,
    private readonly handler: CommandHandler<C, S, E>,
    private readonly store: TimerStore,
    private readonly telemetry: CommandTelemetry,
  ) {
    this.logger = new Logger(`Timer ${slice.name}`);
    this.consumer = new DurableConsumer<E>(nats, {
      name: consumerOf(slice).name,
      stream: consumerOf(slice).stream,
      filterSubject: slice.subjects,
      handle: (events) => this.keep(events),
      concurrency: SUBJECTS_AT_ONCE,
    });
  }

  /** Sets and clears the timers the events call for. */
  private async keep(events: readonly RecordedEvent<E>[]): Promise<Outcome> {
    for (const recorded of events) {
      const { sequence, correlationId, id } = recorded.metadata;
      for (const change of this.slice.timers(recorded)) {
        if (change.kind === 'clear') {
          await this.store.clear(this.slice.name, change.timer, sequence);
          continue;
        }
        const at = Date.parse(change.at);
        if (Number.isNaN(at)) throw new Error(`${this.slice.name} set timer ${change.timer} at ${change.at}, which is not a time`);
        await this.store.set({ slice: this.slice.name, timer: change.timer, generation: sequence, at, action: { kind: 'command', command: change.command }, correlationId, causationId: id });
      }
    }
    return { kind: 'done' };
  }

  /** Decides a due timer's command, as a command of its own (span, metrics, logs), in the journey of the event that set it. */
  async fire(timer: DueTimer): Promise<void> {
    if (timer.action.kind !== 'command') throw new Error(`timer ${timer.slice}.${timer.timer} asks for an ${timer.action.kind}, not a command`);
    const command = timer.action.command as C;
    const operation = { correlationId: timer.correlationId, causationId: timer.causationId };
    const inFlight = this.telemetry.begin({ command: this.slice.name, trigger: 'timer', span: `timer ${this.slice.name}`, parent: {}, ...operation });
    let status = 500;
    try {
      status = await runOperation(inFlight.operation, async () => {
        try {
          await this.handler.handle(command, { ...operation, idempotencyKey: `${timer.slice}.${timer.timer}@${timer.generation}` });
          return 200;
        } catch (error) {
          if (!(error instanceof RuleViolation)) throw error;
          this.logger.warn({ message: 'due command refused', rule: error.code, detail: error.message, timer: timer.timer });
          return 409;
        }
      });
    } finally {
      inFlight.end(status);
    }
  }
}
