import { dumbo } from '@event-driven-io/dumbo';
import { CommandHandler, onShutdown, projections } from '@event-driven-io/emmett';
import { getApplication, OK, on, startAPI } from '@event-driven-io/emmett-expressjs';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { pongoClient } from '@event-driven-io/pongo';
import type { Request } from 'express';
import { hotelApi } from './api';
import { guardNewStreams } from './new-stream-guard';
import { toProblem } from './problems';
import { evolveRoom, initialRoom, registerRoom, roomStream } from './room';
import { scheduleCleaningBot } from './schedule-cleaning';
import { hotelViews, VIEW_COLLECTIONS } from './views';

/**
 * The Emmett peer: `POSTGRESQL_CONNECTION_STRING` names the database, `PORT` the HTTP port, and
 * `PEER_VIEWS=none` leaves out the views (kept by default, as inline projections like the main app's
 * views). It migrates Emmett's schema, registers rooms 1-5, starts the bot, then serves. The store and the
 * bot share one connection pool, which the store closes last.
 */
const main = async (): Promise<void> => {
  const connectionString = process.env.POSTGRESQL_CONNECTION_STRING ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const port = Number(process.env.PORT ?? 3000);

  const pool = dumbo({ connectionString });
  const views = process.env.PEER_VIEWS === 'none' ? [] : projections.inline(hotelViews);
  const eventStore = guardNewStreams(getPostgreSQLEventStore(connectionString, { connectionOptions: { dumbo: pool }, projections: views }));
  await eventStore.schema.migrate();

  const handleRoom = CommandHandler({ evolve: evolveRoom, initialState: initialRoom });
  for (const roomId of ['1', '2', '3', '4', '5']) {
    await handleRoom(eventStore, roomStream(roomId), (state) => registerRoom(roomId, state));
  }

  const bot = scheduleCleaningBot(eventStore, { connectionString, dumbo: pool });
  const botRun = bot.start();

  const health = on(() => OK({ body: { status: 'ok' } }));
  // How many documents a view holds, for the bench to check that the views were kept.
  const pongo = pongoClient(connectionString);
  const documents = pongo.db();
  const viewCount = on(async (request: Request) => {
    const collection = VIEW_COLLECTIONS[String(request.params.name)];
    if (!collection) return OK({ body: { count: 0 } });
    return OK({ body: { count: await documents.collection(collection).countDocuments() } });
  });
  const application = getApplication({
    apis: [hotelApi(eventStore), (router) => router.get('/health', health), (router) => router.get('/views/:name/count', viewCount)],
    mapError: toProblem,
  });
  const server = startAPI(application, { port });

  onShutdown(async () => {
    await new Promise((closed) => server.close(closed));
    await bot.stop();
    await botRun;
    await pongo.close();
    await eventStore.close();
  });
};

main().catch((error: unknown) => {
  process.stderr.write(`emmett peer failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
