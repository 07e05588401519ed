import { dateToken, subjectToken } from '@libs/ids/entity-id';
import { HOTEL_EVENT_CONTRACTS, HOTEL_EVENT_TYPES } from '@model/hotel/hotel.events';
import { fillSubject, type EventStreamDefinition, type StreamEntity } from '@libs/event-model/event-stream';
import { commandSubject, commandSubjectFilter } from './command-subjects';

const ROOM: StreamEntity = {
  name: 'room',
  description: 'A room of the hotel: the registry the booking rule "the room must exist" reads.',
  subject: 'hotel.room.{roomId}',
  params: { roomId: 'The room\'s id' },
  eventTypes: ['RoomRegistered'],
};

const ROOM_DAY: StreamEntity = {
  name: 'room-day',
  description: 'One room on one date: booking, cleaning and check-in, the consistency boundary of the board\'s rules.',
  subject: 'hotel.room-day.{roomId}.{date}',
  params: { roomId: 'The room\'s id', date: 'The night, YYYY-MM-DD' },
  eventTypes: ['RoomBooked', 'CleanupScheduled', 'RoomCleanedUp', 'RoomAvailable', 'GuestCheckedIn'],
};

/** The hotel's events: two kinds of entities, rooms and room-days, one subject each. */
export const HOTEL_STREAM: EventStreamDefinition = {
  name: 'HOTEL',
  subjects: ['hotel.>'],
  typePrefix: 'hotel',
  eventTypes: HOTEL_EVENT_TYPES,
  entities: [ROOM, ROOM_DAY],
  contracts: HOTEL_EVENT_CONTRACTS,
};

export const roomSubject = (roomId: string): string => fillSubject(ROOM, { roomId: subjectToken(roomId) });

/** Every room of the hotel's registry. */
export const roomSubjectFilter = (): string => fillSubject(ROOM, { roomId: '*' });

export const roomDaySubject = (roomId: string, date: string): string => fillSubject(ROOM_DAY, { roomId: subjectToken(roomId), date: dateToken(date) });

/** All room-days of a room, or of every room when none is given. */
export const roomDaySubjectFilter = (roomId?: string): string =>
  fillSubject(ROOM_DAY, { roomId: roomId === undefined ? '*' : subjectToken(roomId), date: '*' });

/** NATS request/reply subjects of the hotel's commands: `cmd.hotel.<command>`. */
export const hotelCommandSubject = (command: string): string => commandSubject('hotel', command);

/** Every command of the hotel, for permissions and subscriptions. */
export const hotelCommandSubjectFilter = (): string => commandSubjectFilter('hotel');
