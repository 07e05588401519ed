import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, normalizeIp, ThrottlerStorage } from '@nestjs/throttler';
import { APP_CONFIG } from '@adapter/config/app-config.token';
import type { AppConfig } from '@adapter/config/app.config';
import { Credentials } from './credentials';

/** The throttler's name; `default` keeps the headers plain: `Retry-After`, `X-RateLimit-Limit`. */
export const THROTTLER_NAME = 'default';

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
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
  ) {}

  clientOf(headers: IncomingHttpHeaders, url: string | undefined, ip: string | undefined): string {
    const digest = this.credentials.acceptedDigest(headers, url);
    return digest === undefined ? `ip:${normalizeIp(ip ?? 'unknown')}` : `token:${digest}`;
  }

  keyOf(client: string): string {
    return `${THROTTLER_NAME}:${client}`;
  }

  /** Counts a websocket upgrade; the seconds to wait when the client is over its budget, else undefined. */
  async refusesUpgrade(request: IncomingMessage): Promise<number | undefined> {
    const client = this.clientOf(request.headers, request.url, request.socket.remoteAddress);
    const { rateLimitRequests: limit, rateLimitWindowMs: window } = this.config;
    const hit = await this.storage.increment(this.keyOf(client), window, limit, window, THROTTLER_NAME);
    return hit.isBlocked ? Math.max(1, hit.timeToBlockExpire) : undefined;
  }
}
