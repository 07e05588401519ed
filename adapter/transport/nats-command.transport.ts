import { Logger } from '@nestjs/common';
import { BaseRpcContext, Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { headers as natsHeaders, type Msg, type MsgHdrs, type Subscription } from '@nats-io/nats-core';
import { isObservable, lastValueFrom } from 'rxjs';
import { randomUUID } from 'node:crypto';
import { CommandReply, correlationIdFrom } from '@adapter/edge/command-reply';
import type { CommandMessage, ProblemFilter } from '@adapter/edge/problem.filter';
import { payloadTooLarge, PROBLEM_CONTENT_TYPE } from '@adapter/edge/problem';
import { parseStrictJson } from '@adapter/edge/strict-json';
import { DRAIN_TIMEOUT_MS, isClientInbox, withinTime, type NatsClient } from '@adapter/nats/nats.client';
import type { CommandTelemetry } from '@adapter/telemetry/command-telemetry';
import { runOperation } from '@adapter/telemetry/operation-context';
import type { TraceCarrier } from '@adapter/telemetry/trace-context';

/** Queue group shared by every instance of the app, so each request is handled once. */
export const COMMAND_QUEUE_GROUP = 'commands';

/** What a handler's `@Ctx()` is given for a NATS command: the subject it came on. */
export class NatsCommandContext extends BaseRpcContext<[subject: string]> implements CommandMessage {
  get subject(): string {
    return this.args[0];
  }
}

export interface NatsCommandTransportOptions {
  /** A body over this many bytes is refused with 413, as Fastify refuses it over HTTP (`BODY_LIMIT_BYTES`). */
  readonly maxBodyBytes: number;
}

/**
 * The NATS edge as a Nest transport: every `@MessagePattern(subject)` of the app's controllers is served
 * over NATS request/reply, in one queue group, through Nest's own pipeline (guards, interceptors, pipes,
 * filters), as `@Put` routes are over HTTP. The wire stays plain: the request body is the same JSON as
 * over HTTP, and the reply carries a `Status` header, `Content-Type`, `X-Correlation-Id` and the same
 * body or problem details. What Fastify does before a route runs is done here: a body too large (413) or
 * not JSON (400) is answered at once, and a body is read as strictly as over HTTP (`parseStrictJson`).
 * Each command is a command to `CommandTelemetry`: its span continues the request's `traceparent`, and
 * its duration and outcome are counted.
 */
export class NatsCommandTransport extends Server implements CustomTransportStrategy {
  private readonly log = new Logger('NatsCommands');
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly nats: NatsClient,
    private readonly telemetry: CommandTelemetry,
    private readonly problems: ProblemFilter,
    private readonly options: NatsCommandTransportOptions,
  ) {
    super();
  }

  /** The subjects served, in the order they were subscribed. */
  get served(): readonly string[] {
    return this.subscriptions.map((subscription) => subscription.getSubject());
  }

  listen(callback: (error?: unknown) => void): void {
    for (const [subject, handler] of this.messageHandlers) {
      if (handler.isEventHandler) continue;
      const subscription = this.nats.connection.subscribe(subject, {
        queue: COMMAND_QUEUE_GROUP,
        callback: (error, message) => {
          if (error) this.log.error({ message: 'subscription failed', subject, error: error.message });
          else void this.answer(handler, message);
        },
      });
      this.subscriptions.push(subscription);
    }
    callback();
  }

  /**
   * Stops serving: requests already received are answered (a drain), within `DRAIN_TIMEOUT_MS`.
   * While NATS is unreachable a drain cannot complete, so the subscriptions are just dropped.
   */
  async close(): Promise<void> {
    const subscriptions = this.subscriptions.splice(0);
    if (subscriptions.length > 0 && this.nats.isConnected) {
      await withinTime(Promise.all(subscriptions.map((subscription) => subscription.drain())), DRAIN_TIMEOUT_MS);
    }
    for (const subscription of subscriptions) if (!subscription.isClosed()) subscription.unsubscribe();
  }

  on(): never {
    throw new Error('the NATS command transport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.nats as T;
  }

  private async answer(handler: MessageHandler, message: Msg): Promise<void> {
    const correlationId = correlationIdFrom(message.headers?.get('X-Correlation-Id'));
    const command = message.subject.slice(message.subject.lastIndexOf('.') + 1);
    if (message.reply && !isClientInbox(message.reply)) {
      this.log.warn({ message: 'command refused: its reply subject is not a client\'s inbox (_INBOX. or _INBOX_<user>.)', command, correlationId, replyTo: message.reply });
      return;
    }
    const inFlight = this.telemetry.begin({
      command,
      trigger: 'nats',
      span: `command ${command}`,
      parent: traceCarrier(message.headers),
      correlationId,
      causationId: randomUUID(),
      attributes: { 'messaging.destination.name': message.subject },
    });
    const reply = await runOperation(inFlight.operation, () => this.reply(handler, message));
    inFlight.end(reply.status);
    if (!message.reply) return;
    const headers = natsHeaders();
    headers.set('Status', String(reply.status));
    headers.set('Content-Type', reply.status >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json');
    headers.set('X-Correlation-Id', correlationId);
    message.respond(JSON.stringify(reply.body), { headers });
  }

  /** The handler's reply, or the problem that refused the message before any handler ran. */
  private async reply(handler: MessageHandler, message: Msg): Promise<CommandReply> {
    try {
      if (message.data.length > this.options.maxBodyBytes) return new CommandReply(413, payloadTooLarge(this.options.maxBodyBytes));
      const handled: unknown = await handler(parseJson(message), new NatsCommandContext([message.subject]));
      const answer = isObservable(handled) ? await lastValueFrom(handled) : handled;
      if (answer instanceof CommandReply) return answer;
      throw new Error(`the handler of ${message.subject} answered ${typeof answer}, not a CommandReply`);
    } catch (error) {
      return this.problems.reply(error, message.subject);
    }
  }
}

/** A request's trace context headers, for continuing its trace. */
const traceCarrier = (headers: MsgHdrs | undefined): TraceCarrier => ({
  traceparent: headers?.get('traceparent') || undefined,
  tracestate: headers?.get('tracestate') || undefined,
});

/** The body as JSON that means one thing only: a key given twice or an integer written `1.0` is refused, as over HTTP. */
const parseJson = (message: Msg): unknown => parseStrictJson(message.string());
