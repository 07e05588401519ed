import { randomUUID } from 'node:crypto';
import { CommandHandler, type EventStore } from '@event-driven-io/emmett';
import { HttpResponse, on, type WebApiSetup } from '@event-driven-io/emmett-expressjs';
import type { Request } from 'express';
import { bookRoom, checkIn, cleanRoom } from './business-logic';
import { cleanupRequest, guestRequest } from './requests';
import { evolveRoom, initialRoom, roomStream } from './room';
import { evolve, initialState, roomDayStream } from './room-day';

/** Commands on a room-day; a command that lost a race is decided again on the fresh state. */
export const handleRoomDay = CommandHandler({ evolve, initialState, retry: { onVersionConflict: true } });

/** Rooms are never unregistered, so a room once seen registered stays known without reading it again. */
class RegisteredRooms {
  private readonly known = new Set<string>();

  constructor(private readonly eventStore: EventStore) {}

  async has(roomId: string): Promise<boolean> {
    if (this.known.has(roomId)) return true;
    const { state } = await this.eventStore.aggregateStream(roomStream(roomId), { evolve: evolveRoom, initialState: initialRoom });
    if (state.registered) this.known.add(roomId);
    return state.registered;
  }
}

/**
 * The hotel's mutations with the request bodies and status codes of the main app: 201 with where the
 * events are, 409 problem+json naming the broken rule, 400 for a malformed body. The peer has no
 * subjects; its `stream` is Emmett's stream of the room-day and `sequence` the position in it.
 */
export const hotelApi =
  (eventStore: EventStore): WebApiSetup =>
  (router) => {
    const rooms = new RegisteredRooms(eventStore);

    router.put(
      '/mutation/book-room',
      on(async (request: Request) => {
        const { roomId, clientId, date } = guestRequest(request.body);
        const command = { roomId, clientId, date, roomRegistered: await rooms.has(roomId), eventId: randomUUID() };
        const stream = roomDayStream(roomId, date);
        const result = await handleRoomDay(eventStore, stream, (state) => bookRoom(command, state));
        const booking = result.newState.booking;
        if (!booking) throw new Error(`${stream} has no booking after it was booked`);
        const sequence = result.newEvents.length > 0 ? result.nextExpectedStreamVersion : booking.position;
        return HttpResponse(201, { body: { eventId: booking.eventId, eventIds: [booking.eventId], stream, sequence: Number(sequence) } });
      }),
    );

    router.put(
      '/mutation/cleanup',
      on(async (request: Request) => {
        const command = cleanupRequest(request.body);
        const stream = roomDayStream(command.roomId, command.date);
        const result = await handleRoomDay(eventStore, stream, (state) => cleanRoom(command, state));
        return HttpResponse(201, { body: { stream, sequence: Number(result.nextExpectedStreamVersion) } });
      }),
    );

    router.put(
      '/mutation/checkin',
      on(async (request: Request) => {
        const command = guestRequest(request.body);
        const stream = roomDayStream(command.roomId, command.date);
        const result = await handleRoomDay(eventStore, stream, (state) => checkIn(command, state));
        return HttpResponse(201, { body: { stream, sequence: Number(result.nextExpectedStreamVersion) } });
      }),
    );
  };
