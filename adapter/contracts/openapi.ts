import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiTags, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { Board } from '@libs/event-model/board';
import { API_KEY_SCHEME, BEARER_SCHEME, StoredDecisionBody } from '@adapter/http/api-operations';
import { FieldProblem, ProblemBody } from '@adapter/http/problem.responses';
import { serveFixed } from './document-routes';

export const OPENAPI_UI_PATH = '/api';
export const OPENAPI_JSON_PATH = '/api-json';

export interface ApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description: string;
}

/**
 * The OpenAPI 3 document of the routes under `prefixes`, from the controllers' decorators and the input
 * classes; each board's routes are tagged with its title.
 */
export const openApiDocument = (app: NestFastifyApplication, info: ApiInfo, prefixes: readonly string[], boards: readonly Board[]): OpenAPIObject => {
  for (const board of boards) for (const controller of board.controllers) ApiTags(board.title)(controller);
  const tokens = 'One of AUTH_TOKENS; when AUTH_TOKENS is set, commands and queries need one (queries not with PUBLIC_READS=true); pages and these documents stay open.';
  const builder = new DocumentBuilder();
  for (const board of boards) builder.addTag(board.title, `The ${board.title} board: ${board.slices.map(({ name }) => name).join(', ')}`);
  const config = builder
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'token', description: tokens }, BEARER_SCHEME)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: tokens }, API_KEY_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemBody, FieldProblem, StoredDecisionBody] });
  return { ...document, paths: Object.fromEntries(Object.entries(document.paths).filter(([path]) => prefixes.some((prefix) => path.startsWith(prefix)))) };
};

/** The page: Swagger UI from `swagger-ui-dist` (what `@nestjs/swagger` ships), with no inline script or style, so the app's CSP holds. */
const PAGE = (title: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title.replace(/[<&]/g, '')}</title>
<link rel="stylesheet" href="${OPENAPI_UI_PATH}/swagger-ui.css">
<link rel="icon" type="image/png" href="${OPENAPI_UI_PATH}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${OPENAPI_UI_PATH}/swagger-ui-bundle.js"></script>
<script src="${OPENAPI_UI_PATH}/swagger-init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({ url: '${OPENAPI_JSON_PATH}', dom_id: '#swagger-ui', deepLinking: true, presets: [SwaggerUIBundle.presets.apis] });\n`;

/** Swagger UI's files: the `swagger-ui-dist` that `@nestjs/swagger` depends on, found from it. */
const swaggerUiDist = (): string => dirname(createRequire(require.resolve('@nestjs/swagger')).resolve('swagger-ui-dist/package.json'));

/** Serves the document at `/api-json` and Swagger UI at `/api`. */
export const serveOpenApi = (app: NestFastifyApplication, document: OpenAPIObject): void => {
  serveFixed(app, OPENAPI_JSON_PATH, { contentType: 'application/json; charset=utf-8', body: () => JSON.stringify(document) });
  const asset = (name: string) => () => readFileSync(join(swaggerUiDist(), name));
  serveFixed(app, OPENAPI_UI_PATH, { contentType: 'text/html; charset=utf-8', body: () => PAGE(document.info.title) });
  serveFixed(app, `${OPENAPI_UI_PATH}/swagger-init.js`, { contentType: 'application/javascript; charset=utf-8', body: () => INIT });
  serveFixed(app, `${OPENAPI_UI_PATH}/swagger-ui.css`, { contentType: 'text/css; charset=utf-8', body: asset('swagger-ui.css') });
  serveFixed(app, `${OPENAPI_UI_PATH}/favicon-32x32.png`, { contentType: 'image/png', body: asset('favicon-32x32.png') });
  serveFixed(app, `${OPENAPI_UI_PATH}/swagger-ui-bundle.js`, { contentType: 'application/javascript; charset=utf-8', body: asset('swagger-ui-bundle.js') });
};
