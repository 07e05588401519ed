import { Controller, Get, HttpException, Inject, Logger, NotAcceptableException, Query, Req, Res, type BeforeApplicationShutdown } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OUTBOX_CHANNELS } from '@stream/outbox.stream';
import { InvalidInput, ServiceUnavailable } from '@libs/errors/domain-error';
import { APP_CONFIG } from '@adapter/config/app-config.token';
import type { AppConfig } from '@adapter/config/app.config';
import { Outbox, type OutboxFollower } from '@adapter/effects/outbox';
import { ClientThrottle } from '@adapter/http/client-throttle';
import { ApiProblems } from '@adapter/http/problem.responses';
import { ClientConnections } from '@adapter/live/client-connections';
import { EventStream } from './event-stream';
import { outboxChannel } from './outbox.http';

/**
 * `GET /outbox/live`: every message delivered to the local outbox from now on, as server-sent events, for the
 * outbox page and for `curl -N`. It needs a token like `GET /outbox` (the edge guard asks for it) and is rate
 * limited like every request; a client (its accepted token, else its IP) holds at most
 * `LIVE_MAX_CONNECTIONS_PER_CLIENT` of them at once. Events:
 * - `ready`, first: the stream sequence the deliveries come after (its id) and the heartbeat interval;
 * - `message`, one per delivery, its id the delivery's stream sequence and its data the message as `GET /outbox` lists it;
 * - a comment every `LIVE_HEARTBEAT_MS`.
 * With `Last-Event-ID` the stream resumes after that event, so a client that reconnects misses nothing the outbox
 * still keeps. Only a client that asks for `text/event-stream` gets one: any other gets `406`, which keeps a client
 * that waits for a response's end (a script, a test) from waiting forever.
 */
@ApiTags('outbox')
@Controller('outbox')
export class OutboxLiveController implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox live');
  private readonly connections: ClientConnections;
  /** How to end each open stream, for the shutdown. */
  private readonly open = new Set<() => void>();

  constructor(
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(ClientThrottle) private readonly throttle: ClientThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.connections = new ClientConnections(config.liveMaxConnectionsPerClient);
  }

  @Get('live')
  @ApiOperation({ summary: 'The messages delivered to the local outbox from now on (or after Last-Event-ID), as server-sent events' })
  @ApiQuery({ name: 'channel', required: false, schema: { type: 'string', enum: [...OUTBOX_CHANNELS] } })
  @ApiProduces('text/event-stream')
  @ApiProblems([400, 406, 429, 503], {
    406: 'The request did not ask for `text/event-stream`.',
    429: 'Or the client holds LIVE_MAX_CONNECTIONS_PER_CLIENT streams already.',
  })
  async live(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('channel') channel?: string): Promise<void> {
    if (!acceptsEventStream(request.headers.accept)) {
      throw new NotAcceptableException('this route answers server-sent events only: ask for them with "Accept: text/event-stream"');
    }
    const filter = outboxChannel(channel);
    const after = lastEventId(request.headers['last-event-id']);
    const client = this.throttle.clientOf(request.headers, undefined, request.ip, request.raw.rawHeaders);
    if (!this.connections.take(client)) {
      throw new HttpException(`this client holds ${this.config.liveMaxConnectionsPerClient} live connections already (LIVE_MAX_CONNECTIONS_PER_CLIENT): close one first`, 429);
    }
    let follower: OutboxFollower;
    try {
      follower = await this.outbox.follow(after, filter);
    } catch (cause) {
      this.connections.release(client);
      throw new ServiceUnavailable('the outbox cannot be followed now (JetStream did not answer); retry in a moment', { cause });
    }
    if (reply.sent) {
      // The read's deadline answered 503 meanwhile.
      follower.stop();
      this.connections.release(client);
      return;
    }
    this.stream(reply, follower, () => this.connections.release(client));
  }

  /** Ends every open stream before the app closes its HTTP server and NATS: clients reconnect elsewhere. */
  beforeApplicationShutdown(): void {
    for (const close of [...this.open]) close();
  }

  private stream(reply: FastifyReply, follower: OutboxFollower, release: () => void): void {
    const events = new EventStream(this.config.liveMaxQueuedBytes);
    const heartbeat = setInterval(() => events.comment('heartbeat'), this.config.liveHeartbeatMs);
    const close = (): void => {
      if (!this.open.delete(close)) return;
      clearInterval(heartbeat);
      follower.stop();
      events.end();
      release();
    };
    this.open.add(close);
    reply.raw.once('close', close);
    void reply.header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache').header('x-accel-buffering', 'no').send(events.body);
    events.event('ready', follower.after, { after: follower.after, heartbeatMs: this.config.liveHeartbeatMs });
    void (async () => {
      try {
        for await (const { sequence, message } of follower.deliveries) if (!events.event('message', sequence, message)) break;
      } catch (error) {
        this.logger.warn({ message: 'following the outbox failed; the client resumes when it reconnects', error: String(error) });
      }
      if (events.tooSlow) this.logger.debug({ message: 'a live outbox client read too slowly; its stream ended', maxQueuedBytes: this.config.liveMaxQueuedBytes });
      close();
    })();
  }
}

/** Whether the `Accept` header names `text/event-stream` (wildcards do not count: the stream must be asked for). */
const acceptsEventStream = (accept: string | undefined): boolean =>
  (accept ?? '').split(',').some((range) => range.split(';')[0]?.trim().toLowerCase() === 'text/event-stream');

/** `Last-Event-ID`: the id of an event this route sent, a stream sequence; absent or empty, from now on. */
const lastEventId = (header: string | string[] | undefined): number | undefined => {
  const value = (Array.isArray(header) ? header.join(',') : (header ?? '')).trim();
  if (value === '') return undefined;
  if (!/^\d{1,15}$/.test(value)) {
    throw new InvalidInput('invalid header: Last-Event-ID', [{ field: 'Last-Event-ID', messages: ['Last-Event-ID must be the id of an event this route sent: a whole number'] }]);
  }
  return Number(value);
};
