import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { normalizeIp } from '@nestjs/throttler';
import { APP_CONFIG } from '@adapter/config/app-config.token';
import type { AppConfig } from '@adapter/config/app.config';
import { Credentials } from './credentials';
import { WindowCounterStorage } from './window-counter.storage';

/** The prefix of every client's key in the rate limit's counts. */
export const THROTTLER_NAME = 'default';

/** A request counted against its client's budget: what is left of it, and the seconds to wait when it is spent. */
export interface ThrottleHit {
  readonly limit: number;
  readonly remaining: number;
  readonly resetSeconds: number;
  /** Set when the client is over its budget: the seconds until it may ask again. */
  readonly retryAfterSeconds: number | undefined;
}

/**
 * Who a request counts against: the client holding an accepted token (by the token's digest, never
 * the token), otherwise the IP it comes from. A wrong token counts against the IP, so guessing
 * tokens is limited like any other flood. HTTP requests and `/live` upgrades share one budget.
 */
@Injectable()
export class ClientThrottle {
  constructor(
    @Inject(Credentials) private readonly credentials: Credentials,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WindowCounterStorage) private readonly storage: WindowCounterStorage,
  ) {}

  clientOf(headers: IncomingHttpHeaders, url: string | undefined, ip: string | undefined, rawHeaders?: readonly string[]): string {
    const digest = this.credentials.acceptedDigest(headers, url, rawHeaders);
    return digest === undefined ? `ip:${normalizeIp(ip ?? 'unknown')}` : `token:${digest}`;
  }

  keyOf(client: string): string {
    return `${THROTTLER_NAME}:${client}`;
  }

  /** Counts one request of `client`. */
  async hit(client: string): Promise<ThrottleHit> {
    const { rateLimitRequests: limit, rateLimitWindowMs: window } = this.config;
    const record = await this.storage.increment(this.keyOf(client), window, limit, window);
    return {
      limit,
      remaining: Math.max(0, limit - record.totalHits),
      resetSeconds: record.timeToExpire,
      retryAfterSeconds: record.isBlocked ? Math.max(1, record.timeToBlockExpire) : undefined,
    };
  }

  /** The answer's detail for a client over its budget. */
  get refusal(): string {
    return `too many requests from this client: at most ${this.config.rateLimitRequests} per ${this.config.rateLimitWindowMs} ms; retry after the Retry-After header's seconds`;
  }

  /** Counts a websocket upgrade; the seconds to wait when the client is over its budget, else undefined. */
  async refusesUpgrade(request: IncomingMessage): Promise<number | undefined> {
    return (await this.hit(this.clientOf(request.headers, request.url, request.socket.remoteAddress))).retryAfterSeconds;
  }
}
