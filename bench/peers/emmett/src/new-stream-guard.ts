import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { PostgreSQLEventStoreDefaultStreamVersion, type PostgresEventStore } from '@event-driven-io/emmett-postgresql';

/**
 * Emmett 0.42.0's PostgreSQL store does not check `STREAM_DOES_NOT_EXIST` when it appends: it
 * appends after whatever the stream holds by then. The command handler expects exactly that for a
 * stream it read as empty, so two clients booking the same new room-day at once could both win.
 * Expecting position 0 instead makes the store insert the stream's row, which only one append can
 * do; the loser gets Emmett's version conflict and the command handler decides again on the
 * booked room-day. Sessions (one connection per command) are kept and guarded the same way.
 */
export const guardNewStreams = (eventStore: PostgresEventStore): PostgresEventStore => ({
  ...eventStore,
  appendToStream: (streamName, events, options) =>
    eventStore.appendToStream(
      streamName,
      events,
      options?.expectedStreamVersion === STREAM_DOES_NOT_EXIST ? { ...options, expectedStreamVersion: PostgreSQLEventStoreDefaultStreamVersion } : options,
    ),
  withSession: (callback) => eventStore.withSession((session) => callback({ ...session, eventStore: guardNewStreams(session.eventStore) })),
});
