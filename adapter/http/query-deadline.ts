import { Inject, Injectable, Module, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { catchError, throwError, timeout, TimeoutError, type Observable } from 'rxjs';
import { ServiceUnavailable } from '@libs/errors/domain-error';
import { APP_CONFIG } from '@adapter/config/app-config.token';
import type { AppConfig } from '@adapter/config/app.config';

/** How long a read may take before it answers 503, beyond the wait a `?sequence=` query asks for. */
export const READ_DEADLINE_MS = 2_000;

/**
 * Every HTTP read (GET, HEAD) answers within a deadline, or 503: a NATS server that stalls (it accepts
 * requests and answers none) would otherwise hold each read for the client's request timeout and retries.
 * A query that waits for the view to reach `?sequence=N` may take `QUERY_WAIT_MS` longer. Commands keep their
 * own budget: a write may wait out a leader's election.
 */
@Injectable()
export class QueryDeadline implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<{ method: string; query?: Record<string, unknown> }>();
    if (request.method !== 'GET' && request.method !== 'HEAD') return next.handle();
    const deadline = READ_DEADLINE_MS + (request.query?.['sequence'] === undefined ? 0 : this.config.queryWaitMs);
    return next.handle().pipe(
      timeout(deadline),
      catchError((error: unknown) =>
        throwError(() => (error instanceof TimeoutError ? new ServiceUnavailable(`NATS did not answer this read within ${deadline} ms; retry in a moment`) : error)),
      ),
    );
  }
}

/** Puts every HTTP read under `QueryDeadline`. */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: QueryDeadline }] })
export class QueryDeadlineModule {}
