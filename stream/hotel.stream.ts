import { dateToken, subjectToken } from '@libs/ids/entity-id';
import { HOTEL_EVENT_CONTRACTS, HOTEL_EVENT_TYPES } from '@model/hotel/hotel.events';
import type { EventStreamDefinition } from './event-stream';

/**
 * The hotel's events. Two kinds of entities live here, one subject each:
 * - a room (`hotel.room.<roomId>`): the registry the booking rule "the room must exist" reads;
 * - a room-day (`hotel.room-day.<roomId>.<date>`): booking, cleaning and check-in of one room
 *   on one date, the consistency boundary of the board's rules.
 */
export const HOTEL_STREAM: EventStreamDefinition = {
  name: 'HOTEL',
  subjects: ['hotel.>'],
  typePrefix: 'hotel',
  eventTypes: HOTEL_EVENT_TYPES,
  contracts: HOTEL_EVENT_CONTRACTS,
};

export const roomSubject = (roomId: string): string => `hotel.room.${subjectToken(roomId)}`;

/** Every room of the hotel's registry. */
export const roomSubjectFilter = (): string => 'hotel.room.*';

export const roomDaySubject = (roomId: string, date: string): string =>
  `hotel.room-day.${subjectToken(roomId)}.${dateToken(date)}`;

/** All room-days of a room, or of every room when none is given. */
export const roomDaySubjectFilter = (roomId?: string): string =>
  `hotel.room-day.${roomId === undefined ? '*' : subjectToken(roomId)}.*`;

/** NATS request/reply subjects of the hotel's commands. Outside `hotel.>`, so never stored as events. */
export const hotelCommandSubject = (command: string): string => `cmd.hotel.${subjectToken(command)}`;

/** Every command of the hotel, for permissions and subscriptions. */
export const hotelCommandSubjectFilter = (): string => 'cmd.hotel.>';
