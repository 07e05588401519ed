import { DeciderSpecification } from '@libs/testing/given-when-then';
import { bookRoom, type BookRoom } from './book-room.decider';

const booking = (clientId: string, roomRegistered = true): BookRoom => ({
  type: 'BookRoom',
  data: { roomId: '1', clientId, date: '2022-12-12', roomRegistered },
});
const roomBooked = (clientId: string) => ({ type: 'RoomBooked' as const, data: { roomId: '1', clientId, date: '2022-12-12' } });
const spec = DeciderSpecification.for(bookRoom);

describe('user book the room', () => {
  it('a free room is booked', () => spec.given([]).when(booking('1')).then([roomBooked('1')]));

  it('the room must exist', () => spec.given([]).when(booking('1', false)).thenRefuses('room-must-exist'));

  it('it should be booked once: another client is refused', () =>
    spec.given([roomBooked('1')]).when(booking('2')).thenRefuses('room-already-booked'));

  it('it should be booked once: the same booking again changes nothing', () =>
    spec.given([roomBooked('1')]).when(booking('1')).thenNothingHappens());

  it('a room cleaned and occupied is still booked for that date', () =>
    spec
      .given([
        roomBooked('1'),
        { type: 'RoomAvailable', data: { roomId: '1', date: '2022-12-12' } },
        { type: 'GuestCheckedIn', data: { roomId: '1', clientId: '1', date: '2022-12-12' } },
      ])
      .when(booking('3'))
      .thenRefuses('room-already-booked'));
});
