import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Credentials } from './credentials';

/** Mutations need credentials when auth is configured; queries and pages stay open. */
@Injectable()
export class CredentialsGuard implements CanActivate {
  constructor(@Inject(Credentials) private readonly credentials: Credentials) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method === 'GET' || request.method === 'HEAD') return true;
    this.credentials.check(request.headers);
    return true;
  }
}
