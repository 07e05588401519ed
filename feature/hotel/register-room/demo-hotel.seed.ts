import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '@adapter/runtime/app-config.token';
import type { AppConfig } from '@adapter/runtime/app.config';
import { RegisterRoomHandler } from './register-room.handler';

/** Rooms of the demo hotel, registered at start-up when `SEED_DEMO_HOTEL` is on. */
export const DEMO_ROOMS = [
  { id: 1, name: 'Garden single' },
  { id: 2, name: 'Garden double' },
  { id: 3, name: 'Sea view double' },
  { id: 4, name: 'Family suite' },
  { id: 5, name: 'Penthouse' },
] as const;

/** Seeds the demo hotel through the same decider as any admin: idempotent, so every start may run it. */
@Injectable()
export class DemoHotelSeed implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoHotel');

  constructor(
    private readonly handler: RegisterRoomHandler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoHotel) return;
    const context = { correlationId: 'demo-hotel-seed', causationId: 'demo-hotel-seed' };
    for (const room of DEMO_ROOMS) {
      await this.handler.execute({ data: { room: { id: room.id }, name: room.name } }, context);
    }
    this.logger.log({ message: 'demo hotel ready', rooms: DEMO_ROOMS.map((room) => room.id) });
  }
}
