import { randomInt } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { CommandHandler } from '@libs/command/command-handler';
import type { Message, RecordedEvent } from '@libs/decider/decider';
import { RuleViolation } from '@libs/errors/domain-error';
import type { EffectOutcome, EffectRequest, EffectSlice } from '@libs/event-model/board';
import { DurableConsumer, type Outcome } from '@adapter/consumer/durable-consumer';
import type { EffectSender } from '@adapter/effects/effect-sender';
import type { NatsClient } from '@adapter/nats/nats.client';
import type { CommandTelemetry } from '@adapter/telemetry/command-telemetry';
import { runOperation } from '@adapter/telemetry/operation-context';
import type { DueTimer } from '@adapter/timers/timer-scheduler';
import type { TimerStore } from '@adapter/timers/timer-store';
import { consumerOf } from './consumer-names';

/** Requests an effect carries out at once, in one app instance: they wait on the outside world, not on the CPU. */
const SUBJECTS_AT_ONCE = 128;

export interface EffectRetry {
  /** Attempts in all, the first one included. */
  readonly attempts: number;
  /** Before the second attempt; doubling for each after it, with a fifth either way of jitter. */
  readonly backoffMs: number;
}

interface Cause {
  readonly correlationId: string;
  readonly causationId: string;
}

/**
 * An effect slice at run time. Its durable consumer (`effect-<slice>`) reads the events that ask for requests,
 * and each request is attempted: unless the entity no longer wants it (read fresh, so a cancellation that was
 * stored is seen), the sender carries it out with the request's key. A transient failure is tried again after
 * a backoff, on a durable timer (its generation is the attempt's number), so retries survive restarts; the
 * final outcome (carried out, or failed with the reason and the attempts) is recorded by the slice's command,
 * with ids derived from the request, so it is recorded once. Delivery is at least once: an attempt whose
 * outcome was not stored yet (a crash between the receiver's answer and the record) is made again, with the
 * same key.
 */
export class EffectRunner<E extends Message<string, unknown> = Message<string, unknown>, R = unknown, C = unknown, S = unknown> {
  readonly consumer: DurableConsumer<E>;
  private readonly logger: Logger;

  constructor(
    nats: NatsClient,
    readonly slice: EffectSlice<E, R, C, S>,
    private readonly handler: CommandHandler<C, S, E>,
    private readonly sender: EffectSender,
    private readonly timers: TimerStore,
    private readonly retry: EffectRetry,
    private readonly telemetry: CommandTelemetry,
  ) {
    this.logger = new Logger(`Effect ${slice.name}`);
    this.consumer = new DurableConsumer<E>(nats, {
      name: consumerOf(slice).name,
      stream: consumerOf(slice).stream,
      filterSubject: slice.subjects,
      handle: (events) => this.handle(events),
      concurrency: SUBJECTS_AT_ONCE,
    });
  }

  /** Another attempt, as a retry timer asks for it. */
  async fire(timer: DueTimer): Promise<void> {
    if (timer.action.kind !== 'attempt') throw new Error(`timer ${timer.slice}.${timer.timer} asks for a ${timer.action.kind}, not an attempt`);
    const { request, attempt, subject } = timer.action;
    await this.attempt(request as EffectRequest<R>, attempt, subject, { correlationId: timer.correlationId, causationId: timer.causationId });
  }

  private async handle(events: readonly RecordedEvent<E>[]): Promise<Outcome> {
    for (const recorded of events) {
      if (!this.slice.reactsTo.includes(recorded.event.type)) continue;
      const { correlationId, id } = recorded.metadata;
      const subject = this.slice.target?.(recorded) ?? recorded.metadata.subject;
      const { state } = await this.handler.current(subject);
      const request = this.slice.request(recorded, state);
      if (request) await this.attempt(request, 1, subject, { correlationId, causationId: id }, state);
    }
    return { kind: 'done' };
  }

  private async attempt(request: EffectRequest<R>, attempt: number, subject: string, cause: Cause, known?: S): Promise<void> {
    const state = known ?? (await this.handler.current(subject)).state;
    if (!this.slice.wanted(state, request)) {
      this.logger.log({ message: 'request no longer wanted; not carried out', key: request.key, attempt, ...cause });
      return;
    }
    const inFlight = this.telemetry.begin({ command: this.slice.name, trigger: 'effect', span: `effect ${this.slice.name}`, parent: {}, ...cause, attributes: { 'effect.attempt': attempt } });
    const result = await runOperation(inFlight.operation, () => this.sender.send(request, { attempt, correlationId: cause.correlationId }));
    inFlight.end(result.kind === 'sent' ? 200 : result.kind === 'refused' ? 422 : 503);
    if (result.kind === 'sent') return this.record(request, { succeeded: true, attempts: attempt }, cause);
    if (result.kind === 'refused') return this.record(request, { succeeded: false, attempts: attempt, reason: result.reason }, cause);
    if (attempt >= this.retry.attempts) {
      return this.record(request, { succeeded: false, attempts: attempt, reason: `${result.reason}; gave up after ${attempt} attempts` }, cause);
    }
    const at = Date.now() + this.backoff(attempt);
    this.logger.log({ message: 'attempt failed; trying again later', key: request.key, attempt, reason: result.reason, nextAt: new Date(at).toISOString(), ...cause });
    await this.timers.set({ slice: this.slice.name, timer: request.key, generation: attempt + 1, at, action: { kind: 'attempt', request, attempt: attempt + 1, subject }, ...cause });
  }

  /** The pause before the attempt after `attempt`: the backoff doubled for each attempt made, a fifth either way. */
  private backoff(attempt: number): number {
    const base = this.retry.backoffMs * 2 ** (attempt - 1);
    return Math.max(1, Math.round(base * (0.8 + randomInt(0, 401) / 1_000)));
  }

  private async record(request: EffectRequest<R>, outcome: EffectOutcome, cause: Cause): Promise<void> {
    try {
      await this.handler.handle(this.slice.outcome(request, outcome), { ...cause, idempotencyKey: `${this.slice.name}.${request.key}@outcome` });
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      this.logger.warn({ message: 'outcome refused', rule: error.code, detail: error.message, key: request.key, ...cause });
    }
  }
}
