import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { HealthHttp } from '@adapter/http/health.http';
import { MetricsHttp } from '@adapter/http/metrics.http';
import { ConsumerGauges } from './consumer-gauges';
import { Readiness } from './readiness';
import { WatchedConsumers } from './watched-consumers';

/** What operators and orchestrators ask of the app: `/health`, `/ready`, `/metrics`. */
@Module({ imports: [DiscoveryModule], controllers: [HealthHttp, MetricsHttp], providers: [WatchedConsumers, Readiness, ConsumerGauges] })
export class OpsModule {}
