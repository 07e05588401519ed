import { DeciderSpecification } from '@libs/testing/given-when-then';
import { registerRoom, type RegisterRoom } from './register-room.decider';

const register: RegisterRoom = { type: 'RegisterRoom', data: { roomId: '1', name: 'Room 1' } };
const spec = DeciderSpecification.for(registerRoom);

describe('register a room', () => {
  it('a new room is registered', () =>
    spec.given([]).when(register).then([{ type: 'RoomRegistered', data: { roomId: '1', name: 'Room 1' } }]));

  it('registering a room twice changes nothing', () =>
    spec.given([{ type: 'RoomRegistered', data: { roomId: '1', name: 'Room 1' } }]).when(register).thenNothingHappens());
});
