import type { IncomingMessage } from 'node:http';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import type { VerifyClientCallbackAsync, WebSocket, WebSocketServer } from 'ws';
import { CORRELATION_HEADER } from '@adapter/edge/command-reply';
import { PROBLEM_CONTENT_TYPE } from '@adapter/edge/problem';
import type { UpgradeRefusal } from './live-upgrades';

/** Decides an upgrade to a websocket: undefined lets it through, a refusal is answered instead. */
export type UpgradeAdmission = (request: IncomingMessage, origin: string | undefined) => Promise<UpgradeRefusal | undefined>;

/**
 * Nest's `ws` adapter, bound to the app's HTTP server. Frames are read by each live connection
 * itself, which answers every malformed message; Nest's own dispatch is left with nothing to do.
 * Upgrades the admission refuses are answered with its status and problem details before any
 * websocket exists. What a client breaks in the websocket protocol (a frame too large, bad UTF-8)
 * closes its socket and is logged at debug level: a client never chooses to write a warning or an error.
 */
export class LiveWsAdapter extends WsAdapter {
  private readonly log = new Logger('Live');

  constructor(
    app: INestApplicationContext,
    private readonly admission?: UpgradeAdmission,
  ) {
    super(app, { messageParser: () => undefined });
  }

  override create(port: number, options?: Parameters<WsAdapter['create']>[1]): ReturnType<WsAdapter['create']> {
    const admission = this.admission;
    if (!admission) return super.create(port, options);
    const verifyClient: VerifyClientCallbackAsync = (info, allow) => {
      admission(info.req, info.origin).then(
        (refusal) => (refusal === undefined ? allow(true) : allow(false, refusal.status, JSON.stringify(refusal.problem), { ...refusal.headers, 'Content-Type': PROBLEM_CONTENT_TYPE })),
        (error: unknown) => {
          this.log.error({ message: 'live upgrade could not be decided', error: String(error) });
          allow(false, 503, 'Service Unavailable');
        },
      );
    };
    return super.create(port, { ...options, verifyClient });
  }

  override bindErrorHandler(server: WebSocketServer): WebSocketServer {
    server.on('connection', (socket: WebSocket, request: IncomingMessage) =>
      socket.on('error', (error: Error & { code?: string }) =>
        this.log.debug({ message: 'live client broke the websocket protocol, closed', correlationId: request.headers[CORRELATION_HEADER], code: error.code, error: error.message }),
      ),
    );
    server.on('error', (error) => this.log.error({ message: 'live websocket server failed', error: String(error) }));
    return server;
  }
}
