import { createTransport, type Transporter } from 'nodemailer';
import type { EffectRequest } from '@libs/event-model/board';
import type { EffectSender, SendAttempt, SendResult } from './effect-sender';

/** An email as an effect asks for it: to whom, its subject and its text. */
export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface EmailOptions {
  /** The SMTP server (`SMTP_URL`, such as `smtp://mail.example.com:587` or `smtps://user:pass@mail.example.com`). */
  readonly smtpUrl: string;
  /** The sender's address (`SMTP_FROM`); its domain names the messages' ids. */
  readonly from: string;
  readonly timeoutMs: number;
}

/** What nodemailer tells of a failure: the SMTP reply's code when the server answered, else a connection error's code. */
interface SmtpFailure {
  readonly responseCode?: number;
  readonly code?: string;
  readonly message?: string;
}

/**
 * Sends an email over SMTP. Its `Message-ID` is made of the request's key (`<key@domain of SMTP_FROM>`), the same on
 * every attempt, so a mailbox or a relay that drops repeated ids shows it once. The server's reply decides: a
 * transient one (4xx), a refused or lost connection or a timeout is worth another attempt; a permanent one (5xx:
 * no such mailbox, relaying denied) is final. An attempt whose answer was lost after the server took the message
 * sends it again, with the same `Message-ID`.
 */
export class EmailSender implements EffectSender {
  private readonly transport: Transporter;
  private readonly domain: string;

  constructor(private readonly options: EmailOptions) {
    this.transport = createTransport({ url: options.smtpUrl, connectionTimeout: options.timeoutMs, greetingTimeout: options.timeoutMs, socketTimeout: options.timeoutMs });
    this.domain = options.from.split('@').at(-1)?.replace(/[>\s]/g, '') || 'localhost';
  }

  async send(request: EffectRequest, attempt: SendAttempt): Promise<SendResult> {
    const { to, subject, text } = request.payload as EmailMessage;
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to,
        subject,
        text,
        messageId: `<${request.key}@${this.domain}>`,
        headers: { 'X-Correlation-Id': attempt.correlationId },
      });
      return { kind: 'sent' };
    } catch (error) {
      const failure = error as SmtpFailure;
      const reason = `the SMTP server ${failure.responseCode ? `answered ${failure.responseCode}` : 'could not be reached'}: ${(failure.message ?? String(error)).slice(0, 200)}`;
      if (failure.responseCode !== undefined && failure.responseCode >= 500) return { kind: 'refused', reason };
      return { kind: 'retry', reason };
    }
  }

  close(): void {
    this.transport.close();
  }
}
