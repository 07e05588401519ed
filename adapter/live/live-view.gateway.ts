import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Inject, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import type { WebSocket } from 'ws';
import { correlationIdFrom, CORRELATION_HEADER } from '@adapter/edge/command-reply';
import { Credentials } from '@adapter/http/credentials';
import { APP_CONFIG } from '@adapter/config/app-config.token';
import type { AppConfig } from '@adapter/config/app.config';
import { AppMetrics } from '@adapter/telemetry/app-metrics';
import { LiveConnection, type LiveStats } from './live-connection';
import { LiveCloseCode } from './live.protocol';
import { LiveViews } from './live-views';

/** Frames bigger than this are refused by `ws` itself (close code 1009): client messages are small. */
const MAX_FRAME_BYTES = 16 * 1024;

/**
 * The live-views endpoint, `/live`, on the app's own HTTP port: browsers and services watch
 * state views here, relayed from KV watches, so that NATS itself never faces them.
 */
@WebSocketGateway({ path: '/live', maxPayload: MAX_FRAME_BYTES })
export class LiveViewGateway implements OnGatewayConnection<WebSocket>, BeforeApplicationShutdown {
  private readonly logger = new Logger('Live');
  private readonly connections = new Set<LiveConnection>();
  readonly stats: LiveStats = { queuedBytesHighWater: 0, tooSlow: 0 };

  constructor(
    private readonly views: LiveViews,
    @Inject(Credentials) private readonly credentials: Credentials,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AppMetrics) private readonly metrics: AppMetrics,
  ) {}

  handleConnection(socket: WebSocket, request: IncomingMessage): void {
    const header = request.headers[CORRELATION_HEADER];
    const correlationId = header ? correlationIdFrom(header) : randomUUID();
    try {
      this.credentials.check(request.headers, request.url, request.rawHeaders);
    } catch (error) {
      this.logger.debug({ message: 'live client refused: no valid credentials', correlationId });
      socket.close(LiveCloseCode.Unauthorized, error instanceof Error ? error.message.slice(0, 120) : 'unauthorized');
      return;
    }
    const connection = new LiveConnection(socket, this.views, this.limits, this.stats, correlationId);
    this.connections.add(connection);
    this.metrics.liveClients.inc();
    socket.on('close', () => {
      this.connections.delete(connection);
      this.metrics.liveClients.dec();
    });
  }

  beforeApplicationShutdown(): void {
    for (const connection of this.connections) connection.close(1001, 'the server is shutting down; reconnect and resume');
    this.connections.clear();
  }

  private get limits() {
    return {
      heartbeatMs: this.config.liveHeartbeatMs,
      maxQueuedBytes: this.config.liveMaxQueuedBytes,
      maxSubscriptions: this.config.liveMaxSubscriptions,
    };
  }
}
