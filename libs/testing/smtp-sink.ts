import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One email the sink took: when, its envelope's recipients and the parsed message's id, subject, text and headers. */
export interface SunkEmail {
  /** When the sink had the whole message (`Date.now()`). */
  readonly at: number;
  readonly to: readonly string[];
  readonly messageId: string | undefined;
  readonly subject: string | undefined;
  readonly text: string | undefined;
  readonly headers: ReadonlyMap<string, unknown>;
}

/** How the sink answers the next recipient: takes it, or refuses it with an SMTP code. */
export type SinkAnswer = { readonly accept: true } | { readonly accept: false; readonly code: number; readonly message: string };

/**
 * A real SMTP server on loopback, without TLS or login, that keeps the emails it takes: the local double of a mail
 * relay for tests. Recipients are answered as told (`answer`), one answer per recipient, then taken.
 */
export class SmtpSink {
  readonly received: SunkEmail[] = [];
  private answers: SinkAnswer[] = [];
  private held: { readonly taken: () => void; readonly answered: Promise<void> } | undefined;
  private readonly server: SMTPServer;
  private address = '';

  private constructor() {
    this.server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (_address, _session, callback) => {
        const answer = this.answers.shift() ?? { accept: true };
        if (answer.accept) return callback();
        return callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
      },
      onData: (stream, session, callback) => {
        simpleParser(stream).then(
          (parsed) => {
            this.received.push({
              at: Date.now(),
              to: session.envelope.rcptTo.map(({ address }) => address),
              messageId: parsed.messageId,
              subject: parsed.subject,
              text: parsed.text,
              headers: parsed.headers,
            });
            const held = this.held;
            this.held = undefined;
            if (!held) return callback();
            held.taken();
            void held.answered.then(() => callback());
          },
          (error: Error) => callback(error),
        );
      },
    });
  }

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    sink.address = `smtp://127.0.0.1:${(sink.server.server.address() as AddressInfo).port}`;
    return sink;
  }

  /** The sink's address, as `SMTP_URL` takes it. */
  get url(): string {
    return this.address;
  }

  /** Answers the next recipients with these, in order; then takes every one. */
  answer(answers: readonly SinkAnswer[]): void {
    this.answers = [...answers];
  }

  /**
   * Keeps the next email it takes without answering it: `taken` resolves once the email is kept (so the sender cannot
   * know it was), and the answer goes out only when `answer` is called, if the sender is still there to read it.
   */
  holdNext(): { readonly taken: Promise<void>; answer(): void } {
    let taken!: () => void;
    let answer!: () => void;
    const tookIt = new Promise<void>((resolve) => (taken = resolve));
    const answered = new Promise<void>((resolve) => (answer = resolve));
    this.held = { taken, answered };
    return { taken: tookIt, answer };
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
