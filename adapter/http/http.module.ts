import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '@adapter/config/app.config';
import { Credentials } from './credentials';
import { CredentialsGuard } from './credentials.guard';

/**
 * The HTTP edge's credentials (`AUTH_TOKENS`) and their guard. Import it after `RateLimitModule`, whose
 * guard must run first so that refused requests count against the limit too. NATS commands pass both
 * guards: NATS has its own logins.
 */
@Global()
@Module({})
export class HttpModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: HttpModule,
      providers: [{ provide: Credentials, useValue: new Credentials(config.authTokens) }, { provide: APP_GUARD, useClass: CredentialsGuard }],
      exports: [Credentials],
    };
  }
}
