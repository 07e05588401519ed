import { Module } from '@nestjs/common';
import { DemoHotelSeed } from './demo-hotel.seed';
import { RegisterRoomHandler } from './register-room.handler';
import { RegisterRoomHttp } from './register-room.http';
import { RegisterRoomNats } from './register-room.nats';

@Module({
  controllers: [RegisterRoomHttp],
  providers: [RegisterRoomHandler, RegisterRoomNats, DemoHotelSeed],
})
export class RegisterRoomModule {}
