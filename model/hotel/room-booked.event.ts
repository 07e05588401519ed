import type { DomainEvent } from '@libs/decider/decider';
import { eventContract, type Upcaster } from '@libs/event-model/event-contract';
import { toEntityId } from '@libs/ids/entity-id';
import { CLIENT_ID, ROOM_DAY } from './hotel.fields';

/** A client holds the room for the night of this date; nobody else can book it then. */
export type RoomBooked = DomainEvent<'RoomBooked', { roomId: string; clientId: string; date: string }>;

/**
 * RoomBooked v1 held the room's and the client's ids as the request sent them: `{"id": 7}` was
 * stored as the number 7. Version 2 holds the id's token, the string `"7"`, as subjects and view keys use it.
 */
export type RoomBookedV1 = DomainEvent<'RoomBooked', { roomId: number | string; clientId: number | string; date: string }>;

/** v1 → v2: numeric ids become their tokens; ids stored as strings (as this app always wrote them) stay as they are. */
const ROOM_BOOKED_V1: Upcaster = {
  from: 1,
  upcast: (data) => {
    if (typeof data !== 'object' || data === null) return data;
    const v1 = data as Partial<RoomBookedV1['data']>;
    return { ...v1, roomId: toEntityId(v1.roomId) ?? v1.roomId, clientId: toEntityId(v1.clientId) ?? v1.clientId };
  },
};

export const ROOM_BOOKED = eventContract<RoomBooked>({
  type: 'RoomBooked',
  version: 2,
  description: 'A client holds the room for the night of this date; nobody else can book it then.',
  fields: { ...ROOM_DAY, clientId: CLIENT_ID },
  example: { roomId: '1', clientId: '1', date: '2022-12-12' },
  upcasters: [ROOM_BOOKED_V1],
});
