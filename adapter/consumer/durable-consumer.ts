import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, type Consumer, type ConsumerConfig, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { assertNever, type Message, type RecordedEvent } from '@libs/decider/decider';
import { ServiceUnavailable } from '@libs/errors/domain-error';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';
import { decodeEvents, UndecodableEvent } from '@adapter/event-store/cloudevent.codec';
import { isTransientNatsError, withinTime, type NatsClient } from '@adapter/nats/nats.client';
import { causedBy, runOperation } from '@adapter/telemetry/operation-context';
import { DeadLetters } from './dead-letters';
import { KeyedLanes } from './keyed-lanes';

/**
 * What to do with a message once its handler ran. A retry caused by an outage (NATS unreachable, a
 * JetStream timeout) is `transient`: it is no fault of the message, so it never counts towards
 * dead-lettering it, however many deliveries the outages cost.
 */
export type Outcome = { kind: 'done' } | { kind: 'retry'; reason: string; transient?: boolean };

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
  /** Messages handled at once, each on a different subject (1: strictly one after another). */
  readonly concurrency?: number;
  /** How long a delivered message may stay unacknowledged before JetStream delivers it again. */
  readonly ackWaitMs?: number;
}

/**
 * Runs a handler over a durable JetStream pull consumer. Messages of one subject are handled one
 * after another in stream order; messages of different subjects run side by side, at most
 * `concurrency` at once. Each message is acknowledged when its handler is done. Undecodable
 * messages and messages that keep failing go to the dead-letter stream, so one poison message
 * never blocks the consumer.
 *
 * Pulling is decoupled from handling: a pull request is read to its end as messages arrive, so the
 * client's idle-heartbeat check only ever measures the server, never the handlers' pace. Every
 * message held (waiting for its turn or being handled) is kept alive with `working()`.
 */
export class DurableConsumer<E extends Message<string, unknown>> {
  private readonly logger: Logger;
  private readonly deadLetters: DeadLetters;
  private readonly lanes: KeyedLanes;
  private readonly held = new Set<JsMsg>();
  private running: Promise<void> | undefined;
  private batch: ConsumerMessages | undefined;
  private stopping = false;
  private pullConsumer: Consumer | undefined;

  constructor(
    private readonly nats: NatsClient,
    private readonly options: DurableConsumerOptions<E>,
  ) {
    this.logger = new Logger(`Consumer ${options.name}`);
    this.deadLetters = new DeadLetters(nats);
    this.lanes = new KeyedLanes(options.concurrency ?? 1);
  }

  get name(): string {
    return this.options.name;
  }

  get streamName(): string {
    return this.options.stream.name;
  }

  get filterSubject(): string {
    return this.options.filterSubject;
  }

  private get ackWaitMs(): number {
    return this.options.ackWaitMs ?? ACK_WAIT_MS;
  }

