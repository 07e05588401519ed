import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '@adapter/config/app.config';
import { correlationIdFrom, CORRELATION_HEADER } from '@adapter/edge/command-reply';
import { problemType, type Problem } from '@adapter/edge/problem';
import { AllowedHosts } from '@adapter/http/allowed-hosts';
import type { ClientThrottle } from '@adapter/http/client-throttle';
import { ClientConnections } from './client-connections';
import { originAllowed } from './origin-policy';

/** An upgrade to `/live` refused before any websocket exists: the HTTP status, its headers, and the problem as body. */
export interface UpgradeRefusal {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly problem: Problem;
}

export type LiveUpgradeSettings = Pick<AppConfig, 'allowedOrigins' | 'allowedHosts' | 'liveMaxConnectionsPerClient' | 'rateLimitRequests' | 'rateLimitWindowMs'>;

/**
 * Who may open a websocket on `/live`, decided on the upgrade request: a `Host` that `ALLOWED_HOSTS` does not list gets
 * `421`, as every other request does; a page of a foreign origin gets `403`; a client
 * over its rate limit (HTTP requests and upgrades together) `429` with `Retry-After`; a client already holding
 * `LIVE_MAX_CONNECTIONS_PER_CLIENT` connections `429`. A client is its accepted token, else its IP, as for the rate
 * limit. An admitted upgrade holds its client's slot until its TCP socket closes, whatever becomes of the websocket.
 * Refusals are the client's doing, so they are logged at debug level.
 */
export class LiveUpgrades {
  private readonly logger = new Logger('Live');
  private readonly connections: ClientConnections;
  private readonly hosts: AllowedHosts;

  constructor(
    private readonly settings: LiveUpgradeSettings,
    private readonly throttle: Pick<ClientThrottle, 'clientOf' | 'refusesUpgrade'>,
  ) {
    this.connections = new ClientConnections(settings.liveMaxConnectionsPerClient);
    this.hosts = new AllowedHosts(settings.allowedHosts);
  }

  /** Admits the upgrade, or says why not. Names it with a correlation id first (the request's `X-Correlation-Id`, else a new one). */
  async admit(request: IncomingMessage, origin: string | undefined): Promise<UpgradeRefusal | undefined> {
    const correlationId = correlationIdFrom(request.headers[CORRELATION_HEADER]);
    request.headers[CORRELATION_HEADER] = correlationId;
    if (!this.hosts.permits(request.headers.host)) {
      return this.refuse(correlationId, 421, 'misdirected-request', 'this app does not answer for the Host of the request: see ALLOWED_HOSTS', { host: request.headers.host?.slice(0, 200) });
    }
    if (!originAllowed(origin, request.headers.host, this.settings.allowedOrigins)) {
      const detail = 'pages of this origin may not open /live: only the app\'s own pages and those of ALLOWED_ORIGINS may';
      return this.refuse(correlationId, 403, 'forbidden-origin', detail, { origin: origin?.slice(0, 200) });
    }
    const retryAfter = await this.throttle.refusesUpgrade(request);
    if (retryAfter !== undefined) {
      const { rateLimitRequests: limit, rateLimitWindowMs: window } = this.settings;
      const detail = `too many requests from this client: at most ${limit} per ${window} ms; retry after the Retry-After header's seconds`;
      return this.refuse(correlationId, 429, 'too-many-requests', detail, {}, { 'Retry-After': String(retryAfter) });
    }
    const client = this.throttle.clientOf(request.headers, request.url, request.socket.remoteAddress);
    if (request.socket.destroyed || !this.connections.take(client)) {
      const max = this.settings.liveMaxConnectionsPerClient;
      const detail = `this client holds ${max} live connections already (LIVE_MAX_CONNECTIONS_PER_CLIENT): close one first`;
      return this.refuse(correlationId, 429, 'too-many-connections', detail, {});
    }
    request.socket.once('close', () => this.connections.release(client));
    return undefined;
  }

  private refuse(
    correlationId: string,
    status: number,
    code: string,
    detail: string,
    logged: Readonly<Record<string, unknown>>,
    headers: Readonly<Record<string, string>> = {},
  ): UpgradeRefusal {
    this.logger.debug({ message: 'live upgrade refused', correlationId, status, reason: code, ...logged });
    const title = code.charAt(0).toUpperCase() + code.slice(1).split('-').join(' ');
    const problem: Problem = { type: problemType(code), title, status, detail, instance: '/live', correlationId };
    return { status, headers: { ...headers, [CORRELATION_HEADER]: correlationId }, problem };
  }
}
