import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerStorage,
  type ThrottlerModuleOptions,
} from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { ClientThrottle } from './client-throttle';

/**
 * `@nestjs/throttler`'s guard with one budget per client across all routes (instead of one per
 * route), the client being named by `ClientThrottle`. Over budget: `429` with `Retry-After`.
 */
@Injectable()
export class ClientThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(ClientThrottle) private readonly clients: ClientThrottle,
  ) {
    super(options, storage, reflector);
  }

  override canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return Promise.resolve(true);
    return super.canActivate(context);
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const { headers, url, ip } = request as unknown as FastifyRequest;
    return Promise.resolve(this.clients.clientOf(headers, url, ip));
  }

  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return this.clients.keyOf(tracker);
  }
}
