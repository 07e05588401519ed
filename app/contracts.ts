import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Board } from '@libs/event-model/board';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { asyncApiDocument } from '@adapter/contracts/asyncapi.document';
import { serveAsyncApi } from '@adapter/contracts/asyncapi.routes';
import { openApiDocument, serveOpenApi } from '@adapter/contracts/openapi';

const VERSION = '0.1.0';

/**
 * The app's contracts, generated at start from what the code declares: the OpenAPI document of the
 * HTTP API (`/api`, `/api-json`) from the controllers and input classes, and the AsyncAPI document
 * (`/asyncapi`, `/asyncapi.json`) from the boards, their streams and the event contracts.
 */
export const serveContracts = (app: NestFastifyApplication, boards: readonly Board[], natsHost: string): void => {
  const titles = boards.map(({ title }) => title).join(', ');
  const openApi = openApiDocument(
    app,
    {
      title: `${titles}: HTTP API`,
      version: VERSION,
      description: `Commands (\`PUT /mutation/*\`) and queries on views (\`GET /query/*\`) of the boards ${titles}. Errors are \`application/problem+json\`.`,
    },
    ['/mutation/', '/query/'],
    boards,
  );
  serveOpenApi(app, openApi);
  serveAsyncApi(
    app,
    asyncApiDocument({
      info: {
        title: `${titles}: events and commands on NATS`,
        version: VERSION,
        description: `The boards ${titles} on NATS JetStream: the entities' subjects and their CloudEvents, the commands' request/reply subjects, and the dead letters.`,
      },
      server: { host: natsHost, description: 'The embedded nats-server (EMBEDDED_NATS_PORT), or NATS_URL' },
      boards,
      deadLetter: DEAD_LETTER_STREAM,
      openApi,
    }),
  );
};
