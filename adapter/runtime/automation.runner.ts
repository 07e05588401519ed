import { Inject, Logger, type OnModuleInit } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import type { Reactor } from '@libs/decider/projection';
import { RuleViolation } from '@libs/errors/domain-error';
import type { EventStreamDefinition } from '@stream/event-stream';
import { DurableConsumer, type Outcome } from '@adapter/consumer/durable-consumer';
import type { CommandContext } from '@adapter/event-store/command-handler';
import { toProblem } from '@adapter/http/problem';
import type { NatsClient } from '@adapter/nats/nats.client';
import { AppMetrics, outcomeOf, type CommandOutcome } from '@adapter/telemetry/app-metrics';
import { causedBy } from '@adapter/telemetry/operation-context';
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
  @Inject(AppMetrics) private readonly metrics!: AppMetrics;
  @Inject(Tracing) private readonly tracing!: Tracing;

  protected constructor(
    nats: NatsClient,
    private readonly consumers: Consumers,
    private readonly options: AutomationOptions<E, C>,
  ) {
    this.logger = new Logger(`Automation ${options.name}`);
    this.consumer = new DurableConsumer<E>(nats, {
      name: `automation-${options.name}`,
      stream: options.stream,
      filterSubject: options.filterSubject,
      handle: (events) => this.handle(events),
      concurrency: SUBJECTS_AT_ONCE,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.consumer.ensure();
    this.consumer.start();
    this.consumers.track(this.consumer);
  }

  private async handle(events: readonly RecordedEvent<E>[]): Promise<Outcome> {
    for (const recorded of events) {
      for (const command of this.options.react(recorded)) {
        const { subject, sequence, traceparent, tracestate } = recorded.metadata;
        const operation = causedBy(recorded.metadata);
        const context: CommandContext = { ...operation, causedAt: { subject, sequence } };
        const parent = parentContext({ traceparent, tracestate });
        await this.tracing.inSpan(`automation ${this.options.name}`, SpanKind.CONSUMER, parent, operation, () => this.execute(command, context));
      }
    }
    return { kind: 'done' };
  }

  /** Runs one command; a business refusal is logged and done with, anything else fails the event, which is retried. */
  private async execute(command: C, context: CommandContext): Promise<void> {
    const started = performance.now();
    let outcome: CommandOutcome = 'ok';
    try {
      await this.options.execute(command, context);
    } catch (error) {
      if (!(error instanceof RuleViolation)) {
        outcome = outcomeOf(toProblem(error).status);
        throw error;
      }
      outcome = 'refused';
      this.logger.warn({ message: 'command refused', rule: error.code, detail: error.message });
    } finally {
      this.metrics.commandAnswered(this.options.name, 'automation', outcome, (performance.now() - started) / 1_000);
    }
  }
}

/** Entities whose events an automation handles at once, in one app instance. */
const SUBJECTS_AT_ONCE = 32;
