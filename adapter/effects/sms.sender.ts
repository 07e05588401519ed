import type { EffectRequest } from '@libs/event-model/board';
import type { EffectSender, SendAttempt, SendResult } from './effect-sender';
import { failureResult, HttpPost, statusResult, type HttpPostOptions } from './http-post';

/** A text message as an effect asks for it: the number (E.164, such as `+15551234567`) and the text. */
export interface SmsMessage {
  readonly to: string;
  readonly text: string;
}

export interface SmsOptions extends HttpPostOptions {
  /** The SMS gateway's webhook (`SMS_WEBHOOK_URL`). */
  readonly webhookUrl: string;
}

/**
 * Sends a text message through an HTTP gateway: a POST of `{"to","text"}` with the request's key as
 * `Idempotency-Key`, the same on every attempt, so a gateway that honours it sends the message once. A 2xx is
 * done; a network error, a timeout, 408, 429 and 5xx are worth another attempt; any other answer is final.
 */
export class SmsSender implements EffectSender {
  private readonly http: HttpPost;

  constructor(private readonly options: SmsOptions) {
    this.http = new HttpPost(options);
  }

  async send(request: EffectRequest, attempt: SendAttempt): Promise<SendResult> {
    const { to, text } = request.payload as SmsMessage;
    try {
      const answer = await this.http.webhook(this.options.webhookUrl, request.key, attempt, { to, text });
      return statusResult(answer.status, 'the SMS gateway');
    } catch (error) {
      return failureResult(error);
    }
  }
}
