import type { DomainEvent } from '@libs/decider/decider';
import { eventContract } from '@libs/event-model/event-contract';
import { CLIENT_ID, ROOM_DAY } from './hotel.fields';

/** The client who booked the room has arrived and occupies it for this date. */
export type GuestCheckedIn = DomainEvent<'GuestCheckedIn', { roomId: string; clientId: string; date: string }>;

export const GUEST_CHECKED_IN = eventContract<GuestCheckedIn>({
  type: 'GuestCheckedIn',
  version: 1,
  description: 'The client who booked the room has arrived and occupies it for this date.',
  fields: { ...ROOM_DAY, clientId: CLIENT_ID },
  example: { roomId: '1', clientId: '1', date: '2022-12-12' },
});
