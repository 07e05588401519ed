import type { IncomingMessage } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import type { VerifyClientCallbackAsync } from 'ws';

/** Counts a websocket upgrade against its client's budget; the seconds to wait when refused, else undefined. */
export type UpgradeLimit = (request: IncomingMessage) => Promise<number | undefined>;

/**
 * Nest's `ws` adapter, bound to the app's HTTP server. Frames are read by each live connection
 * itself, which answers every malformed message; Nest's own dispatch is left with nothing to do.
 * Upgrades over the client's rate limit are refused with `429` and `Retry-After` before any websocket exists.
 */
export class LiveWsAdapter extends WsAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly upgradeLimit?: UpgradeLimit,
  ) {
    super(app, { messageParser: () => undefined });
  }

  override create(port: number, options?: Parameters<WsAdapter['create']>[1]): ReturnType<WsAdapter['create']> {
    const limit = this.upgradeLimit;
    if (!limit) return super.create(port, options);
    const verifyClient: VerifyClientCallbackAsync = (info, allow) => {
      limit(info.req).then(
        (retryAfter) => (retryAfter === undefined ? allow(true) : allow(false, 429, 'Too Many Requests', { 'Retry-After': String(retryAfter) })),
        () => allow(false, 503, 'Service Unavailable'),
      );
    };
    return super.create(port, { ...options, verifyClient });
  }
}
