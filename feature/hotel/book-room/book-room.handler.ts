import { Injectable, Logger } from '@nestjs/common';
import { AppMetrics } from '@adapter/telemetry/app-metrics';
import { HOTEL_STREAM, roomDaySubject, roomSubject } from '@stream/hotel.stream';
import type { RoomDayEvent } from '@model/hotel/hotel.events';
import type { RoomRegistered } from '@model/hotel/room-registered.event';
import type { CommandEndpoint, CommandReply } from '@adapter/command/command-reply';
import { satisfiedByReply } from '@adapter/command/decision-reply';
import { CommandHandler, type CommandContext } from '@libs/command/command-handler';
import { JetStreamEventStore } from '@adapter/event-store/jetstream-event-store';
import { entityId } from '@adapter/http/validators';
import { bookRoom, type BookRoom, type RoomDayBooking } from './book-room.decider';
import { BookRoomInput } from './book-room.input';
import { BOOK_ROOM } from './book-room.slice';

@Injectable()
export class BookRoomHandler implements CommandEndpoint<BookRoomInput> {
  readonly name = 'book-room';
  readonly input = BookRoomInput;
  private readonly handler: CommandHandler<BookRoom, RoomDayBooking, RoomDayEvent>;
  /** Rooms are never unregistered, so a room once seen registered stays known. */
  private readonly registeredRooms = new Set<string>();

  constructor(private readonly store: JetStreamEventStore, metrics: AppMetrics) {
    this.handler = new CommandHandler(store, {
      name: `/hotel/${this.name}`,
      stream: HOTEL_STREAM,
      emits: BOOK_ROOM.events,
      decider: bookRoom,
      subjectOf: (command: BookRoom) => roomDaySubject(command.data.roomId, command.data.date),
    }, { counters: metrics.commands, log: new Logger('Command') });
  }

  async execute(input: BookRoomInput, context: CommandContext): Promise<CommandReply> {
    const roomId = entityId(input.data.room.id);
    const data = { roomId, clientId: entityId(input.data.client.id), date: input.data.date };
    const command: BookRoom = { type: 'BookRoom', data: { ...data, roomRegistered: await this.isRegistered(roomId) } };
    const decision = await this.handler.handle(command, context);
    const booking = decision.state.booking;
    if (!booking) throw new Error(`room-day ${decision.subject} has no booking after it was booked`);
    return satisfiedByReply(201, decision, booking);
  }

  private async isRegistered(roomId: string): Promise<boolean> {
    if (this.registeredRooms.has(roomId)) return true;
    const { events } = await this.store.read<RoomRegistered>(HOTEL_STREAM, roomSubject(roomId));
    const registered = events.some(({ event }) => event.type === 'RoomRegistered');
    if (registered) this.registeredRooms.add(roomId);
    return registered;
  }
}
