import { Logger } from '@nestjs/common';
import type { RawData, WebSocket } from 'ws';
import { DomainError, InvalidInput, NotFound, RuleViolation, ServiceUnavailable } from '@libs/errors/domain-error';
import { toProblem } from '@adapter/edge/problem';
import { parseClientMessage } from './client-message';
import { LiveSubscription } from './live-subscription';
import { LiveCloseCode, type ServerMessage, type Subscribe } from './live.protocol';
import type { LiveViews } from './live-views';

export interface LiveLimits {
  readonly heartbeatMs: number;
  readonly maxQueuedBytes: number;
  readonly maxSubscriptions: number;
}

/** What the gateway observes across its connections; for tests and metrics. */
export interface LiveStats {
  /** The most bytes ever queued for one client right after a send. */
  queuedBytesHighWater: number;
  /** Clients cut off for being too slow. */
  tooSlow: number;
}

/** A subscription's place on its connection, taken when it is asked for; `stop` ends its feed once it listens. */
interface SubscriptionSlot {
  stop: () => void;
}

/** How long a closing client may take to read what was queued before its socket is destroyed. */
const CLOSE_GRACE_MS = 5_000;

/**
 * One websocket client: its subscriptions, its heartbeats, and the bound on what may queue up
 * for it. A client that lets more than `maxQueuedBytes` pile up is cut off with 4429 rather
 * than letting the app's memory grow; a client that misses a pong between two pings is dropped.
 */
export class LiveConnection {
  private readonly logger = new Logger('Live');
  private readonly subscriptions = new Map<string, SubscriptionSlot>();
  private readonly heartbeat: NodeJS.Timeout;
  private answeredPing = true;
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly views: LiveViews,
    private readonly limits: LiveLimits,
    private readonly stats: LiveStats,
    readonly correlationId: string,
  ) {
    socket.on('message', (data, isBinary) => void this.receive(data, isBinary));
    socket.on('pong', () => (this.answeredPing = true));
    socket.on('close', () => this.dispose());
    this.heartbeat = setInterval(() => this.beat(), limits.heartbeatMs);
  }

  /** Closes the connection with `code`, and drops it if the close handshake cannot get through. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.dispose();
    this.socket.close(code, reason);
    setTimeout(() => this.socket.terminate(), CLOSE_GRACE_MS).unref();
  }

  private async receive(data: RawData, isBinary: boolean): Promise<void> {
    let json: unknown;
    try {
      if (isBinary) throw new SyntaxError('binary frame');
      json = JSON.parse(rawText(data));
    } catch {
      this.close(LiveCloseCode.Malformed, 'frames must be JSON text messages of the live protocol');
      return;
    }
    const id = typeof json === 'object' && json !== null && 'id' in json && typeof json.id === 'string' ? json.id : undefined;
    try {
      const message = parseClientMessage(json);
      if (message.type === 'subscribe') await this.subscribe(message);
      else this.unsubscribe(message.id);
    } catch (error) {
      if (!(error instanceof DomainError)) this.logger.error({ message: 'live message failed', correlationId: this.correlationId, error: String(error) });
      this.send({ type: 'error', ...(id === undefined ? {} : { id }), problem: toProblem(error) });
    }
  }

  /**
   * The id and the slot are taken before anything is awaited, so frames that arrive together are counted against
   * `maxSubscriptions` and refused a reused id as frames that arrive one by one are. The slot is given back when the
   * subscription fails; when it is unsubscribed or the connection closes meanwhile, the subscription stops where it is.
   */
  private async subscribe({ id, view, key = '>', after }: Subscribe): Promise<void> {
    const slot = this.reserve(id);
    const subscription = new LiveSubscription(id, key, after, (message) => this.send(message));
    try {
      const feed = await this.views.feed(view).catch((cause: unknown) => {
        throw new ServiceUnavailable(`view ${view} cannot be watched right now (NATS unreachable); subscribe again in a moment`, { cause });
      });
      if (!feed) throw new NotFound(`there is no view "${view}"; views: ${this.views.names.join(', ')}`);
      if (!this.holds(id, slot)) return;
      slot.stop = feed.listen((change) => subscription.offer(change));
      await feed.snapshot(key, after, (change) => subscription.initial(change)).catch((cause: unknown) => {
        throw new ServiceUnavailable(`view ${view} cannot be read right now; subscribe again in a moment`, { cause });
      });
    } catch (error) {
      if (this.holds(id, slot)) this.release(id);
      throw error;
    }
    if (!this.holds(id, slot)) return;
    subscription.ready();
    this.logger.debug({ message: 'subscribed', correlationId: this.correlationId, id, view, key, after });
  }

  private reserve(id: string): SubscriptionSlot {
    if (this.subscriptions.has(id)) {
      throw new RuleViolation('subscription-exists', `a subscription "${id}" already exists on this connection; unsubscribe it or use another id`);
    }
    if (this.subscriptions.size >= this.limits.maxSubscriptions) {
      throw new InvalidInput(`a connection may hold ${this.limits.maxSubscriptions} subscriptions; unsubscribe one first`, [
        { field: 'id', messages: ['one subscription too many'] },
      ]);
    }
    const slot: SubscriptionSlot = { stop: () => undefined };
    this.subscriptions.set(id, slot);
    return slot;
  }

  private holds(id: string, slot: SubscriptionSlot): boolean {
    return !this.closed && this.subscriptions.get(id) === slot;
  }

  private release(id: string): void {
    this.subscriptions.get(id)?.stop();
    this.subscriptions.delete(id);
  }

  private unsubscribe(id: string): void {
    if (!this.subscriptions.has(id)) throw new NotFound(`no subscription "${id}" on this connection`);
    this.release(id);
    this.send({ type: 'unsubscribed', id });
  }

  private send(message: ServerMessage): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > this.limits.maxQueuedBytes) {
      this.stats.tooSlow++;
      this.logger.debug({ message: 'live client too slow, cut off', correlationId: this.correlationId, queuedBytes: this.socket.bufferedAmount });
      this.close(LiveCloseCode.TooSlow, `too slow: more than ${this.limits.maxQueuedBytes} bytes queued; reconnect and resume`);
      return;
    }
    this.socket.send(JSON.stringify(message));
    this.stats.queuedBytesHighWater = Math.max(this.stats.queuedBytesHighWater, this.socket.bufferedAmount);
  }

  private beat(): void {
    if (!this.answeredPing) {
      this.logger.debug({ message: 'live client stopped answering pings, dropped', correlationId: this.correlationId });
      this.socket.terminate();
      return;
    }
    this.answeredPing = false;
    this.socket.ping();
    this.send({ type: 'heartbeat', at: new Date().toISOString() });
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const slot of this.subscriptions.values()) slot.stop();
    this.subscriptions.clear();
  }
}

const rawText = (data: RawData): string => (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)).toString('utf8');
