import { AppHarness } from '@test/app.harness';

describe('the room list, end to end over HTTP', () => {
  let hotel: AppHarness;

  beforeAll(async () => {
    hotel = await AppHarness.start();
  });

  afterAll(async () => {
    await hotel.dispose();
  });

  it('lists the demo hotel rooms by number, and a room registered later among them', async () => {
    expect((await hotel.put('/mutation/register-room', { data: { room: { id: 10 }, name: 'Attic' } })).status).toBe(201);
    const rooms = await hotel.eventually('/query/rooms', (answer) => Array.isArray(answer.body.rooms) && answer.body.rooms.length === 6);
    expect(rooms.body).toEqual({
      rooms: [
        { roomId: '1', name: 'Garden single' },
        { roomId: '2', name: 'Garden double' },
        { roomId: '3', name: 'Sea view double' },
        { roomId: '4', name: 'Family suite' },
        { roomId: '5', name: 'Penthouse' },
        { roomId: '10', name: 'Attic' },
      ],
    });
  });
});
