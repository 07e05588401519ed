import { PassThrough } from 'node:stream';

/**
 * The body of a server-sent events response (`text/event-stream`): events, each with the id a client sends back
 * as `Last-Event-ID` to resume after it, and comments, which keep the link busy as heartbeats. Data is one line
 * of JSON. Once more than `maxQueuedBytes` wait for a client that reads slower than events come, the stream
 * ends (`tooSlow`): the client resumes after the last event it read, and the app holds no more for it.
 */
export class EventStream {
  readonly body = new PassThrough();
  private slow = false;

  constructor(private readonly maxQueuedBytes: number) {}

  /** Writes an event; false once the stream is over. */
  event(type: string, id: number, data: unknown): boolean {
    return this.write(`id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Writes a comment, which clients skip: a heartbeat. */
  comment(text: string): boolean {
    return this.write(`: ${text}\n\n`);
  }

  /** Whether the stream ended because the client read too slowly. */
  get tooSlow(): boolean {
    return this.slow;
  }

  end(): void {
    if (!this.body.writableEnded) this.body.end();
  }

  private write(text: string): boolean {
    if (this.body.writableEnded || this.body.destroyed) return false;
    this.body.write(text);
    // What waits in the body, written and not yet taken by the response (which pauses it while the socket is full).
    if (this.body.readableLength + this.body.writableLength <= this.maxQueuedBytes) return true;
    this.slow = true;
    this.end();
    return false;
  }
}
