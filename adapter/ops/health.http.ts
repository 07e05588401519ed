import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notReady, PROBLEM_CONTENT_TYPE } from '@adapter/edge/problem';
import { Readiness } from './readiness';

/** For orchestrators: open (no credentials, no rate limit), since they probe often and hold no token. */
@Controller()
@SkipThrottle()
export class HealthHttp {
  constructor(@Inject(Readiness) private readonly readiness: Readiness) {}

  /** Liveness: the process serves HTTP. It asks nothing of NATS, so an outage never gets the app restarted. */
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 200 with every check, or 503 problem details naming what is not ready. */
  @Get('ready')
  async ready(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const { ready, checks } = await this.readiness.check();
    if (ready) return { status: 'ready', checks };
    void reply.status(503).header('content-type', PROBLEM_CONTENT_TYPE);
    return { ...notReady(checks.filter((check) => !check.ready)), checks, instance: request.url, correlationId: request.id };
  }
}
