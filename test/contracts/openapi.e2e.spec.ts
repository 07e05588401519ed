import { isStateChange, isStateView, type Trigger } from '@libs/event-model/board';
import { BOARDS } from '@app/boards';
import { AppHarness, type HttpAnswer } from '../app.harness';
import { booking, cleanup } from '../hotel.requests';
import { DocumentSchemas, danglingRefs } from './contract-schemas';

type HttpTrigger = Extract<Trigger, { kind: 'http' }>;
interface Response {
  readonly description: string;
  readonly content?: Record<string, { readonly schema: object }>;
}
interface Operation {
  readonly requestBody?: { readonly content: Record<string, { readonly schema: object }> };
  readonly responses: Record<string, Response>;
  readonly security?: Record<string, string[]>[];
}
/** The parts of the OpenAPI document the tests look into. */
interface OpenApiJson {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, unknown>; readonly securitySchemes: Record<string, unknown> };
}

const date = '2031-04-04';
/** The routes the document covers: every board's `/mutation/*` and `/query/*`. */
const http = (trigger: Trigger): trigger is HttpTrigger => trigger.kind === 'http' && /^\/(mutation|query)\//.test(trigger.path);
const mutations = BOARDS.flatMap(({ slices }) => slices.filter(isStateChange)).flatMap((slice) => slice.triggers.filter(http));
const queries = BOARDS.flatMap(({ slices }) => slices.filter(isStateView)).flatMap((slice) => slice.queries.filter(http));
const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

