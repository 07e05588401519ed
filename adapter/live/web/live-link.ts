import { LiveCloseCode, type ClientMessage, type LiveValue, type Problem, type ServerMessage } from './live-protocol.js';

export type LinkStatus = 'connecting' | 'live' | 'reconnecting' | 'unauthorized';

export interface LinkOptions {
  /** The websocket URL, asked again at every connection so that a new access token applies. */
  readonly url: () => string;
  readonly status: (status: LinkStatus) => void;
  /** A refusal from the server; `id` names the subscription when it is about one. */
  readonly problem: (problem: Problem, id?: string) => void;
}

export interface SubscriptionHandlers {
  readonly value: (key: string, value: LiveValue | null) => void;
  readonly ready: () => void;
}

interface Subscription {
  readonly view: string;
  readonly key: string;
  readonly handlers: SubscriptionHandlers;
  /** The last revision received: after a reconnect the subscription resumes after it. */
  revision?: number;
}

/** The server sends a heartbeat every ~15 s: 40 s of silence means the link is dead, even if the socket does not say so. */
const DEAD_AFTER_MS = 40_000;
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;

/**
 * One websocket to the app's `/live` endpoint, kept open for the page's lifetime. It reconnects
 * with exponential backoff and resubscribes each subscription after the last revision it
 * received, so that nothing is missed or shown twice.
 */
export class LiveLink {
  private socket: WebSocket | undefined;
  private readonly subscriptions = new Map<string, Subscription>();
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: number | undefined;
  private silenceTimer: number | undefined;

  constructor(private readonly options: LinkOptions) {}

  start(): void {
    this.options.status('connecting');
    this.connect();
  }

  /** Drops the current socket and connects again at once, e.g. with another access token. */
  restart(): void {
    this.drop();
    this.retryMs = FIRST_RETRY_MS;
    this.start();
  }

  subscribe(id: string, view: string, key: string, handlers: SubscriptionHandlers): void {
    this.subscriptions.set(id, { view, key, handlers });
    this.send({ type: 'subscribe', id, view, key });
  }

  unsubscribe(id: string): void {
    if (this.subscriptions.delete(id)) this.send({ type: 'unsubscribe', id });
  }

  private connect(): void {
    window.clearTimeout(this.retryTimer);
    const socket = new WebSocket(this.options.url());
    this.socket = socket;
    socket.onopen = () => this.opened();
    socket.onmessage = (event: MessageEvent) => this.receive(event.data);
    socket.onclose = (event: CloseEvent) => this.closed(socket, event.code);
  }

  private opened(): void {
    this.options.status('live');
    this.watchSilence();
    for (const [id, { view, key, revision }] of this.subscriptions) {
      this.send(revision === undefined ? { type: 'subscribe', id, view, key } : { type: 'subscribe', id, view, key, after: revision });
    }
  }

  private receive(data: unknown): void {
    this.watchSilence();
    // A message proves the server accepted this connection: the next failure starts over from a short wait.
    this.retryMs = FIRST_RETRY_MS;
    const message = parse(data);
    if (!message) return;
    switch (message.type) {
      case 'value': {
        const subscription = this.subscriptions.get(message.id);
        if (!subscription) return;
        subscription.revision = message.revision;
        subscription.handlers.value(message.key, message.value);
        return;
      }
      case 'ready': {
        const subscription = this.subscriptions.get(message.id);
        if (!subscription) return;
        if (message.revision > (subscription.revision ?? 0)) subscription.revision = message.revision;
        subscription.handlers.ready();
        return;
      }
      case 'error':
        this.options.problem(message.problem, message.id);
        return;
      case 'unsubscribed':
      case 'heartbeat':
        return;
      default:
        return ignore(message);
    }
  }

  private closed(socket: WebSocket, code: number): void {
    if (socket !== this.socket) return;
    this.drop();
    if (code === LiveCloseCode.Unauthorized) {
      // The same credentials would be refused again: wait for another token.
      this.options.status('unauthorized');
      return;
    }
    this.options.status('reconnecting');
    this.retryTimer = window.setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  private watchSilence(): void {
    window.clearTimeout(this.silenceTimer);
    const socket = this.socket;
    this.silenceTimer = window.setTimeout(() => {
      if (socket !== this.socket || !socket) return;
      // A dead link may take minutes to report its close: act as if it had.
      socket.close();
      this.closed(socket, 1006);
    }, DEAD_AFTER_MS);
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  /** Forgets the socket without waiting for its close: its late events change nothing. */
  private drop(): void {
    window.clearTimeout(this.silenceTimer);
    window.clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = undefined;
    if (socket && socket.readyState !== WebSocket.CLOSED) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.onopen = null;
      socket.close();
    }
  }
}

/** Every known message is handled (the compiler checks it); a newer server's other messages are left alone. */
const ignore = (_message: never): void => undefined;

const parse = (data: unknown): ServerMessage | undefined => {
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data) as ServerMessage;
  } catch {
    return undefined;
  }
};
