import { Logger } from '@nestjs/common';
import { headers as natsHeaders, type Msg, type MsgHdrs, type Subscription } from '@nats-io/nats-core';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';
import { InvalidInput } from '@libs/errors/domain-error';
import { payloadTooLarge, toProblem, PROBLEM_CONTENT_TYPE } from '@adapter/http/problem';
import { validateInput } from '@adapter/http/validate-input';
import { DRAIN_TIMEOUT_MS, withinTime, type NatsClient } from '@adapter/nats/nats.client';
import { outcomeOf, type AppMetrics } from '@adapter/telemetry/app-metrics';
import { runOperation } from '@adapter/telemetry/operation-context';
import { parentContext } from '@adapter/telemetry/trace-context';
import type { Tracing } from '@adapter/telemetry/tracing';
import type { CommandContext } from '@libs/command/command-handler';
import { correlationIdFrom, type CommandEndpoint, type CommandReply } from './command-reply';

/** Queue group shared by every instance of the app, so each request is handled once. */
export const COMMAND_QUEUE_GROUP = 'commands';

/**
 * Replies go to inbox subjects only. The app may publish events, view entries and JetStream API
 * requests, so a reply-to such as `hotel.room-day.1.2022-12-12` or `$JS.API.STREAM.DELETE.HOTEL`
 * would make the app write or delete where the sender itself may not.
 */
export const COMMAND_REPLY_PREFIX = '_INBOX.';

/**
 * Serves command endpoints over NATS request/reply: the request body is the same JSON as over
 * HTTP, and the reply carries a `Status` header and the same body or problem details. A request's
 * `traceparent` header is continued in the command's span, and its duration and outcome are counted.
 */
export class NatsCommandServer {
  private readonly logger = new Logger('NatsCommands');
  private readonly subscriptions: Subscription[] = [];
  private readonly subjects: string[] = [];

  constructor(
    private readonly nats: NatsClient,
    private readonly metrics: AppMetrics,
    private readonly tracing: Tracing,
  ) {}

  /** The subjects served, in the order their triggers started. */
  get served(): readonly string[] {
    return this.subjects;
  }

  /** Serves `endpoint` on `subject`; a request body over `maxBodyBytes` is refused with 413, as over HTTP. */
  serve<I extends object>(subject: string, endpoint: CommandEndpoint<I>, maxBodyBytes = Number.POSITIVE_INFINITY): void {
    const subscription = this.nats.connection.subscribe(subject, {
      queue: COMMAND_QUEUE_GROUP,
      callback: (error, message) => {
        if (error) {
          this.logger.error({ message: 'subscription failed', subject, error: error.message });
          return;
        }
        void this.answer(endpoint, message, maxBodyBytes);
      },
    });
    this.subscriptions.push(subscription);
    this.subjects.push(subject);
  }

  /**
   * Stops serving: requests already received are answered (a drain), within `DRAIN_TIMEOUT_MS`.
   * While NATS is unreachable a drain cannot complete, so the subscriptions are just dropped.
   */
  async close(): Promise<void> {
    const subscriptions = this.subscriptions.splice(0);
    if (this.nats.isConnected) {
      await withinTime(Promise.all(subscriptions.map((subscription) => subscription.drain())), DRAIN_TIMEOUT_MS);
    }
    for (const subscription of subscriptions) if (!subscription.isClosed()) subscription.unsubscribe();
  }

  private async answer<I extends object>(endpoint: CommandEndpoint<I>, message: Msg, maxBodyBytes: number): Promise<void> {
    const started = performance.now();
    const correlationId = correlationIdFrom(message.headers?.get('X-Correlation-Id'));
    if (message.reply && !message.reply.startsWith(COMMAND_REPLY_PREFIX)) {
      this.logger.warn({ message: `command refused: its reply subject is not under ${COMMAND_REPLY_PREFIX}`, command: endpoint.name, correlationId, replyTo: message.reply });
      return;
    }
    const context = { correlationId, causationId: randomUUID() };
    const span = this.tracing.start(`command ${endpoint.name}`, SpanKind.SERVER, parentContext(traceCarrier(message.headers)), { 'messaging.destination.name': message.subject });
    const reply = await runOperation({ ...context, trace: span.spanContext() }, () => this.reply(endpoint, message, maxBodyBytes, context));
    span.setAttribute('rpc.response.status_code', reply.status);
    if (reply.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
    this.metrics.commandAnswered(endpoint.name, 'nats', outcomeOf(reply.status), (performance.now() - started) / 1_000);
    if (!message.reply) return;
    const headers = natsHeaders();
    headers.set('Status', String(reply.status));
    headers.set('Content-Type', reply.status >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json');
    headers.set('X-Correlation-Id', correlationId);
    message.respond(JSON.stringify(reply.body), { headers });
  }

  private async reply<I extends object>(endpoint: CommandEndpoint<I>, message: Msg, maxBodyBytes: number, context: CommandContext): Promise<CommandReply> {
    try {
      if (message.data.length > maxBodyBytes) return { status: 413, body: payloadTooLarge(maxBodyBytes) };
      return await endpoint.execute(validateInput(endpoint.input, parseJson(message)), context);
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status >= 500) {
        const stack = error instanceof Error ? error.stack : undefined;
        this.logger.error({ message: 'command failed', command: endpoint.name, error: String(error), stack });
      }
      return { status: problem.status, body: problem };
    }
  }
}

/** A request's trace context headers, for continuing its trace. */
const traceCarrier = (headers: MsgHdrs | undefined): Record<string, string | undefined> => ({
  traceparent: headers?.get('traceparent') || undefined,
  tracestate: headers?.get('tracestate') || undefined,
});

const parseJson = (message: Msg): unknown => {
  try {
    return message.json<unknown>();
  } catch {
    throw new InvalidInput('the request body is not valid JSON', [{ field: '', messages: ['must be valid JSON'] }]);
  }
};
