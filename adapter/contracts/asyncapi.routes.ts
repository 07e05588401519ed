import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ASYNCAPI_STYLESHEET, asyncApiPage } from './asyncapi.page';
import { serveFixed } from './document-routes';

export const ASYNCAPI_JSON_PATH = '/asyncapi.json';
export const ASYNCAPI_PAGE_PATH = '/asyncapi';
const STYLESHEET_PATH = '/asyncapi.css';

/** Serves the AsyncAPI document at `/asyncapi.json` and its page at `/asyncapi`. */
export const serveAsyncApi = (app: NestFastifyApplication, document: Record<string, unknown>): void => {
  serveFixed(app, ASYNCAPI_JSON_PATH, { contentType: 'application/json; charset=utf-8', body: () => JSON.stringify(document) });
  serveFixed(app, ASYNCAPI_PAGE_PATH, { contentType: 'text/html; charset=utf-8', body: () => asyncApiPage(document, STYLESHEET_PATH, ASYNCAPI_JSON_PATH) });
  serveFixed(app, STYLESHEET_PATH, { contentType: 'text/css; charset=utf-8', body: () => ASYNCAPI_STYLESHEET });
};
