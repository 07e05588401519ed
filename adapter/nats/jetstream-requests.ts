import { performance } from 'node:perf_hooks';
import { createInbox, NoRespondersError, PermissionViolationError, RequestError, TimeoutError, type Msg, type MsgHdrs, type NatsConnection } from '@nats-io/nats-core';
import { JetStreamApiCodes, JetStreamApiError, type ApiError } from '@nats-io/jetstream';

/** JetStream's answer to a stored publish. */
export interface PublishAck {
  readonly stream: string;
  readonly seq: number;
  /** The message id was seen within the stream's duplicate window: nothing new was stored. */
  readonly duplicate: boolean;
}

/** One message of a stream, as the stream's leader returns it. */
export interface StreamMessage {
  readonly subject: string;
  readonly seq: number;
  readonly body: string;
}

/** Which message of a stream to get: by sequence, the first of a subject at or after a sequence, or the last of a subject. */
export type StreamMessageQuery = { readonly seq: number; readonly next_by_subj?: string } | { readonly last_by_subj: string };

/** Resolution interval of request deadlines: a request fails between its timeout and this much later. */
const DEADLINE_TICK_MS = 50;

const API_PREFIX = '$JS.API';

interface Outgoing {
  readonly token: string;
  readonly subject: string;
  readonly body: Uint8Array | string;
  readonly headers?: MsgHdrs;
}

interface Pending {
  readonly deadline: number;
  readonly subject: string;
  readonly resolve: (message: Msg) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The JetStream requests of the hot paths (stored publishes and leader reads), over one reply
 * subscription and one deadline timer for all of them.
 *
 * nats.js's own request path is general: per request it arms a timer, races two promises and builds
 * an Error (with its stack) to reject a promise that has already settled. Under load that is about
 * a third of the client's CPU per JetStream call. The answers and failures here are those of nats.js:
 * `JetStreamApiError` with JetStream's codes, `TimeoutError`, and `RequestError` caused by
 * `NoRespondersError`, so callers classify them as before.
 */
export class JetStreamRequests {
  private readonly pending = new Map<string, Pending>();
  private readonly inbox: string;
  private readonly ticker: NodeJS.Timeout;
  private outgoing: Outgoing[] = [];
  private counter = 0;
  /** Why no reply can arrive any more: the server refused or ended the reply subscription. */
  private broken: Error | undefined;

  constructor(
    private readonly connection: NatsConnection,
    inboxPrefix: string,
    private readonly timeoutMs: number,
  ) {
    this.inbox = `${createInbox(inboxPrefix)}.`;
    connection.subscribe(`${this.inbox}*`, { callback: (error, message) => (error ? this.fail(error) : this.settle(message)) });
    this.ticker = setInterval(() => this.expire(performance.now()), DEADLINE_TICK_MS).unref();
    void connection.closed().then(() => this.close());
    void this.followRefusedPublishes();
  }

  /** Publishes to a stream's subject and returns JetStream's ack; rejects with `JetStreamApiError` when JetStream refuses it. */
  async publish(subject: string, body: Uint8Array | string, headers?: MsgHdrs): Promise<PublishAck> {
    const answer = parseApiAnswer<{ stream?: string; seq?: number; duplicate?: boolean }>(await this.request(subject, body, headers));
    if (!answer.stream || typeof answer.seq !== 'number') {
      throw new Error(`JetStream answered a publish to ${subject} without a stream and sequence; check that a stream captures that subject`);
    }
    return { stream: answer.stream, seq: answer.seq, duplicate: answer.duplicate === true };
  }

  /** Gets a message from a stream's leader; `null` when there is none. */
  async getMessage(stream: string, query: StreamMessageQuery): Promise<StreamMessage | null> {
    const reply = await this.request(`${API_PREFIX}.STREAM.MSG.GET.${stream}`, JSON.stringify(query));
    const { message } = parseApiAnswer<{ message?: { subject: string; seq: number; data?: string } }>(reply, JetStreamApiCodes.NoMessageFound);
    if (!message) return null;
    return { subject: message.subject, seq: message.seq, body: message.data ? Buffer.from(message.data, 'base64').toString('utf8') : '' };
  }

