import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { AppHarness } from './app.harness';

/** A route as the app declares it: its method, its path (with `:params`), and its access when the route says. */
export interface DeclaredRoute {
  readonly method: string;
  readonly path: string;
  readonly access?: string;
}

/** Every route the running app declares, found through Nest's own metadata: a new board's routes are in without listing them. */
export const declaredRoutes = (app: AppHarness): DeclaredRoute[] => {
  const scanner = new MetadataScanner();
  const routes: DeclaredRoute[] = [];
  for (const { instance, metatype } of new DiscoveryService(app.app.get(ModulesContainer)).getControllers()) {
    if (!instance || !metatype) continue;
    const prefix = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const config = Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as { access?: string } | undefined;
      routes.push({ method: RequestMethod[method], path: `/${[prefix, path].filter((part) => part && part !== '/').join('/')}`, access: config?.access });
    }
  }
  return routes;
};
