import type { EffectRequest } from '@libs/event-model/board';
import type { EffectSender, SendAttempt, SendResult } from './effect-sender';
import { failureResult, HttpPost, statusResult, type HttpPostOptions } from './http-post';

/** A callback as an effect asks for it: where, and the CloudEvent it delivers (its id is the request's key). */
export interface HttpCallback {
  readonly url: string;
  readonly type: string;
  readonly source: string;
  /** The CloudEvent's time: when what it tells happened. */
  readonly time: string;
  readonly data: unknown;
}

/**
 * Calls back: a POST of a CloudEvent in HTTP binary mode (`ce-id`, `ce-type`, `ce-source`, `ce-time`,
 * `ce-specversion` headers; the data as a JSON body). `ce-id` is the request's key, the same on every attempt,
 * so a receiver drops duplicates. The address is checked against the policy again, on the addresses it
 * resolves to now, and the connection goes to exactly those. A 2xx is done; a network error, a timeout, 408,
 * 429 and 5xx are worth another attempt; any other answer (a 4xx, a redirect, which is not followed) is final.
 */
export class HttpCallbackSender implements EffectSender {
  private readonly http: HttpPost;

  constructor(options: HttpPostOptions) {
    this.http = new HttpPost(options);
  }

  async send(request: EffectRequest, attempt: SendAttempt): Promise<SendResult> {
    const callback = request.payload as HttpCallback;
    const headers = {
      'content-type': 'application/json',
      'ce-specversion': '1.0',
      'ce-id': request.key,
      'ce-type': callback.type,
      'ce-source': callback.source,
      'ce-time': callback.time,
      'x-correlation-id': attempt.correlationId,
    };
    try {
      return statusResult((await this.http.post(callback.url, headers, JSON.stringify(callback.data))).status);
    } catch (error) {
      return failureResult(error);
    }
  }
}
