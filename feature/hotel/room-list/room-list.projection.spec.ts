import { ProjectionSpecification } from '@libs/testing/given-when-then';
import { byRoomId, roomList } from './room-list.projection';

const spec = ProjectionSpecification.for(roomList);

describe('room list view', () => {
  it('a registered room is listed, with its name', () =>
    spec.given([{ type: 'RoomRegistered', data: { roomId: '1', name: 'Garden single' } }]).then({
      '1': { roomId: '1', name: 'Garden single' },
    }));

  it('each room has its own entry', () =>
    spec
      .given([
        { type: 'RoomRegistered', data: { roomId: '1', name: 'Garden single' } },
        { type: 'RoomRegistered', data: { roomId: 'attic', name: 'Attic' } },
      ])
      .then({ '1': { roomId: '1', name: 'Garden single' }, attic: { roomId: 'attic', name: 'Attic' } }));

  it('bookings and cleanings list no room', () =>
    spec
      .given([
        { type: 'RoomBooked', data: { roomId: '1', clientId: '7', date: '2022-12-12' } },
        { type: 'CleanupScheduled', data: { roomId: '1', date: '2022-12-12', team: 'blue' } },
      ])
      .then({}));

  it('rooms sort by number, not by text', () =>
    expect(
      [
        { roomId: '10', name: 'Ten' },
        { roomId: '2', name: 'Two' },
        { roomId: '1', name: 'One' },
      ]
        .sort(byRoomId)
        .map((room) => room.roomId),
    ).toEqual(['1', '2', '10']));
});
