import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Unauthorized } from '@libs/errors/domain-error';
import { APP_CONFIG } from '@adapter/config/app-config.token';
import type { AppConfig } from '@adapter/config/app.config';
import { PROBLEM_CONTENT_TYPE, problemType, toProblem, type Problem } from '@adapter/edge/problem';
import { Credentials } from '@adapter/http/credentials';
import { AppMetrics } from '@adapter/telemetry/app-metrics';

/**
 * `/metrics` on a port of its own (`METRICS_PORT`, on `HOST`), for a scraper on a network the API's clients
 * do not reach; the API's port then has no `/metrics`. It asks for `METRICS_TOKEN` when that is set, and
 * serves nothing else: any other path is a `404`, any other method a `405`.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private readonly credentials: Credentials;
  private server: Server | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AppMetrics) private readonly metrics: AppMetrics,
  ) {
    this.credentials = new Credentials(config.metricsTokens);
  }

  /** Where it listens, once started: `http://host:port`. */
  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('the metrics server is not listening');
    return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.metricsPort, this.config.host, () => resolve());
    });
    this.server = server;
    this.logger.log({ message: 'metrics served on a port of their own', url: `${this.url}/metrics` });
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics') return problem(response, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'this port serves /metrics only' });
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return problem(response, { type: 'about:blank', title: 'Method Not Allowed', status: 405, detail: '/metrics answers GET' });
    }
    try {
      this.credentials.check(request.headers, undefined, request.rawHeaders);
    } catch (error) {
      if (error instanceof Unauthorized) return problem(response, toProblem(error));
      throw error;
    }
    try {
      const text = await this.metrics.text();
      response.writeHead(200, { 'content-type': this.metrics.contentType, 'cache-control': 'no-store' }).end(request.method === 'HEAD' ? undefined : text);
    } catch (error) {
      const correlationId = randomUUID();
      this.logger.error({ message: 'metrics failed', correlationId, error: error instanceof Error ? error.message : String(error) });
      problem(response, { type: problemType('internal-error'), title: 'Internal error', status: 500, detail: 'internal error; it is logged with the correlation id of this request' }, correlationId);
    }
  }
}

const problem = (response: ServerResponse, body: Problem, correlationId: string = randomUUID()): void => {
  response.writeHead(body.status, { 'content-type': PROBLEM_CONTENT_TYPE }).end(JSON.stringify({ ...body, instance: '/metrics', correlationId }));
};
