import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@adapter/config/app.config';
import { HealthHttp } from './health.http';
import { MetricsHttp } from './metrics.http';
import { MetricsServer } from './metrics.server';
import { ConsumerGauges } from './consumer-gauges';
import { Readiness } from './readiness';
import { WatchedConsumers } from './watched-consumers';

/** What operators and orchestrators ask of the app: `/health`, `/ready`, `/metrics` (on a port of its own with `METRICS_PORT`). */
@Module({})
export class OpsModule {
  static forRoot(config: AppConfig): DynamicModule {
    const ownPort = config.metricsPort !== undefined;
    return {
      module: OpsModule,
      controllers: ownPort ? [HealthHttp] : [HealthHttp, MetricsHttp],
      providers: [WatchedConsumers, Readiness, ConsumerGauges, ...(ownPort ? [MetricsServer] : [])],
    };
  }
}
