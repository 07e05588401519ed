import type { Dumbo } from '@event-driven-io/dumbo';
import type { PostgresEventStore, PostgreSQLEventStoreConsumer } from '@event-driven-io/emmett-postgresql';
import { handleRoomDay } from './api';
import { assignTeam, RuleViolation, scheduleCleaning } from './business-logic';
import { roomDayStream, type RoomBooked } from './room-day';

/**
 * The bot, as an Emmett reactor on the store's consumer: every booking gets its cleaning scheduled.
 * A refusal is logged and passed over, so one odd booking does not stop the bot. The reactor is given
 * the store's pool: Emmett closes each processor on SIGTERM itself, and that needs a connection.
 */
export const scheduleCleaningBot = (
  eventStore: PostgresEventStore,
  connection: { connectionString: string; dumbo: Dumbo },
): PostgreSQLEventStoreConsumer<RoomBooked> => {
  const consumer = eventStore.consumer<RoomBooked>();
  consumer.reactor<RoomBooked>({
    processorId: 'schedule-cleaning',
    canHandle: ['RoomBooked'],
    connectionOptions: connection,
    eachMessage: async (event) => {
      const { roomId, date } = event.data;
      try {
        await handleRoomDay(eventStore, roomDayStream(roomId, date), (state) => scheduleCleaning({ roomId, date, team: assignTeam(roomId, date) }, state));
      } catch (error) {
        if (!(error instanceof RuleViolation)) throw error;
        process.stderr.write(`schedule-cleaning: ${error.rule}: ${error.message}\n`);
      }
    },
  });
  return consumer;
};
