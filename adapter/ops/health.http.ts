import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notReady, PROBLEM_CONTENT_TYPE, problemType } from '@adapter/edge/problem';
import { Credentials } from '@adapter/http/credentials';
import { RouteAccessOf } from '@adapter/http/route-access';
import { Readiness } from './readiness';

/**
 * For orchestrators: open (no credentials, no rate limit, no host check), since they probe often and hold
 * no token. With `AUTH_TOKENS` set, `/ready` names its checks (streams, buckets, consumers) only to a caller
 * sending one of them; anyone else gets the status alone.
 */
@Controller()
export class HealthHttp {
  constructor(
    @Inject(Readiness) private readonly readiness: Readiness,
    @Inject(Credentials) private readonly credentials: Credentials,
  ) {}

  /** Liveness: the process serves HTTP. It asks nothing of NATS, so an outage never gets the app restarted. */
  @Get('health')
  @RouteAccessOf('probe')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 200 with every check, or 503 problem details naming what is not ready (the status alone to a caller without a token, when tokens are required). */
  @Get('ready')
  @RouteAccessOf('probe')
  async ready(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const { ready, checks } = await this.readiness.check();
    const named = this.credentials.grants({ headers: request.headers, rawHeaders: request.raw.rawHeaders });
    if (ready) return named ? { status: 'ready', checks } : { status: 'ready' };
    void reply.status(503).header('content-type', PROBLEM_CONTENT_TYPE);
    const problem = named ? { ...notReady(checks.filter((check) => !check.ready)), checks } : { type: problemType('not-ready'), title: 'Not ready', status: 503, detail: 'not ready' };
    return { ...problem, instance: request.url, correlationId: request.id };
  }
}
