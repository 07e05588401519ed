import { Logger } from '@nestjs/common';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import type { CommandContext, CommandHandler } from '@libs/command/command-handler';
import { sourceOf, type AutomationSlice, type SettingValues } from '@libs/event-model/board';
import { RuleViolation } from '@libs/errors/domain-error';
import { DurableConsumer, type Outcome } from '@adapter/consumer/durable-consumer';
import { toProblem } from '@adapter/edge/problem';
import type { NatsClient } from '@adapter/nats/nats.client';
import type { CommandTelemetry } from '@adapter/telemetry/command-telemetry';
import { causedBy, runOperation } from '@adapter/telemetry/operation-context';
import { consumerOf } from './consumer-names';

/** Entities whose events an automation handles at once, in one app instance. */
const SUBJECTS_AT_ONCE = 32;

/** An automation's handling of events, its command type hidden: what its runner runs, and what a re-drive of its dead letters runs again. */
export interface AutomationReactions<E> {
  /** The automation's durable consumer, as its dead letters name it: `automation-<slice>`. */
  readonly consumer: string;
  /**
   * Executes every command the reactor calls for, with the event as its cause. A business refusal is logged
   * and counts as handled; any other failure is thrown, for a retry.
   */
  readonly handle: (events: readonly RecordedEvent<E>[]) => Promise<void>;
}

/**
 * An automation slice's reactions: each event goes through its pure reactor, and each command it calls for
 * is decided by the slice's handler with the event as its cause (its entity read up to the cause first, see
 * `CommandContext.causedAt`). With telemetry, each command is a command to `CommandTelemetry` (trigger
 * `automation`): a span of its own, a child of the span that stored the event, and its outcome counted.
 */
export const automationReactions = <E extends Message<string, unknown>, C, S>(
  slice: AutomationSlice<E, C, S>,
  handler: CommandHandler<C, S, E>,
  settings: SettingValues,
  telemetry?: CommandTelemetry,
): AutomationReactions<E> => {
  const logger = new Logger(`Automation ${slice.name}`);
  /** Runs one command; a business refusal is logged and done with, anything else fails the event, which is retried. */
  const execute = async (command: C, context: CommandContext): Promise<number> => {
    try {
      await handler.handle(command, context);
      return 200;
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      logger.warn({ message: 'command refused', rule: error.code, detail: error.message, correlationId: context.correlationId, causationId: context.causationId });
      return 409;
    }
  };
  const react = async (recorded: RecordedEvent<E>, command: C): Promise<void> => {
    const { subject, sequence, traceparent, tracestate } = recorded.metadata;
    const operation = causedBy(recorded.metadata);
    const context: CommandContext = { ...operation, causedAt: { subject, sequence } };
    if (!telemetry) {
      await runOperation(operation, () => execute(command, context));
      return;
    }
    const inFlight = telemetry.begin({ command: slice.name, trigger: 'automation', span: `automation ${slice.name}`, parent: { traceparent, tracestate }, ...operation });
    let status = 500;
    try {
      status = await runOperation(inFlight.operation, () => execute(command, context));
    } catch (error) {
      status = toProblem(error).status;
      throw error;
    } finally {
      inFlight.end(status);
    }
  };
  return {
    consumer: consumerOf(slice).name,
    handle: async (events) => {
      for (const recorded of events) {
        for (const command of slice.react(recorded, settings)) await react(recorded, command);
      }
    },
  };
};

/**
 * Runs an automation on its own durable consumer: events of different entities (subjects) are handled side
 * by side, those of one entity one after another in stream order. A business refusal is logged and
 * acknowledged; a transient failure is retried with backoff; what keeps failing is dead-lettered. Commands
 * are idempotent decisions, so a redelivered event never fires a second time.
 */
export class AutomationRunner<E extends Message<string, unknown> = Message<string, unknown>> {
  readonly consumer: DurableConsumer<E>;

  constructor(nats: NatsClient, reactions: AutomationReactions<E>, slice: AutomationSlice<E, unknown, unknown>) {
    this.consumer = new DurableConsumer<E>(nats, {
      name: reactions.consumer,
      stream: sourceOf(slice),
      filterSubject: slice.subjects,
      handle: async (events): Promise<Outcome> => {
        await reactions.handle(events);
        return { kind: 'done' };
      },
      concurrency: SUBJECTS_AT_ONCE,
    });
  }
}
