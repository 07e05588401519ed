import { HttpException } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AllowedHosts } from './allowed-hosts';
import type { ClientThrottle } from './client-throttle';
import type { Credentials } from './credentials';
import { routeAccess } from './route-access';

export interface EdgeGuardOptions {
  readonly throttle: ClientThrottle;
  readonly credentials: Credentials;
  readonly metricsCredentials: Credentials;
  readonly allowedHosts: readonly string[];
  /** Queries open to anyone while commands need a token (`PUBLIC_READS`). */
  readonly publicReads: boolean;
}

/** Whether a request reads: `GET` and `HEAD` never change anything. */
const isRead = (request: FastifyRequest): boolean => request.method === 'GET' || request.method === 'HEAD';

/**
 * Every HTTP request passes here first, whatever answers it: a board's route, a page, a document, an asset
 * or the not-found handler. In this order:
 * 1. the rate limit: one budget per client across everything (probes excepted); over it, `429` with `Retry-After`;
 * 2. the `Host` (`ALLOWED_HOSTS`): another host gets `421` (probes excepted);
 * 3. credentials (`AUTH_TOKENS`): commands and queries need a token (queries not with `PUBLIC_READS`), `/metrics`
 *    its own (`MetricsCredentials`); pages and probes none; a request no route answers gets its `404` either way.
 * Refusals are thrown to the app's error handler, so they leave as problem details like every other error.
 */
export const guardEdge = (fastify: FastifyInstance, options: EdgeGuardOptions): void => {
  const hosts = new AllowedHosts(options.allowedHosts);
  fastify.addHook('onRequest', async (request, reply) => {
    const access = routeAccess(request);
    if (access === 'probe') return;
    await throttle(request, reply, options.throttle);
    if (!hosts.permits(request.headers.host)) {
      throw new HttpException('this app does not answer for the Host of the request: see ALLOWED_HOSTS', 421);
    }
    if (access === 'page' || request.routeOptions.url === undefined) return;
    if (access === 'metrics') options.metricsCredentials.check(request.headers, undefined, request.raw.rawHeaders);
    else if (!(options.publicReads && isRead(request))) options.credentials.check(request.headers, undefined, request.raw.rawHeaders);
  });
};

const throttle = async (request: FastifyRequest, reply: FastifyReply, clients: ClientThrottle): Promise<void> => {
  const hit = await clients.hit(clients.clientOf(request.headers, undefined, request.ip, request.raw.rawHeaders));
  void reply.header('x-ratelimit-limit', hit.limit).header('x-ratelimit-remaining', hit.remaining).header('x-ratelimit-reset', hit.resetSeconds);
  if (hit.retryAfterSeconds === undefined) return;
  void reply.header('retry-after', hit.retryAfterSeconds);
  throw new HttpException(clients.refusal, 429);
};