  private request(subject: string, body: Uint8Array | string, headers?: MsgHdrs): Promise<Msg> {
    return new Promise<Msg>((resolve, reject) => {
      if (this.broken) {
        reject(this.broken);
        return;
      }
      const token = (this.counter++).toString(36);
      // The monotonic clock: a step of the wall clock must neither hold nor fire every deadline at once.
      this.pending.set(token, { deadline: performance.now() + this.timeoutMs, subject, resolve, reject });
      if (this.outgoing.length === 0) setImmediate(this.sendOutgoing);
      this.outgoing.push({ token, subject, body, headers });
    });
  }

  /**
   * Sends the requests made since the last turn of the event loop, together: the client writes what is
   * published in one go to its socket at once, so the requests of all the commands, reactions and view
   * writes of a turn cost one write instead of one each.
   */
  private readonly sendOutgoing = (): void => {
    const outgoing = this.outgoing;
    this.outgoing = [];
    for (const { token, subject, body, headers } of outgoing) {
      try {
        this.connection.publish(subject, body, { reply: `${this.inbox}${token}`, headers });
      } catch (error) {
        const request = this.pending.get(token);
        this.pending.delete(token);
        request?.reject(error instanceof Error ? error : new RequestError(String(error)));
      }
    }
  };

  private settle(message: Msg): void {
    const token = message.subject.slice(this.inbox.length);
    const request = this.pending.get(token);
    if (!request) return;
    this.pending.delete(token);
    if (message.data.length === 0 && message.headers?.code === 503) {
      request.reject(new RequestError(`no responders: '${request.subject}'`, { cause: new NoRespondersError(request.subject) }));
    } else {
      request.resolve(message);
    }
  }

  /** Requests share one timeout, so the map's insertion order is their deadline order. */
  private expire(now: number): void {
    for (const [token, request] of this.pending) {
      if (request.deadline > now) return;
      this.pending.delete(token);
      request.reject(new TimeoutError());
    }
  }

  /**
   * The server refused the reply subscription (the app's user may not subscribe to its inbox) and the client
   * closed it: what waits fails with the reason, and so does every later request, rather than timing out.
   */
  private fail(error: Error): void {
    this.broken = new RequestError(`JetStream's replies cannot reach this client (${error.message}): allow the app's user to subscribe to ${this.inbox}>`, { cause: error });
    for (const request of this.pending.values()) request.reject(this.broken);
    this.pending.clear();
  }

  /** A publish the server refused for permissions fails at once with the refusal, as in nats.js's own requests. */
  private async followRefusedPublishes(): Promise<void> {
    for await (const status of this.connection.status()) {
      if (status.type !== 'error' || !(status.error instanceof PermissionViolationError) || status.error.operation !== 'publish') continue;
      for (const [token, request] of this.pending) {
        if (request.subject !== status.error.subject) continue;
        this.pending.delete(token);
        request.reject(status.error);
      }
    }
  }

  /** The connection closed, and its subscription with it: whatever is still waiting fails. */
  private close(): void {
    clearInterval(this.ticker);
    for (const request of this.pending.values()) request.reject(new RequestError('connection closed'));
    this.pending.clear();
  }
}

const utf8 = new TextDecoder();

/**
 * JetStream's JSON answer; its error as `JetStreamApiError`, except the one `expected` code, answered as
 * the bare answer: a miss that a hot path expects costs no Error.
 */
const parseApiAnswer = <T>(message: Msg, expected?: number): T => {
  const answer = JSON.parse(utf8.decode(message.data)) as T & { error?: ApiError };
  if (answer.error && answer.error.err_code !== expected) throw new JetStreamApiError(answer.error);
  return answer;
};
