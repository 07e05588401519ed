import type { OutboxMessage, Problem, Ready } from './outbox-protocol.js';

export type FeedStatus = 'connecting' | 'live' | 'reconnecting' | 'unauthorized';

export interface FeedOptions {
  /** The request's credentials, asked again at every connection so that a new access token applies. */
  readonly headers: () => Record<string, string>;
  readonly status: (status: FeedStatus) => void;
  readonly problem: (problem: Problem) => void;
  /** The stream is live: what was delivered before it is `GET /outbox`'s to tell. */
  readonly ready: () => void;
  readonly message: (message: OutboxMessage) => void;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;
/** Silence longer than this many heartbeats means the link is dead, even if the connection does not say so. */
const HEARTBEATS_MISSED = 2.5;

/**
 * `GET /outbox/live`, read as server-sent events through `fetch`, which (unlike `EventSource`) can send the access
 * token as a header. Kept open for the page's lifetime: it reconnects with exponential backoff (or after the
 * server's `Retry-After`) and resumes after the last event it received (`Last-Event-ID`), so nothing is missed.
 */
export class OutboxFeed {
  private current: AbortController | undefined;
  private lastEventId: string | undefined;
  private retryMs = FIRST_RETRY_MS;
  private deadAfterMs = 15_000 * HEARTBEATS_MISSED;
  private retryTimer: number | undefined;
  private silenceTimer: number | undefined;

  constructor(private readonly options: FeedOptions) {}

  start(): void {
    this.options.status('connecting');
    void this.connect();
  }

  /** Drops the current connection and connects again at once, e.g. with another access token. */
  restart(): void {
    this.drop();
    this.retryMs = FIRST_RETRY_MS;
    this.start();
  }

  private async connect(): Promise<void> {
    window.clearTimeout(this.retryTimer);
    const attempt = new AbortController();
    this.current = attempt;
    let waitMs: number | undefined;
    try {
      const resume: Record<string, string> = this.lastEventId === undefined ? {} : { 'last-event-id': this.lastEventId };
      const response = await fetch('/outbox/live', { headers: { accept: 'text/event-stream', ...resume, ...this.options.headers() }, cache: 'no-store', signal: attempt.signal });
      if (attempt !== this.current) return;
      if (!response.ok || !response.body) {
        this.options.problem(await problemOf(response));
        if (response.status === 401) {
          // The same credentials would be refused again: wait for another token.
          this.drop();
          this.options.status('unauthorized');
          return;
        }
        waitMs = Number(response.headers.get('retry-after')) * 1_000 || undefined;
      } else {
        await this.read(response.body, attempt);
      }
    } catch {
      // A lost connection or a refused request: tried again below, unless it was dropped on purpose.
    }
    if (attempt !== this.current) return;
    this.drop();
    this.options.status('reconnecting');
    this.retryTimer = window.setTimeout(() => void this.connect(), waitMs ?? this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  /** Reads events until the stream ends: each one ends with a blank line (the app writes `\n` line ends). */
  private async read(body: ReadableStream<Uint8Array>, attempt: AbortController): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    this.watchSilence(attempt);
    for (;;) {
      const { value, done } = await reader.read();
      if (done || attempt !== this.current) return;
      this.watchSilence(attempt);
      buffered += decoder.decode(value, { stream: true });
      for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
        this.dispatch(buffered.slice(0, end));
        buffered = buffered.slice(end + 2);
      }
    }
  }

  private dispatch(block: string): void {
    const event = parseEvent(block);
    if (!event) return;
    if (event.id !== undefined) this.lastEventId = event.id;
    if (event.type === 'ready') {
      const ready = JSON.parse(event.data) as Ready;
      this.deadAfterMs = ready.heartbeatMs * HEARTBEATS_MISSED;
      // The server took this connection: the next failure starts over from a short wait.
      this.retryMs = FIRST_RETRY_MS;
      this.options.status('live');
      this.options.ready();
    } else if (event.type === 'message') {
      this.options.message(JSON.parse(event.data) as OutboxMessage);
    }
  }

  private watchSilence(attempt: AbortController): void {
    window.clearTimeout(this.silenceTimer);
    this.silenceTimer = window.setTimeout(() => attempt.abort(), this.deadAfterMs);
  }

  /** Forgets the connection: its late events change nothing. */
  private drop(): void {
    window.clearTimeout(this.silenceTimer);
    window.clearTimeout(this.retryTimer);
    const attempt = this.current;
    this.current = undefined;
    attempt?.abort();
  }
}

/** One event's fields: lines `field: value`; comments (`:`) skipped; no data, no event. */
const parseEvent = (block: string): { type: string; id?: string; data: string } | undefined => {
  let type = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? undefined : { type, id, data: data.join('\n') };
};

const problemOf = async (response: Response): Promise<Problem> => {
  try {
    return (await response.json()) as Problem;
  } catch {
    return { title: response.statusText || 'Error', status: response.status, detail: `the app answered ${response.status}` };
  }
};
