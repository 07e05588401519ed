import { request, type ClientRequest, type IncomingMessage } from 'node:http';

/** One server-sent event as received: its type, its id, and its data parsed as JSON. */
export interface ReceivedEvent {
  readonly type: string;
  readonly id: string | undefined;
  readonly data: unknown;
}

/** A client of a server-sent events route for tests, on a real socket: it keeps every event and waits for those a test expects. */
export class EventStreamClient {
  readonly events: ReceivedEvent[] = [];
  /** The comments received (heartbeats), in order. */
  readonly comments: string[] = [];
  /** Resolves when the server ends the stream or the connection closes. */
  readonly ended: Promise<void>;
  private buffered = '';

  private constructor(
    private readonly outgoing: ClientRequest,
    readonly response: IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.receive(chunk));
    this.ended = new Promise((resolve) => response.once('close', () => resolve()));
  }

  /** Opens `path` asking for `text/event-stream`; resolves with the client once the answer's headers came (whatever its status). */
  static open(base: string, path: string, headers: Record<string, string> = {}): Promise<EventStreamClient> {
    return new Promise((resolve, reject) => {
      const outgoing = request(new URL(path, base), { headers: { accept: 'text/event-stream', ...headers } }, (response) => resolve(new EventStreamClient(outgoing, response)));
      outgoing.once('error', reject);
      outgoing.end();
    });
  }

  /** Waits for an event that `accept` takes, among those received so far or to come. */
  async next(accept: (event: ReceivedEvent) => boolean, timeoutMs = 10_000): Promise<ReceivedEvent> {
    let found: ReceivedEvent | undefined;
    await this.until(() => (found = this.events.find(accept)) !== undefined, 'the event', timeoutMs);
    return found!;
  }

  /** Waits until `check` holds of what was received. */
  async until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; !check(); await new Promise((resolve) => setTimeout(resolve, 20))) {
      if (Date.now() > deadline) throw new Error(`${what} did not come within ${timeoutMs} ms; received ${JSON.stringify(this.events)}`);
    }
  }

  close(): void {
    this.outgoing.destroy();
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    for (let end = this.buffered.indexOf('\n\n'); end >= 0; end = this.buffered.indexOf('\n\n')) {
      const block = this.buffered.slice(0, end).split('\n');
      this.buffered = this.buffered.slice(end + 2);
      for (const comment of block.filter((line) => line.startsWith(':'))) this.comments.push(comment.slice(1).trim());
      const lines = block.filter((line) => !line.startsWith(':'));
      const field = (name: string): string | undefined => lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
      const data = field('data');
      if (data !== undefined) this.events.push({ type: field('event') ?? 'message', id: field('id'), data: JSON.parse(data) });
    }
  }
}
