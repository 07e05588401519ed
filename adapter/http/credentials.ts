import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Unauthorized } from '@libs/errors/domain-error';

/**
 * What a request says about who sends it: its headers, its URL (for `access_token`, read only when
 * given), and its raw header lines when known, which tell a header sent twice from one sent once
 * (Node keeps only the first `Authorization` and joins repeated `X-API-Key`s).
 */
export interface CredentialSource {
  readonly headers: IncomingHttpHeaders;
  readonly url?: string;
  readonly rawHeaders?: readonly string[];
}

/** The token a request presents: none, exactly one, or several that disagree (or one given twice). */
type Presented = { readonly kind: 'none' } | { readonly kind: 'one'; readonly token: string } | { readonly kind: 'ambiguous' };

/**
 * The tokens a part of the API accepts (`AUTH_TOKENS`, or `METRICS_TOKEN` for `/metrics`). With none
 * configured that part is open. A token comes as `Authorization: Bearer <token>` (the scheme in any case),
 * as `X-API-Key`, or, for browsers' websockets, which cannot set headers, as the `access_token` query
 * parameter. A request presenting several must present one token: a second `Authorization`, a repeated
 * `X-API-Key` or `access_token`, another scheme than bearer, or two different tokens are refused, never
 * resolved by taking the first.
 */
export class Credentials {
  private readonly digests: readonly Buffer[];

  constructor(tokens: readonly string[]) {
    this.digests = tokens.map(digest);
  }

  get required(): boolean {
    return this.digests.length > 0;
  }

  /** Throws `Unauthorized` unless auth is off or the request carries one accepted token. */
  check(headers: IncomingHttpHeaders, url?: string, rawHeaders?: readonly string[]): void {
    if (!this.required) return;
    const presented = tokenFrom({ headers, url, rawHeaders });
    if (presented.kind === 'none') {
      throw new Unauthorized('this endpoint needs credentials: send "Authorization: Bearer <token>" with one of the configured tokens');
    }
    if (presented.kind === 'ambiguous') {
      throw new Unauthorized('the request carries conflicting credentials: send one token, once, as "Authorization: Bearer <token>" or "X-API-Key"');
    }
    if (!this.accepts(digest(presented.token))) throw new Unauthorized('the token is not one of the configured tokens');
  }

  /** Whether auth is off or the request carries one accepted token. */
  grants(source: CredentialSource): boolean {
    return !this.required || this.acceptedDigest(source.headers, source.url, source.rawHeaders) !== undefined;
  }

  /**
   * The SHA-256 (hex) of the request's token when it is an accepted one, else undefined: what the
   * rate limit counts a client by. A wrong, absent or ambiguous token, or any token while auth is off, names no client.
   */
  acceptedDigest(headers: IncomingHttpHeaders, url?: string, rawHeaders?: readonly string[]): string | undefined {
    if (!this.required) return undefined;
    const presented = tokenFrom({ headers, url, rawHeaders });
    if (presented.kind !== 'one') return undefined;
    const candidate = digest(presented.token);
    return this.accepts(candidate) ? candidate.toString('hex') : undefined;
  }

  private accepts(candidate: Buffer): boolean {
    return this.digests.some((accepted) => timingSafeEqual(accepted, candidate));
  }
}

/** Compared as digests, so that the comparison takes the same time whatever the token's length. */
const digest = (token: string): Buffer => createHash('sha256').update(token).digest();

const BEARER = /^bearer[ \t]+(\S+)[ \t]*$/i;

const tokenFrom = ({ headers, url, rawHeaders }: CredentialSource): Presented => {
  const authorizations = headerValues(headers, rawHeaders, 'authorization');
  const apiKeys = headerValues(headers, rawHeaders, 'x-api-key');
  const parameters = url === undefined ? [] : new URL(url, 'http://localhost').searchParams.getAll('access_token');
  if (authorizations.length > 1 || apiKeys.length > 1 || parameters.length > 1) return { kind: 'ambiguous' };
  const tokens: string[] = [...apiKeys, ...parameters];
  for (const authorization of authorizations) {
    const bearer = BEARER.exec(authorization);
    if (!bearer?.[1]) return { kind: 'ambiguous' };
    tokens.push(bearer[1]);
  }
  const [token, ...others] = tokens;
  if (token === undefined) return { kind: 'none' };
  return others.every((other) => other === token) ? { kind: 'one', token } : { kind: 'ambiguous' };
};

/** Every value sent for a header: from the raw lines when known, else what Node kept. */
const headerValues = (headers: IncomingHttpHeaders, rawHeaders: readonly string[] | undefined, name: string): string[] => {
  if (rawHeaders !== undefined) {
    const values: string[] = [];
    for (let index = 0; index + 1 < rawHeaders.length; index += 2) if (rawHeaders[index]?.toLowerCase() === name) values.push(rawHeaders[index + 1] ?? '');
    return values;
  }
  const value = headers[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
};
