import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { AddressPolicy, AddressRefused } from './address-policy';
import type { SendAttempt, SendResult } from './effect-sender';

export interface HttpPostOptions {
  readonly timeoutMs: number;
  readonly policy: AddressPolicy;
}

/** A receiver's answer: its status, and the start of its body (enough for an error code). */
export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/** The part of an answer's body kept: a service's error code, never a page. */
const BODY_KEPT = 512;

/**
 * POSTs to addresses the policy admits: the address is parsed and checked, its host resolved and checked again
 * now, and the connection goes to exactly those addresses (no redirect is followed). An answer that takes
 * longer than the timeout is a failure. Throws `AddressRefused` for an address the policy refuses.
 */
export class HttpPost {
  constructor(private readonly options: HttpPostOptions) {}

  async post(address: string, headers: Record<string, string>, body: string): Promise<HttpAnswer> {
    const url = this.options.policy.parse(address);
    await this.options.policy.resolve(url.hostname);
    return this.send(url, { ...headers, 'content-length': String(Buffer.byteLength(body)) }, body);
  }

  /** POSTs `data` as JSON to a webhook, with the request's key as `Idempotency-Key` (the same on every attempt) and the journey's correlation id. */
  webhook(address: string, key: string, attempt: SendAttempt, data: unknown): Promise<HttpAnswer> {
    return this.post(address, { 'content-type': 'application/json', 'idempotency-key': key, 'x-correlation-id': attempt.correlationId }, JSON.stringify(data));
  }

  private send(url: URL, headers: Record<string, string>, body: string): Promise<HttpAnswer> {
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
    return new Promise<HttpAnswer>((resolve, reject) => {
      const outgoing = send(url, { method: 'POST', headers, lookup }, (response: IncomingMessage) => {
        let kept = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (kept.length < BODY_KEPT) kept += chunk.slice(0, BODY_KEPT - kept.length);
        });
        response.once('end', () => {
          clearTimeout(deadline);
          resolve({ status: response.statusCode ?? 0, body: kept });
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

/** The usual reading of an HTTP answer: 2xx done; 408, 429 and 5xx worth another attempt; anything else final. */
export const statusResult = (status: number, what = 'the receiver'): SendResult => {
  if (status >= 200 && status < 300) return { kind: 'sent' };
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', reason: `${what} answered ${status}` };
  return { kind: 'refused', reason: `${what} answered ${status}` };
};

/** A failure to reach the receiver: a refused address is final, anything else (network, timeout) worth another attempt. */
export const failureResult = (error: unknown): SendResult => {
  if (error instanceof AddressRefused) return { kind: 'refused', reason: `the address ${error.message}` };
  return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
};
