import { Module, type DynamicModule } from '@nestjs/common';
import { HotelModule } from '@feature/hotel/hotel.module';
import { LiveModule } from '@adapter/live/live.module';
import type { AppConfig } from '@adapter/runtime/app.config';
import { RuntimeModule } from '@adapter/runtime/runtime.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig & { natsUrl: string }): DynamicModule {
    return { module: AppModule, imports: [RuntimeModule.forRoot(config), HotelModule, LiveModule] };
  }
}
