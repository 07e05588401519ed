import { hotelCommandSubject } from '@stream/hotel.stream';
import { NatsTrigger } from '@adapter/command/nats-trigger';
import { BookRoomHandler } from './book-room.handler';

/** `cmd.hotel.book-room`: the same command over NATS request/reply. */
export class BookRoomNats extends NatsTrigger(hotelCommandSubject('book-room'), BookRoomHandler) {}
