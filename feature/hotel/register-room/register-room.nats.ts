import { hotelCommandSubject } from '@stream/hotel.stream';
import { NatsTrigger } from '@adapter/command/nats-trigger';
import { RegisterRoomHandler } from './register-room.handler';

/** `cmd.hotel.register-room`: the same command over NATS request/reply. */
export class RegisterRoomNats extends NatsTrigger(hotelCommandSubject('register-room'), RegisterRoomHandler) {}
