import { hotelCommandSubject } from '@stream/hotel.stream';
import { NatsTrigger } from '@adapter/command/nats-trigger';
import { CheckinHandler } from './checkin.handler';

/** `cmd.hotel.checkin`: the same command over NATS request/reply. */
export class CheckinNats extends NatsTrigger(hotelCommandSubject('checkin'), CheckinHandler) {}
