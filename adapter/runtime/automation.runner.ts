import { Logger, type OnModuleInit } from '@nestjs/common';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import type { Reactor } from '@libs/decider/projection';
import { RuleViolation } from '@libs/errors/domain-error';
import type { EventStreamDefinition } from '@stream/event-stream';
import { DurableConsumer, type Outcome } from '@adapter/consumer/durable-consumer';
import type { CommandContext } from '@adapter/event-store/command-handler';
import type { NatsClient } from '@adapter/nats/nats.client';
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
 * fires a second time.
 */
export abstract class AutomationRunner<E extends Message<string, unknown>, C> implements OnModuleInit {
  private readonly logger: Logger;
  private readonly consumer: DurableConsumer<E>;

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
        const { correlationId, id: causationId, subject, sequence } = recorded.metadata;
        const context: CommandContext = { correlationId, causationId, causedAt: { subject, sequence } };
        try {
          await this.options.execute(command, context);
        } catch (error) {
          if (!(error instanceof RuleViolation)) throw error;
          this.logger.warn({ message: 'command refused', rule: error.code, detail: error.message, correlationId, causationId });
        }
      }
    }
    return { kind: 'done' };
  }
}

/** Entities whose events an automation handles at once, in one app instance. */
const SUBJECTS_AT_ONCE = 32;
