import type { INestApplicationContext } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';

/**
 * Nest's `ws` adapter, bound to the app's HTTP server. Frames are read by each live connection
 * itself, which answers every malformed message; Nest's own dispatch is left with nothing to do.
 */
export class LiveWsAdapter extends WsAdapter {
  constructor(app: INestApplicationContext) {
    super(app, { messageParser: () => undefined });
  }
}
