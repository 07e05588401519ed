import { ProjectionSpecification, testMetadata } from '@libs/testing/given-when-then';
import { bookingBoard } from './booking-board.projection';

const day = { roomId: '1', date: '2022-12-12' };
const spec = ProjectionSpecification.for(bookingBoard);
const change = (event: string, sequence: number) => ({ event, at: testMetadata(sequence).time, sequence });

describe('booking view', () => {
  it('a booked room shows booked, with its client', () =>
    spec.given([{ type: 'RoomBooked', data: { ...day, clientId: '7' } }]).then({
      '1.2022-12-12': { ...day, clientId: '7', availability: 'booked', lastChange: change('RoomBooked', 1) },
    }));

  it('booked → available → occupied, cleaning events leave it as it is', () =>
    spec
      .given([
        { type: 'RoomBooked', data: { ...day, clientId: '7' } },
        { type: 'CleanupScheduled', data: { ...day, team: 'blue' } },
        { type: 'RoomCleanedUp', data: { ...day, team: 'blue' } },
        { type: 'RoomAvailable', data: day },
        { type: 'GuestCheckedIn', data: { ...day, clientId: '7' } },
      ])
      .then({ '1.2022-12-12': { ...day, clientId: '7', availability: 'occupied', lastChange: change('GuestCheckedIn', 5) } }));

  it('each room and date has its own entry', () =>
    spec
      .given([
        { type: 'RoomBooked', data: { ...day, clientId: '7' } },
        { type: 'RoomBooked', data: { roomId: '2', date: '2022-12-12', clientId: '8' } },
        { type: 'RoomAvailable', data: day },
      ])
      .then({
        '1.2022-12-12': { ...day, clientId: '7', availability: 'available', lastChange: change('RoomAvailable', 3) },
        '2.2022-12-12': { roomId: '2', date: '2022-12-12', clientId: '8', availability: 'booked', lastChange: change('RoomBooked', 2) },
      }));

  it('registering a room shows no booking', () =>
    spec.given([{ type: 'RoomRegistered', data: { roomId: '1', name: 'Room 1' } }]).then({}));
});
