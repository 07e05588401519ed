import { DeciderSpecification } from '@libs/testing/given-when-then';
import { cleanRoom, type CleanRoom } from './cleanup.decider';

const day = { roomId: '1', date: '2022-12-12' };
const clean: CleanRoom = { type: 'CleanRoom', data: day };
const booked = { type: 'RoomBooked' as const, data: { ...day, clientId: '1' } };
const scheduled = { type: 'CleanupScheduled' as const, data: { ...day, team: 'blue' } };
const spec = DeciderSpecification.for(cleanRoom);

describe('the team clean the room', () => {
  it('room become available when done', () =>
    spec.given([booked, scheduled]).when(clean).then([
      { type: 'RoomCleanedUp', data: { ...day, team: 'blue' } },
      { type: 'RoomAvailable', data: day },
    ]));

  it('the room must be booked this day', () => spec.given([]).when(clean).thenRefuses('room-must-be-booked'));

  it('the cleaning must have been scheduled', () => spec.given([booked]).when(clean).thenRefuses('cleanup-must-be-scheduled'));

  it('a room is cleaned once', () =>
    spec
      .given([booked, scheduled, { type: 'RoomCleanedUp', data: { ...day, team: 'blue' } }, { type: 'RoomAvailable', data: day }])
      .when(clean)
      .thenRefuses('room-already-cleaned'));
});
