import { DeciderSpecification } from '@libs/testing/given-when-then';
import { checkIn, type CheckIn } from './checkin.decider';

const day = { roomId: '1', date: '2022-12-12' };
const arrive = (clientId: string): CheckIn => ({ type: 'CheckIn', data: { ...day, clientId } });
const booked = { type: 'RoomBooked' as const, data: { ...day, clientId: '1' } };
const available = { type: 'RoomAvailable' as const, data: day };
const spec = DeciderSpecification.for(checkIn);

describe('guest check in', () => {
  it('the guest checks in to the clean room they booked', () =>
    spec.given([booked, available]).when(arrive('1')).then([{ type: 'GuestCheckedIn', data: { ...day, clientId: '1' } }]));

  it('room needs to be available to check in', () =>
    spec.given([booked]).when(arrive('1')).thenRefuses('room-must-be-available'));

  it('the room must be booked for that date', () => spec.given([]).when(arrive('1')).thenRefuses('room-must-be-booked'));

  it('only the client who booked checks in', () =>
    spec.given([booked, available]).when(arrive('2')).thenRefuses('booked-by-another-client'));

  it('a guest checks in once', () =>
    spec
      .given([booked, available, { type: 'GuestCheckedIn', data: { ...day, clientId: '1' } }])
      .when(arrive('1'))
      .thenRefuses('guest-already-checked-in'));
});
