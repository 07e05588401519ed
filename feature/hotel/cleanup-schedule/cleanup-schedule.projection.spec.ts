import { ProjectionSpecification } from '@libs/testing/given-when-then';
import { cleanupSchedule } from './cleanup-schedule.projection';

const spec = ProjectionSpecification.for(cleanupSchedule);
const date = '2022-12-12';

describe('cleanup schedule view', () => {
  it('schedule plan contains the room, with its team', () =>
    spec
      .given([
        { type: 'CleanupScheduled', data: { roomId: '10', date, team: 'green' } },
        { type: 'CleanupScheduled', data: { roomId: '2', date, team: 'blue' } },
      ])
      .then({
        [date]: {
          date,
          rooms: [
            { roomId: '2', team: 'blue', status: 'scheduled' },
            { roomId: '10', team: 'green', status: 'scheduled' },
          ],
        },
      }));

  it('a cleaned room is marked cleaned', () =>
    spec
      .given([
        { type: 'CleanupScheduled', data: { roomId: '1', date, team: 'blue' } },
        { type: 'RoomCleanedUp', data: { roomId: '1', date, team: 'blue' } },
      ])
      .then({ [date]: { date, rooms: [{ roomId: '1', team: 'blue', status: 'cleaned' }] } }));

  it('bookings alone put nothing on the schedule', () =>
    spec.given([{ type: 'RoomBooked', data: { roomId: '1', clientId: '1', date } }]).then({}));
});
