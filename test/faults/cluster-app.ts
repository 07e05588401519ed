import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type AppConfig } from '@adapter/config/app.config';
import { createApp } from '@app/app.factory';

/** The whole app in process on a cluster, listening on a free loopback port. */
export interface ClusterApp {
  readonly app: NestFastifyApplication;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * Starts the app with `NATS_URL` listing every node and `STREAM_REPLICAS=3`, as on a production cluster.
 * The test's clients all come from 127.0.0.1, so the per-client rate limit is lifted out of their way.
 */
export const startClusterApp = async (urls: string, overrides: Partial<AppConfig> = {}): Promise<ClusterApp> => {
  const config = loadConfig({ NATS_URL: urls, STREAM_REPLICAS: '3', SEED_DEMO: 'true', LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'error', RATE_LIMIT_REQUESTS: '100000000' });
  const app = await createApp({ ...config, ...overrides, natsUrl: urls });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error(`the app listens on ${String(address)}, not on a TCP port`);
  return { app, baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
};

/** A PUT with a JSON body; the status, or 0 when no answer came. */
export const putJson = async (url: string, body: unknown, timeoutMs = 30_000): Promise<number> => {
  try {
    const response = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
};