describe('the OpenAPI document of the HTTP API', () => {
  let hotel: AppHarness;
  let document: OpenApiJson;
  let schemas: DocumentSchemas;
  const operation = (trigger: HttpTrigger): Operation => document.paths[openApiPath(trigger.path)]![trigger.method.toLowerCase()]!;
  /** ajv's complaints about an actual answer, against what the document says the route answers with that status. */
  const mismatches = (trigger: HttpTrigger, answer: HttpAnswer): string[] => {
    const response = operation(trigger).responses[String(answer.status)];
    const contentType = String(answer.headers['content-type']).split(';')[0]!;
    const schema = response?.content?.[contentType]?.schema;
    return schema === undefined ? [`${trigger.path} documents no ${answer.status} ${contentType}`] : schemas.check(schema, answer.body);
  };

  beforeAll(async () => {
    hotel = await AppHarness.start();
    const answer = await hotel.app.inject({ method: 'GET', url: '/api-json' });
    expect(answer.statusCode).toBe(200);
    document = JSON.parse(answer.body) as OpenApiJson;
    schemas = new DocumentSchemas(document);
  });

  afterAll(async () => {
    await hotel.dispose();
  });

  it('is an OpenAPI 3 document listing every /mutation and /query route of the boards, and nothing else, every reference resolving', () => {
    expect(document.openapi).toMatch(/^3\.0\.\d$/);
    const routes = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual([...mutations, ...queries].map((trigger) => `${trigger.method} ${openApiPath(trigger.path)}`).sort());
    expect(danglingRefs(document)).toEqual([]);
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['api-key', 'bearer']);
  });

  it('documents every mutation: its input as the body, 201 (202 for one that queues work), and 400, 401, 409, 413, 415, 429, 503 as problem+json; a token as bearer or X-API-Key', () => {
    for (const trigger of mutations) {
      const documented = operation(trigger);
      expect(documented.requestBody?.content['application/json']?.schema).toEqual({ $ref: expect.stringMatching(/^#\/components\/schemas\/\w+Input$/) });
      const success = trigger.path === '/mutation/send-notification' ? '202' : '201';
      expect(Object.keys(documented.responses).sort()).toEqual([success, '400', '401', '409', '413', '415', '429', '503']);
      for (const status of ['400', '401', '409', '413', '415', '429', '503']) {
        expect(documented.responses[status]?.content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemBody' } } });
      }
      expect(documented.security).toEqual([{ bearer: [] }, { 'api-key': [] }]);
    }
  });

  it('documents every query: 200 with its answer, and its problems as problem+json; a token as bearer or X-API-Key', () => {
    for (const trigger of queries) {
      const documented = operation(trigger);
      expect(documented.responses['200']?.content?.['application/json']?.schema).toBeDefined();
      const problems = Object.entries(documented.responses).filter(([status]) => status !== '200');
      expect(problems.map(([status]) => status)).toEqual(expect.arrayContaining(['401', '429', '503']));
      expect(documented.security).toEqual([{ bearer: [] }, { 'api-key': [] }]);
      for (const [, response] of problems) expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
    }
  });

  it('says what the app answers: real 201, 200, 400, 404 and 409 bodies fit the documented schemas, and the documented inputs are accepted', async () => {
    const [register, book, clean, checkin] = ['/mutation/register-room', '/mutation/book-room', '/mutation/cleanup', '/mutation/checkin'].map(
      (path) => mutations.find((trigger) => trigger.path === path)!,
    );
    const [rooms, board, schedule] = ['/query/rooms', '/query/booking/:roomId/:date', '/query/cleanup-schedule/:date'].map(
      (path) => queries.find((trigger) => trigger.path === path)!,
    );
    const registered = await hotel.put(register!.path, { data: { room: { id: 8 }, name: 'Loft' } });
    const booked = await hotel.put(book!.path, booking(8, 'alice', date));
    const refused = await hotel.put(book!.path, booking(8, 'bob', date));
    const invalid = await hotel.put(book!.path, { data: { room: { id: 'a.b' }, client: { id: 0 }, date: '2031-02-30' } });
    expect([registered.status, booked.status, refused.status, invalid.status]).toEqual([201, 201, 409, 400]);
    for (const [trigger, answer] of [[register, registered], [book, booked], [book, refused], [book, invalid]] as const) expect(mismatches(trigger!, answer)).toEqual([]);
    expect(schemas.check(operation(book!).requestBody!.content['application/json']!.schema, booking(8, 'alice', date))).toEqual([]);

    const seen = await hotel.get(`/query/booking/8/${date}?sequence=${String(booked.body.sequence)}`);
    const planned = await hotel.eventually(`/query/cleanup-schedule/${date}`, (answer) => answer.status === 200);
    const missing = await hotel.get('/query/booking/8/2031-04-05');
    expect([seen.status, planned.status, missing.status]).toEqual([200, 200, 404]);
    for (const [trigger, answer] of [[board, seen], [schedule, planned], [board, missing], [rooms, await hotel.get('/query/rooms')]] as const) {
      expect(mismatches(trigger!, answer)).toEqual([]);
    }
    expect((await hotel.put(clean!.path, cleanup(8, date))).status).toBe(201);
    const occupied = await hotel.put(checkin!.path, booking(8, 'alice', date));
    expect(mismatches(checkin!, occupied)).toEqual([]);
    expect(mismatches(board!, await hotel.get(`/query/booking/8/${date}?sequence=${String(occupied.body.sequence)}`))).toEqual([]);
  });

  it('names each mutation\'s business rules in its 409', () => {
    expect(operation(mutations.find(({ path }) => path === '/mutation/book-room')!).responses['409']?.description).toContain('`room-already-booked`');
    expect(operation(mutations.find(({ path }) => path === '/mutation/checkin')!).responses['409']?.description).toContain('`guest-already-checked-in`');
  });

  it('serves Swagger UI at /api from the app itself, with no inline script', async () => {
    const page = await hotel.app.inject({ method: 'GET', url: '/api' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).not.toMatch(/<script>|<style/);
    const scripts = [...page.body.matchAll(/<script src="([^"]+)">/g)].map((match) => match[1]!);
    expect(scripts).toEqual(['/api/swagger-ui-bundle.js', '/api/swagger-init.js']);
    for (const script of scripts) expect((await hotel.app.inject({ method: 'GET', url: script })).headers['content-type']).toMatch(/^application\/javascript/);
    expect((await hotel.app.inject({ method: 'GET', url: '/api/swagger-init.js' })).body).toContain("url: '/api-json'");
  });
});

describe('the contracts, with AUTH_TOKENS set', () => {
  let hotel: AppHarness;

  beforeAll(async () => {
    hotel = await AppHarness.start({ authTokens: ['contracts-token-0123456789'] });
  });

  afterAll(async () => {
    await hotel.dispose();
  });

  it('stay open to everyone, while mutations and queries need a token', async () => {
    for (const url of ['/api', '/api-json', '/api/swagger-ui.css', '/asyncapi', '/asyncapi.json', '/asyncapi.css']) {
      expect([url, (await hotel.app.inject({ method: 'GET', url })).statusCode]).toEqual([url, 200]);
    }
    expect((await hotel.put('/mutation/book-room', booking(1, 1))).status).toBe(401);
    expect((await hotel.get('/query/rooms')).status).toBe(401);
  });
});
