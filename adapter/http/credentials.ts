import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Unauthorized } from '@libs/errors/domain-error';

/**
 * The tokens the API accepts, from `AUTH_TOKENS`. With none configured the API is open (the
 * embedded demo default). A token comes as `Authorization: Bearer <token>`, as `X-API-Key`,
 * or, for browsers' websockets, which cannot set headers, as the `access_token` query parameter.
 */
export class Credentials {
  private readonly digests: readonly Buffer[];

  constructor(tokens: readonly string[]) {
    this.digests = tokens.map(digest);
  }

  get required(): boolean {
    return this.digests.length > 0;
  }

  /** Throws `Unauthorized` unless auth is off or the request carries an accepted token. */
  check(headers: IncomingHttpHeaders, url?: string): void {
    if (!this.required) return;
    const presented = tokenFrom(headers, url);
    if (presented === undefined) {
      throw new Unauthorized('this endpoint needs credentials: send "Authorization: Bearer <token>" with one of the configured AUTH_TOKENS');
    }
    if (!this.accepts(digest(presented))) {
      throw new Unauthorized('the token is not one of the configured AUTH_TOKENS');
    }
  }

  /**
   * The SHA-256 (hex) of the request's token when it is an accepted one, else undefined: what the
   * rate limit counts a client by. A wrong or absent token, or any token while auth is off, names no client.
   */
  acceptedDigest(headers: IncomingHttpHeaders, url?: string): string | undefined {
    if (!this.required) return undefined;
    const presented = tokenFrom(headers, url);
    if (presented === undefined) return undefined;
    const candidate = digest(presented);
    return this.accepts(candidate) ? candidate.toString('hex') : undefined;
  }

  private accepts(candidate: Buffer): boolean {
    return this.digests.some((accepted) => timingSafeEqual(accepted, candidate));
  }
}

/** Compared as digests, so that the comparison takes the same time whatever the token's length. */
const digest = (token: string): Buffer => createHash('sha256').update(token).digest();

const tokenFrom = (headers: IncomingHttpHeaders, url?: string): string | undefined => {
  const authorization = headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim();
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey) return apiKey;
  if (url === undefined) return undefined;
  return new URL(url, 'http://localhost').searchParams.get('access_token') ?? undefined;
};
