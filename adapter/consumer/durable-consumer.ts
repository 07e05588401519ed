import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, type ConsumerConfig, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { assertNever, type Message, type RecordedEvent } from '@libs/decider/decider';
import type { EventStreamDefinition } from '@stream/event-stream';
import { decodeEvents, UndecodableEvent } from '@adapter/event-store/cloudevent.codec';
import { withinTime, type NatsClient } from '@adapter/nats/nats.client';
import { DeadLetters } from './dead-letters';

/** What to do with a message once its handler ran. */
export type Outcome = { kind: 'done' } | { kind: 'retry'; reason: string };

export interface DurableConsumerOptions<E> {
  /** Durable consumer name: survives restarts, one per view or automation. */
  readonly name: string;
  readonly stream: EventStreamDefinition;
  readonly filterSubject: string;
  readonly handle: (events: readonly RecordedEvent<E>[]) => Promise<Outcome>;
  /** Deliveries before a message that keeps failing is dead-lettered. */
  readonly maxDeliver?: number;
  /** Delay before the n-th redelivery, in ms; the last one repeats. */
  readonly backoffMs?: readonly number[];
  readonly maxAckPending?: number;
}

/**
 * Runs a handler over a durable JetStream pull consumer, one message at a time in stream order.
 * Undecodable messages and messages that keep failing go to the dead-letter stream, so one poison
 * message never blocks the consumer.
 */
export class DurableConsumer<E extends Message<string, unknown>> {
  private readonly logger: Logger;
  private readonly deadLetters: DeadLetters;
  private running: Promise<void> | undefined;
  private batch: ConsumerMessages | undefined;
  private stopping = false;
  private lastProcessed = 0;
  private readonly progressListeners = new Set<(sequence: number) => void>();

  constructor(
    private readonly nats: NatsClient,
    private readonly options: DurableConsumerOptions<E>,
  ) {
    this.logger = new Logger(`Consumer ${options.name}`);
    this.deadLetters = new DeadLetters(nats);
  }

  get name(): string {
    return this.options.name;
  }

  /** The highest stream sequence this process has finished with. */
  get processedThrough(): number {
    return this.lastProcessed;
  }

  onProgress(listener: (sequence: number) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** Creates the durable consumer, or updates it to the current configuration. */
  async ensure(): Promise<void> {
    const config: Partial<ConsumerConfig> = {
      durable_name: this.options.name,
      filter_subject: this.options.filterSubject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: ACK_WAIT_MS * 1_000_000,
      max_deliver: -1,
      max_ack_pending: this.options.maxAckPending ?? 1_000,
    };
    const existing = await this.nats.jsm.consumers.info(this.options.stream.name, this.options.name).catch(() => null);
    if (!existing) {
      await this.nats.jsm.consumers.add(this.options.stream.name, config);
      return;
    }
    const { durable_name: _name, deliver_policy: _policy, ack_policy: _ack, ...updatable } = config;
    await this.nats.jsm.consumers.update(this.options.stream.name, this.options.name, updatable);
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.run();
  }

  /**
   * Stops after the pull request in hand has ended: the message being handled finishes, and the
   * rest of the batch is handed back. A pull request is never abandoned while connected, because
   * nats-server 2.9 would still deliver into it and the message would wait out `ack_wait`
   * unacknowledged. While NATS is unreachable the request cannot end by itself (the client waits for
   * the server's heartbeats), and nothing can be delivered into it, so it is dropped.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    while (this.running && !(await withinTime(this.running, STOP_POLL_MS))) {
      if (!this.nats.isConnected) this.batch?.stop();
    }
    this.running = undefined;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (!this.nats.isConnected) {
          await sleep(RESUME_DELAY_MS);
          continue;
        }
        const consumer = await this.nats.js.consumers.get(this.options.stream.name, this.options.name);
        const batch = await consumer.fetch({ max_messages: BATCH_SIZE, expires: PULL_EXPIRES_MS });
        this.batch = batch;
        for await (const message of batch) {
          if (this.stopping) message.nak(HAND_BACK_DELAY_MS);
          else await this.process(message);
        }
      } catch (error) {
        if (this.stopping) break;
        this.logger.warn({ message: 'consumer interrupted, resuming', error: String(error) });
        await sleep(RESUME_DELAY_MS);
      } finally {
        this.batch = undefined;
      }
    }
  }

  private async process(message: JsMsg): Promise<void> {
    let events: RecordedEvent<E>[];
    try {
      events = decodeEvents<E>(this.options.stream, { subject: message.subject, sequence: message.seq, body: message.string() });
    } catch (error) {
      if (!(error instanceof UndecodableEvent)) throw error;
      await this.deadLetter(message, error.message);
      return;
    }
    let outcome: Outcome;
    const stillWorking = setInterval(() => message.working(), ACK_WAIT_MS / 3);
    try {
      outcome = await this.options.handle(events);
    } catch (error) {
      outcome = { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    } finally {
      clearInterval(stillWorking);
    }
    switch (outcome.kind) {
      case 'done':
        message.ack();
        break;
      case 'retry':
        await this.retryOrGiveUp(message, outcome.reason);
        return;
      default:
        assertNever(outcome);
    }
    this.progressed(message.seq);
  }

  private async retryOrGiveUp(message: JsMsg, reason: string): Promise<void> {
    const deliveries = message.info.deliveryCount;
    if (deliveries >= (this.options.maxDeliver ?? 5)) {
      await this.deadLetter(message, `gave up after ${deliveries} deliveries: ${reason}`);
      return;
    }
    const backoff = this.options.backoffMs ?? [1_000, 5_000, 15_000, 30_000];
    const delay = backoff[Math.min(deliveries - 1, backoff.length - 1)] ?? 1_000;
    this.logger.warn({ message: 'will retry', sequence: message.seq, deliveries, delayMs: delay, reason });
    message.nak(delay);
  }

  /** The reason travels in the dead letter's headers: nats-server 2.9 does not understand `+TERM <reason>`. */
  private async deadLetter(message: JsMsg, reason: string): Promise<void> {
    this.logger.error({ message: 'dead-lettered', sequence: message.seq, subject: message.subject, reason });
    await this.deadLetters.send(this.options.name, message, reason);
    message.term();
    this.progressed(message.seq);
  }

  private progressed(sequence: number): void {
    if (sequence <= this.lastProcessed) return;
    this.lastProcessed = sequence;
    for (const listener of this.progressListeners) listener(sequence);
  }
}

/** Unacknowledged deliveries come back after this; a handler at work keeps extending it. */
const ACK_WAIT_MS = 10_000;
/** Messages asked for in one pull request. */
const BATCH_SIZE = 128;
/** A pull request ends this soon when no message comes, which also bounds how long a stop takes. */
const PULL_EXPIRES_MS = 1_000;
/** Messages handed back at stop come again after this, to another instance or to this one's next start. */
const HAND_BACK_DELAY_MS = 250;
/** How often a stop checks whether NATS went away while it waits for the pull request to end. */
const STOP_POLL_MS = 100;
/** Pause before pulling again after a failure, or while NATS is unreachable. */
const RESUME_DELAY_MS = 500;
