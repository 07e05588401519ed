import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@adapter/config/app.config';
import { Credentials } from './credentials';
import { MetricsCredentials } from './metrics-credentials';

/**
 * The HTTP edge's credentials: `AUTH_TOKENS` for the API and `/live`, and those `/metrics` takes
 * (`METRICS_TOKEN`, else `AUTH_TOKENS`). The edge guard (`guardEdge`) asks them of every request.
 * NATS commands need neither: NATS has its own logins.
 */
@Global()
@Module({})
export class HttpModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: HttpModule,
      providers: [
        { provide: Credentials, useValue: new Credentials(config.authTokens) },
        { provide: MetricsCredentials, useValue: new MetricsCredentials(config.metricsTokens.length > 0 ? config.metricsTokens : config.authTokens) },
      ],
      exports: [Credentials, MetricsCredentials],
    };
  }
}
