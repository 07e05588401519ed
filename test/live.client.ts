import type { Socket } from 'node:net';
import { WebSocket } from 'ws';
import type { ServerMessage, ValueMessage } from '@adapter/live/live.protocol';

/** A websocket client of `/live` for tests: it keeps every message, and waits for the ones a test expects. */
export class LiveClient {
  readonly received: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      this.received.push(JSON.parse(data.toString('utf8')) as ServerMessage);
      this.notify();
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    socket.on('close', () => this.notify());
  }

  static async connect(baseUrl: string, options: { token?: string; headers?: Record<string, string> } = {}): Promise<LiveClient> {
    const url = new URL('/live', baseUrl.replace(/^http/, 'ws'));
    if (options.token) url.searchParams.set('access_token', options.token);
    const socket = new WebSocket(url, { headers: options.headers });
    const client = new LiveClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Sends the messages in one TCP write, as a client pipelining its frames does: the server reads them all at once. */
  sendTogether(messages: readonly unknown[]): void {
    const tcp = (this.socket as unknown as { _socket: Socket })._socket;
    tcp.cork();
    for (const message of messages) this.send(message);
    tcp.uncork();
  }

  /** Subscribes and waits for `ready`: the current values are in `received` when it resolves. */
  async subscribe(id: string, view: string, key?: string, after?: number): Promise<number> {
    this.send({ type: 'subscribe', id, view, ...(key === undefined ? {} : { key }), ...(after === undefined ? {} : { after }) });
    const ready = await this.next((message) => (message.type === 'ready' || message.type === 'error') && 'id' in message && message.id === id);
    if (ready.type !== 'ready') throw new Error(`subscription ${id} refused: ${JSON.stringify(ready)}`);
    return ready.revision;
  }

  /** The value messages of one subscription, in the order received. */
  values(id: string): ValueMessage[] {
    return this.received.filter((message): message is ValueMessage => message.type === 'value' && message.id === id);
  }

  /** Waits for a message, received before or after the call, that satisfies `accept`. */
  async next<M extends ServerMessage>(accept: (message: ServerMessage) => boolean, timeoutMs = 20_000): Promise<M> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(accept);
      if (found) return found as M;
      if (this.socket.readyState === WebSocket.CLOSED) throw new Error(`the socket closed; received ${JSON.stringify(this.received)}`);
      if (Date.now() > deadline) throw new Error(`no such message within ${timeoutMs} ms; received ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the subscription has `count` values. */
  async valuesOf(id: string, count: number): Promise<ValueMessage[]> {
    await this.next(() => this.values(id).length >= count);
    return this.values(id);
  }

  close(): void {
    this.socket.close();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