  /** Creates the durable consumer, or updates it to the current configuration. */
  async ensure(): Promise<void> {
    const config: Partial<ConsumerConfig> = {
      durable_name: this.options.name,
      filter_subject: this.options.filterSubject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: this.ackWaitMs * 1_000_000,
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
   * Stops after the pull request in hand has ended (at most `PULL_EXPIRES_MS`): messages being
   * handled finish, and every other message held is handed back, each after the messages of its
   * subject before it. A pull request is never abandoned while connected, because nats-server 2.9
   * would still deliver into it and the message would wait out `ack_wait` unacknowledged. While NATS
   * is unreachable the request cannot end by itself (the client waits for the server's heartbeats),
   * and nothing can be delivered into it, so it is dropped.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    while (this.running && !(await withinTime(this.running, STOP_POLL_MS))) {
      if (!this.nats.isConnected) this.batch?.stop();
    }
    this.running = undefined;
  }

  private async run(): Promise<void> {
    const keepAlive = setInterval(() => {
      for (const message of this.held) message.working();
    }, this.ackWaitMs / 3);
    try {
      while (!this.stopping) {
        try {
          await this.lanes.whenBelow(REFILL_BELOW + 1);
          if (this.stopping) break;
          if (!this.nats.isConnected) {
            await sleep(RESUME_DELAY_MS);
            continue;
          }
          this.pullConsumer ??= await this.nats.js.consumers.get(this.options.stream.name, this.options.name);
          const batch = await this.pullConsumer.fetch({
            max_messages: MAX_HELD - this.lanes.size,
            expires: PULL_EXPIRES_MS,
            idle_heartbeat: IDLE_HEARTBEAT_MS,
          });
          this.batch = batch;
          for await (const message of batch) this.accept(message);
        } catch (error) {
          this.pullConsumer = undefined;
          if (this.stopping) break;
          this.logger.warn({ message: 'consumer interrupted, resuming', error: String(error) });
          // A server that went quiet for a moment (missed heartbeats) is asked again at once; anything else is given a pause.
          if (!isMissedHeartbeats(error)) await sleep(RESUME_DELAY_MS);
        } finally {
          this.batch = undefined;
        }
      }
      await this.lanes.idle();
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** Queues a delivered message behind the earlier ones of its subject. */
  private accept(message: JsMsg): void {
    this.held.add(message);
    this.lanes.push(message.subject, async () => {
      try {
        if (this.stopping) message.nak(HAND_BACK_DELAY_MS);
        else await this.process(message);
      } catch (error) {
        this.logger.warn({ message: 'message not processed, handing it back', sequence: message.seq, error: String(error) });
        message.nak(RESUME_DELAY_MS);
      } finally {
        this.held.delete(message);
      }
    });
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
    const first = events[0]?.metadata;
    if (first) await runOperation(causedBy(first), () => this.settle(message, events));
    else await this.settle(message, events);
  }

  /** Handles a message's events and acknowledges, retries or dead-letters it, as the event's work: its logs name the event. */
  private async settle(message: JsMsg, events: readonly RecordedEvent<E>[]): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await this.options.handle(events);
    } catch (error) {
      outcome = {
        kind: 'retry',
        reason: error instanceof Error ? error.message : String(error),
        transient: error instanceof ServiceUnavailable || isTransientNatsError(error),
      };
    }
    switch (outcome.kind) {
      case 'done':
        message.ack();
        return;
      case 'retry':
        await this.retryOrGiveUp(message, outcome.reason, outcome.transient === true);
        return;
      default:
        assertNever(outcome);
    }
  }

  private async retryOrGiveUp(message: JsMsg, reason: string, transient: boolean): Promise<void> {
    const deliveries = message.info.deliveryCount;
    if (!transient && deliveries >= (this.options.maxDeliver ?? 5)) {
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
  }
}

/** Unacknowledged deliveries come back after this; held messages keep extending it. */
const ACK_WAIT_MS = 10_000;
/** Messages held at most (waiting for their turn or being handled). */
const MAX_HELD = 128;
/** The next pull request goes out once no more than this many messages are held. */
const REFILL_BELOW = MAX_HELD / 2;
/** A pull request ends this soon when no message comes, which also bounds how long a stop takes. */
const PULL_EXPIRES_MS = 1_000;
/**
 * The server sends a heartbeat this often while a pull request waits. The client gives up on a
 * request after two intervals without any traffic, so a quarter of the expiry leaves it a whole
 * half of the request's life of margin: only a silent server, not the request's own end, trips it.
 * (nats.js defaults to half the expiry, which races the server's own expiry; the server refuses
 * more than half.)
 */
const IDLE_HEARTBEAT_MS = PULL_EXPIRES_MS / 4;
/** Messages handed back at stop come again after this, to another instance or to this one's next start. */
const HAND_BACK_DELAY_MS = 250;
/** How often a stop checks whether NATS went away while it waits for the pull request to end. */
const STOP_POLL_MS = 100;
/** Pause before pulling again after a failure, or while NATS is unreachable. */
const RESUME_DELAY_MS = 500;

const isMissedHeartbeats = (error: unknown): boolean => error instanceof Error && /heartbeats missed/i.test(error.message);
