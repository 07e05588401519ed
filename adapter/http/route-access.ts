import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

/**
 * Who may call a route when `AUTH_TOKENS` is set, read from the route's Fastify config by the edge guard
 * (`guardEdge`). A route declares nothing to be a command or a query: every route needs a token unless it
 * says otherwise here, so a new board's routes are covered without a line.
 * - `page`: pages, their assets and the contract documents, which show no data of any entity;
 * - `probe`: `/health` and `/ready`, for orchestrators: no token, no rate limit, no host check;
 * - `metrics`: `/metrics`, with `METRICS_TOKEN` (or one of `AUTH_TOKENS` without it).
 */
export type RouteAccess = 'page' | 'probe' | 'metrics';

export interface EdgeRouteConfig {
  readonly access?: RouteAccess;
}

/** Marks a route handler as a page, open to anyone: `@Get('board') @OpenPage()`. */
export const OpenPage = (): MethodDecorator => applyDecorators(RouteConfig({ access: 'page' } satisfies EdgeRouteConfig));

/** Marks a route handler with its access: `@RouteAccessOf('probe')`. */
export const RouteAccessOf = (access: RouteAccess): MethodDecorator => applyDecorators(RouteConfig({ access } satisfies EdgeRouteConfig));

/** A request's route access, or undefined for a command, a query, or no route at all. */
export const routeAccess = (request: FastifyRequest): RouteAccess | undefined => (request.routeOptions.config as EdgeRouteConfig | undefined)?.access;
