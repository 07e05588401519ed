import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One request the receiver took: when, its headers and its body. */
export interface Received {
  readonly at: number;
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** How the receiver answers the next request: a status and a plain-text body (`ok` unless told), after a pause. */
export interface Answer {
  readonly status: number;
  readonly body?: string;
  readonly delayMs?: number;
}

/**
 * A real HTTP server on loopback that records what it receives and answers as told: the statuses in `answers`,
 * one per request in order, then `otherwise` (200 unless set). Started and stopped by the test that uses it.
 */
export class HttpReceiver {
  readonly received: Received[] = [];
  private answers: Answer[] = [];
  private otherwise: Answer = { status: 200 };

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<HttpReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the receiver has no TCP port');
    const receiver = new HttpReceiver(server, `http://127.0.0.1:${address.port}`);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const answer = receiver.answers.shift() ?? receiver.otherwise;
        receiver.received.push({ at: Date.now(), method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        setTimeout(() => response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? 'ok'), answer.delayMs ?? 0);
      });
    });
    return receiver;
  }

  /** Answers the next requests with these, in order; then with `otherwise`. */
  answer(answers: readonly Answer[], otherwise: Answer = { status: 200 }): void {
    this.answers = [...answers];
    this.otherwise = otherwise;
  }

  /** What was received at `path`. */
  at(path: string): Received[] {
    return this.received.filter(({ url }) => url === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
