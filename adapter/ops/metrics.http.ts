import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppMetrics } from '@adapter/telemetry/app-metrics';

@Controller()
export class MetricsHttp {
  constructor(@Inject(AppMetrics) private readonly metrics: AppMetrics) {}

  /** The app's metrics in the Prometheus text format (see docs/operations.md), for Prometheus and the benches. */
  @Get('metrics')
  async text(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const text = await this.metrics.text();
    void reply.header('content-type', this.metrics.contentType);
    return text;
  }
}
