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
  private readonly reactions: AutomationReactions<E>;

  protected constructor(
    nats: NatsClient,
    private readonly consumers: Consumers,
    options: AutomationOptions<E, C>,
  ) {
    this.logger = new Logger(`Automation ${options.name}`);
    this.reactions = automationReactions(options, this.logger);
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

export const automationReactions = <E extends Message<string, unknown>, C>(options: AutomationOptions<E, C>, logger: Logger): AutomationReactions<E> => ({
  consumer: `automation-${options.name}`,
  handle: async (events) => {
    for (const recorded of events) {
      for (const command of options.react(recorded)) {
        const { correlationId, id: causationId, subject, sequence } = recorded.metadata;
        const context: CommandContext = { correlationId, causationId, causedAt: { subject, sequence } };
        try {
          await options.execute(command, context);
        } catch (error) {
          if (!(error instanceof RuleViolation)) throw error;
          logger.warn({ message: 'command refused', rule: error.code, detail: error.message, correlationId, causationId });
        }
      }
    }
  },
});

/** Entities whose events an automation handles at once, in one app instance. */
const SUBJECTS_AT_ONCE = 32;
