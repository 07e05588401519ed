import { Inject, Logger, type OnModuleInit } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import type { EventMetadata, Message, RecordedEvent } from '@libs/decider/decider';
import type { Reactor } from '@libs/decider/projection';
import { RuleViolation } from '@libs/errors/domain-error';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';
import { DurableConsumer, type Outcome } from '@adapter/consumer/durable-consumer';
import type { CommandContext } from '@libs/command/command-handler';
import { toProblem } from '@adapter/http/problem';
import type { NatsClient } from '@adapter/nats/nats.client';
import { AppMetrics, outcomeOf, type CommandOutcome } from '@adapter/telemetry/app-metrics';
import { causedBy, type Operation } from '@adapter/telemetry/operation-context';
import { parentContext } from '@adapter/telemetry/trace-context';
import { Tracing } from '@adapter/telemetry/tracing';
import type { Consumers } from './consumers';

export interface AutomationOptions<E, C> {
  readonly name: string;
  readonly stream: EventStreamDefinition;
  readonly filterSubject: string;
  readonly react: Reactor<E, C>;
  readonly execute: (command: C, context: CommandContext) => Promise<unknown>;
}

/**
 * Runs an automation on its own durable consumer: each event goes through the pure reactor, and
 * each resulting command is executed with the event as its cause. Events of different entities
 * (subjects) are handled side by side, those of one entity one after another in stream order. A
 * business refusal is logged and acknowledged; a transient failure is retried with backoff; what
 * keeps failing is dead-lettered. Commands are idempotent decisions, so a redelivered event never
 * fires a second time. Each command runs in a span of its own, a child of the span that stored the
 * event (its `traceparent`), so a trace follows a booking to its cleaning; its logs name the event's
 * correlation id and the event as their cause.
 */
export abstract class AutomationRunner<E extends Message<string, unknown>, C> implements OnModuleInit {
  private readonly logger: Logger;
  readonly consumer: DurableConsumer<E>;
  private readonly reactions: AutomationReactions<E>;
  @Inject(AppMetrics) private readonly metrics!: AppMetrics;
  @Inject(Tracing) private readonly tracing!: Tracing;

  protected constructor(
    nats: NatsClient,
    private readonly consumers: Consumers,
    options: AutomationOptions<E, C>,
  ) {
    this.logger = new Logger(`Automation ${options.name}`);
    this.reactions = automationReactions(options, this.logger, {
      inSpan: (event, operation, run) =>
        this.tracing.inSpan(`automation ${options.name}`, SpanKind.CONSUMER, parentContext({ traceparent: event.traceparent, tracestate: event.tracestate }), operation, run),
      answered: (outcome, seconds) => this.metrics.commandAnswered(options.name, 'automation', outcome, seconds),
    });
    this.consumer = new DurableConsumer<E>(nats, {
      name: this.reactions.consumer,
      stream: options.stream,
      filterSubject: options.filterSubject,
      handle: (events) => this.handle(events),
      concurrency: SUBJECTS_AT_ONCE,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.consumer.ensure();
    if (!this.consumers.runsAutomations) return;
    this.consumer.start();
    this.consumers.track(this.consumer);
  }

  private async handle(events: readonly RecordedEvent<E>[]): Promise<Outcome> {
    await this.reactions.handle(events);
    return { kind: 'done' };
  }
}

/** An automation's handling of events, its command type hidden: what its runner runs, and what a re-drive of its dead letters runs again. */
export interface AutomationReactions<E> {
  /** The automation's durable consumer, as its dead letters name it. */
  readonly consumer: string;
  /**
   * Executes every command the reactor calls for, with the event as its cause. A business refusal is logged
   * and counts as handled; any other failure is thrown, for a retry.
   */
  readonly handle: (events: readonly RecordedEvent<E>[]) => Promise<void>;
}

/** What the app's runner adds around each command: its span, and its count in the metrics. */
export interface ReactionHooks {
  readonly inSpan?: (event: EventMetadata, operation: Operation, run: () => Promise<void>) => Promise<void>;
  readonly answered?: (outcome: CommandOutcome, seconds: number) => void;
}

export const automationReactions = <E extends Message<string, unknown>, C>(
  options: AutomationOptions<E, C>,
  logger: Logger,
  hooks: ReactionHooks = {},
): AutomationReactions<E> => {
  /** Runs one command; a business refusal is logged and done with, anything else fails the event, which is retried. */
  const execute = async (command: C, context: CommandContext): Promise<void> => {
    const started = performance.now();
    let outcome: CommandOutcome = 'ok';
    try {
      await options.execute(command, context);
    } catch (error) {
      if (!(error instanceof RuleViolation)) {
        outcome = outcomeOf(toProblem(error).status);
        throw error;
      }
      outcome = 'refused';
      logger.warn({ message: 'command refused', rule: error.code, detail: error.message, correlationId: context.correlationId, causationId: context.causationId });
    } finally {
      hooks.answered?.(outcome, (performance.now() - started) / 1_000);
    }
  };
  return {
    consumer: `automation-${options.name}`,
    handle: async (events) => {
      for (const recorded of events) {
        for (const command of options.react(recorded)) {
          const { subject, sequence } = recorded.metadata;
          const operation = causedBy(recorded.metadata);
          const context: CommandContext = { ...operation, causedAt: { subject, sequence } };
          const run = (): Promise<void> => execute(command, context);
          await (hooks.inSpan ? hooks.inSpan(recorded.metadata, operation, run) : run());
        }
      }
    },
  };
};

/** Entities whose events an automation handles at once, in one app instance. */
const SUBJECTS_AT_ONCE = 32;
