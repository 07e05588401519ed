import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { EffectRequest } from '@libs/event-model/board';
import { AddressPolicy, AddressRefused } from './address-policy';
import type { EffectSender, SendAttempt, SendResult } from './effect-sender';

/** A callback as an effect asks for it: where, and the CloudEvent it delivers (its id is the request's key). */
export interface HttpCallback {
  readonly url: string;
  readonly type: string;
  readonly source: string;
  /** The CloudEvent's time: when what it tells happened. */
  readonly time: string;
  readonly data: unknown;
}

export interface HttpCallbackOptions {
  readonly timeoutMs: number;
  readonly policy: AddressPolicy;
}

/**
 * Calls back: a POST of a CloudEvent in HTTP binary mode (`ce-id`, `ce-type`, `ce-source`, `ce-time`,
 * `ce-specversion` headers; the data as a JSON body). `ce-id` is the request's key, the same on every attempt,
 * so a receiver drops duplicates. The address is checked against the policy again, on the addresses it
 * resolves to now, and the connection goes to exactly those. A 2xx is done; a network error, a timeout, 408,
 * 429 and 5xx are worth another attempt; any other answer (a 4xx, a redirect, which is not followed) is final.
 */
export class HttpCallbackSender implements EffectSender {
  constructor(private readonly options: HttpCallbackOptions) {}

  async send(request: EffectRequest, attempt: SendAttempt): Promise<SendResult> {
    const callback = request.payload as HttpCallback;
    let url: URL;
    try {
      url = this.options.policy.parse(callback.url);
    } catch (error) {
      return { kind: 'refused', reason: `the address ${error instanceof Error ? error.message : String(error)}` };
    }
    const body = JSON.stringify(callback.data);
    const headers = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'ce-specversion': '1.0',
      'ce-id': request.key,
      'ce-type': callback.type,
      'ce-source': callback.source,
      'ce-time': callback.time,
      'x-correlation-id': attempt.correlationId,
    };
    try {
      await this.options.policy.resolve(url.hostname);
      const status = await this.post(url, headers, body);
      if (status >= 200 && status < 300) return { kind: 'sent' };
      if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', reason: `the receiver answered ${status}` };
      return { kind: 'refused', reason: `the receiver answered ${status}` };
    } catch (error) {
      if (error instanceof AddressRefused) return { kind: 'refused', reason: `the address ${error.message}` };
      return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The answer's status; the body is read and dropped. */
  private post(url: URL, headers: Record<string, string>, body: string): Promise<number> {
    const policy = this.options.policy;
    // Node asks for every address (`all`, to try them in turn) or for one; either way only admitted ones.
    const lookup: LookupFunction = (hostname, options, callback) => {
      policy.resolve(hostname).then(
        (resolved) => {
          const [first] = resolved;
          if (!first) callback(new AddressRefused(`its host ${hostname} resolves to nothing`), '', 4);
          else if (options.all) (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, resolved);
          else callback(null, first.address, first.family);
        },
        (error: unknown) => callback(error as NodeJS.ErrnoException, '', 4),
      );
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<number>((resolve, reject) => {
      const outgoing = send(url, { method: 'POST', headers, lookup }, (response: IncomingMessage) => {
        response.resume();
        response.once('end', () => {
          clearTimeout(deadline);
          resolve(response.statusCode ?? 0);
        });
        response.once('error', reject);
      });
      const deadline = setTimeout(() => outgoing.destroy(new Error(`no answer within ${this.options.timeoutMs} ms`)), this.options.timeoutMs);
      outgoing.once('error', (error) => {
        clearTimeout(deadline);
        reject(error);
      });
      outgoing.end(body);
    });
  }
}
