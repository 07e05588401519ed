import { hotelCommandSubject } from '@stream/hotel.stream';
import { NatsTrigger } from '@adapter/command/nats-trigger';
import { CleanupHandler } from './cleanup.handler';

/** `cmd.hotel.cleanup`: the same command over NATS request/reply. */
export class CleanupNats extends NatsTrigger(hotelCommandSubject('cleanup'), CleanupHandler) {}
