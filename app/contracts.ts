import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HOTEL_BOARD } from '@feature/hotel/hotel.board';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { asyncApiDocument } from '@adapter/contracts/asyncapi.document';
import { serveAsyncApi } from '@adapter/contracts/asyncapi.routes';
import { openApiDocument, serveOpenApi } from '@adapter/contracts/openapi';

const VERSION = '0.1.0';

/**
 * The app's contracts, generated at start from what the code declares: the OpenAPI document of the
 * HTTP API (`/api`, `/api-json`) from the controllers and input classes, and the AsyncAPI document
 * (`/asyncapi`, `/asyncapi.json`) from the hotel board, the stream definitions and the event contracts.
 */
export const serveContracts = (app: NestFastifyApplication): void => {
  const openApi = openApiDocument(
    app,
    {
      title: 'Hotel: HTTP API',
      version: VERSION,
      description: 'Commands (`PUT /mutation/*`) and queries on views (`GET /query/*`) of the hotel board. Errors are `application/problem+json`.',
    },
    ['/mutation/', '/query/'],
  );
  serveOpenApi(app, openApi);
  serveAsyncApi(
    app,
    asyncApiDocument({
      info: {
        title: 'Hotel: events and commands on NATS',
        version: VERSION,
        description: 'The hotel board on NATS JetStream: the entities\' subjects and their CloudEvents, the commands\' request/reply subjects, and the dead letters.',
      },
      server: { host: '127.0.0.1:4222', description: 'The embedded nats-server (EMBEDDED_NATS_PORT), or NATS_URL' },
      board: HOTEL_BOARD,
      streams: [HOTEL_STREAM],
      deadLetter: DEAD_LETTER_STREAM,
      openApi,
    }),
  );
};
