import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { RouteAccessOf } from '@adapter/http/route-access';
import { AppMetrics } from '@adapter/telemetry/app-metrics';

/** `/metrics` on the API's port, when `METRICS_PORT` gives it no port of its own; it takes `METRICS_TOKEN` (or `AUTH_TOKENS`). */
@Controller()
export class MetricsHttp {
  constructor(@Inject(AppMetrics) private readonly metrics: AppMetrics) {}

  /** The app's metrics in the Prometheus text format (see docs/operations.md), for Prometheus and the benches. */
  @Get('metrics')
  @RouteAccessOf('metrics')
  async text(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const text = await this.metrics.text();
    void reply.header('content-type', this.metrics.contentType);
    return text;
  }
}
