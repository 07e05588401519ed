import { Module } from '@nestjs/common';
import { HealthHttp } from './health.http';
import { MetricsHttp } from './metrics.http';
import { ConsumerGauges } from './consumer-gauges';
import { Readiness } from './readiness';
import { WatchedConsumers } from './watched-consumers';

/** What operators and orchestrators ask of the app: `/health`, `/ready`, `/metrics`. */
@Module({ controllers: [HealthHttp, MetricsHttp], providers: [WatchedConsumers, Readiness, ConsumerGauges] })
export class OpsModule {}
