import fc from 'fast-check';
import { DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import { GROUP_CHECKOUT_STREAM } from '@stream/group-checkout.stream';
import { HOTEL_STREAM } from '@stream/hotel.stream';
import { NOTIFICATION_REQUEST_STREAM, NOTIFICATION_STREAM } from '@stream/notification.stream';
import { PAGER_STREAM, PAGER_TARGET_STREAM } from '@stream/pager.stream';
import { isEmail } from 'class-validator';
import { NatsCommandTransport } from '@adapter/transport/nats-command.transport';
import { AppHarness } from './app.harness';
import { declaredRoutes } from './declared-routes';
import { booking } from './hotel.requests';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What the issue says ids are, written out again so the fuzzer does not trust the code it tests. */
const isValidId = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) || (typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(value));

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Ids and dates the API must refuse: separators, wildcards, whitespace, control characters, unicode, wrong types. */
const badId: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>('', '.', 'a..b', 'a.b', '*', '>', 'a*', ' 1', '1 ', '\t', 'a\nb', '\u0000', '\u007f', 'é', '房间', '🛏', '-1', '_a', 'x'.repeat(65)),
  fc.string({ unit: 'grapheme', maxLength: 80 }).filter((text) => !isValidId(text)),
  fc.constantFrom<Json>(-1, 1.5, -0.5, 2 ** 53, true, false, null, [], [1], {}, { id: 1 }),
);
const badDate: fc.Arbitrary<Json> = fc.oneof(
  fc.record({ year: fc.integer({ min: 2000, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), over: fc.integer({ min: 1, max: 3 }) }).map(
    ({ year, month, over }) => `${year}-${pad(month)}-${pad((DAYS_IN_MONTH[month - 1] ?? 31) + (month === 2 && year % 4 === 0 && year !== 2100 ? 1 : 0) + over)}`,
  ),
  fc.oneof(fc.integer({ min: 0, max: 1999 }), fc.integer({ min: 2101, max: 9999 })).map((year) => `${pad(year, 4)}-06-15`),
  fc.integer({ min: 13, max: 99 }).map((month) => `2022-${pad(month)}-01`),
  fc.constantFrom<Json>('2023-02-30', '2022-00-10', '2022-12-00', '2022-12-12T00:00:00Z', ' 2022-12-12', '2022-12-12\n', '２０２２-１２-１２', '', '*', 'a..b', 20221212, null, []),
  fc.string({ maxLength: 12 }).filter((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text)),
);
const unknownKey = fc
  .oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('toString', 'valueOf', 'hasOwnProperty', 'constructor', '__defineGetter__', 'isPrototypeOf'))
  .filter((key) => !['data', 'room', 'client', 'date', 'name', 'id', 'stay', 'charge', 'payment', 'amount', 'group', 'stays', '__proto__'].includes(key));
/** Amounts the API must refuse: money is whole cents from 1 to 1,000,000,000. */
const badAmount: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(0, -1, 1.5, 1_000_000_001, 2 ** 53, '100', '', null, true, [], {}),
  fc.double({ noNaN: true }).filter((value) => !Number.isInteger(value)),
);
/** Stay lists the selection must refuse as a whole: not a list, empty, or longer than 100. */
const badStays: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>([], 'stay-1', 5, null, true, {}),
  fc.integer({ min: 101, max: 120 }).map((length) => Array.from({ length }, (_, index) => ({ id: `s${index}` }))),
);

interface CommandModel {
  readonly valid: { data: Record<string, Json> };
  /** Leaf fields and how to break them, as dotted paths into `valid`. */
  readonly fields: Readonly<Record<string, fc.Arbitrary<Json>>>;
  /** Fields whose absence is an error. */
  readonly required: readonly string[];
  /** The board whose NATS subject `cmd.<board>.<name>` takes it too. */
  readonly board: 'hotel' | 'group-checkout' | 'notification' | 'pager';
}

/** Addresses, Slack channels, channel lists, subjects and bodies the notification commands refuse. */
const badEmail: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>('', 'ada', 'ada@', '@example.com', 'ada@@example.com', 'ada example@example.com', 5, null, [], {}, true),
  fc.constant(`${'a'.repeat(250)}@example.com`),
);
const badSlackChannel: fc.Arbitrary<Json> = fc.constantFrom<Json>('', '#', 'General', '#has space', `#${'x'.repeat(81)}`, '@ada', 5, null, [], {});
const badChannels: fc.Arbitrary<Json> = fc.constantFrom<Json>('email', ['sms'], ['email', 'email'], ['email', 'slack', 'sms'], [5], null, {}, true);
const badSubject: fc.Arbitrary<Json> = fc.constantFrom<Json>('', 'x'.repeat(201), 'two\nlines', 5, null, [], {}, true);
const badBody: fc.Arbitrary<Json> = fc.constantFrom<Json>('', 'x'.repeat(10_001), 5, null, [], {}, true);

/** Policies and alerts the pager refuses. */
const badSeconds: fc.Arbitrary<Json> = fc.oneof(fc.constantFrom<Json>(0, -1, 86_401, 1.5, '900', null, [], {}, true), fc.integer({ min: 86_402 }));
const badRepeat: fc.Arbitrary<Json> = fc.constantFrom<Json>(-1, 11, 0.5, '1', [], {}, true);
const badLevels: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>([], 'level', 5, null, {}, true),
  fc.constant<Json>(Array.from({ length: 11 }, () => ({ targets: [{ email: 'oncall@example.com' }] }))),
);
const badMessage: fc.Arbitrary<Json> = fc.constantFrom<Json>('', 'x'.repeat(501), 5, null, [], {}, true);

const roomDay = { room: { id: 1 }, date: '2031-01-01' };
/** Every command, by name: the HTTP route `/mutation/<name>` and the NATS subject `cmd.<board>.<name>`. */
const COMMANDS: Readonly<Record<string, CommandModel>> = {
  'book-room': {
    valid: { data: { ...roomDay, client: { id: 1 } } },
    fields: { 'data.room.id': badId, 'data.client.id': badId, 'data.date': badDate },
    required: ['data', 'data.room', 'data.room.id', 'data.client', 'data.client.id', 'data.date'],
    board: 'hotel',
  },
  checkin: {
    valid: { data: { ...roomDay, client: { id: 1 } } },
    fields: { 'data.room.id': badId, 'data.client.id': badId, 'data.date': badDate },
    required: ['data', 'data.room', 'data.room.id', 'data.client', 'data.client.id', 'data.date'],
    board: 'hotel',
  },
  cleanup: {
    valid: { data: roomDay },
    fields: { 'data.room.id': badId, 'data.date': badDate },
    required: ['data', 'data.room', 'data.room.id', 'data.date'],
    board: 'hotel',
  },
  'register-room': {
    valid: { data: { room: { id: 9 }, name: 'Attic' } },
    fields: { 'data.room.id': badId, 'data.name': fc.oneof(fc.constantFrom<Json>('', 'x'.repeat(101), 5, [], {}, true)) },
    required: ['data', 'data.room', 'data.room.id'],
    board: 'hotel',
  },
  'charge-guest-stay': {
    valid: { data: { stay: { id: 's1' }, charge: { id: 'c1' }, amount: 100 } },
    fields: { 'data.stay.id': badId, 'data.charge.id': badId, 'data.amount': badAmount },
    required: ['data', 'data.stay', 'data.stay.id', 'data.charge', 'data.charge.id', 'data.amount'],
    board: 'group-checkout',
  },
  'pay-guest-stay': {
    valid: { data: { stay: { id: 's1' }, payment: { id: 'p1' }, amount: 100 } },
    fields: { 'data.stay.id': badId, 'data.payment.id': badId, 'data.amount': badAmount },
    required: ['data', 'data.stay', 'data.stay.id', 'data.payment', 'data.payment.id', 'data.amount'],
    board: 'group-checkout',
  },
  'check-out-guest-stay': {
    valid: { data: { stay: { id: 's1' } } },
    fields: { 'data.stay.id': badId },
    required: ['data', 'data.stay', 'data.stay.id'],
    board: 'group-checkout',
  },
  'select-group-checkout-stays': {
    valid: { data: { group: { id: 'g1' }, stays: [{ id: 's1' }] } },
    fields: { 'data.group.id': badId, 'data.stays': badStays },
    required: ['data', 'data.group', 'data.group.id', 'data.stays'],
    board: 'group-checkout',
  },
  'pay-group-checkout': {
    valid: { data: { group: { id: 'g1' }, payment: { id: 'p1' }, amount: 100 } },
    fields: { 'data.group.id': badId, 'data.payment.id': badId, 'data.amount': badAmount },
    required: ['data', 'data.group', 'data.group.id', 'data.payment', 'data.payment.id', 'data.amount'],
    board: 'group-checkout',
  },
  'confirm-group-checkout': {
    valid: { data: { group: { id: 'g1' } } },
    fields: { 'data.group.id': badId },
    required: ['data', 'data.group', 'data.group.id'],
    board: 'group-checkout',
  },
  'register-recipient': {
    valid: { data: { recipient: { id: 'r1' }, email: 'r1@example.com', slackChannel: '#r1', channels: ['email', 'slack'] } },
    fields: { 'data.recipient.id': badId, 'data.email': badEmail, 'data.slackChannel': badSlackChannel, 'data.channels': badChannels },
    required: ['data', 'data.recipient', 'data.recipient.id', 'data.email', 'data.slackChannel', 'data.channels'],
    board: 'notification',
  },
  'set-escalation-policy': {
    valid: { data: { service: { id: 'svc' }, ackTimeoutSeconds: 900, repeat: 0, levels: [{ targets: [{ email: 'oncall@example.com' }] }] } },
    fields: { 'data.service.id': badId, 'data.ackTimeoutSeconds': badSeconds, 'data.repeat': badRepeat, 'data.levels': badLevels },
    required: ['data', 'data.service', 'data.service.id', 'data.ackTimeoutSeconds', 'data.levels'],
    board: 'pager',
  },
  'raise-alert': {
    valid: { data: { service: { id: 'svc' }, message: 'down' } },
    fields: { 'data.service.id': badId, 'data.message': badMessage },
    required: ['data', 'data.service', 'data.service.id', 'data.message'],
    board: 'pager',
  },
  'acknowledge-alert': {
    valid: { data: { service: { id: 'svc' } } },
    fields: { 'data.service.id': badId },
    required: ['data', 'data.service', 'data.service.id'],
    board: 'pager',
  },
  'mark-service-healthy': {
    valid: { data: { service: { id: 'svc' } } },
    fields: { 'data.service.id': badId },
    required: ['data', 'data.service', 'data.service.id'],
    board: 'pager',
  },
  'send-notification': {
    valid: { data: { notification: { id: 'n1' }, recipient: { id: 'r1' }, subject: 'Hi', body: 'Hello' } },
    fields: { 'data.notification.id': badId, 'data.recipient.id': badId, 'data.subject': badSubject, 'data.body': badBody },
    required: ['data', 'data.recipient', 'data.recipient.id', 'data.subject', 'data.body'],
    board: 'notification',
  },
};

type QueryParam = 'id' | 'date' | 'sequence' | 'email';
/** Every query: its path parameters (ids or dates), and its query-string ones (`?sequence=`, `?to=` an address). */
const QUERIES: Readonly<Record<string, Readonly<Record<string, QueryParam>>>> = {
  '/query/booking/:roomId/:date': { roomId: 'id', date: 'date', sequence: 'sequence' },
  '/query/cleanup-schedule/:date': { date: 'date', sequence: 'sequence' },
  '/query/rooms': {},
  '/query/group-checkout/:groupId': { groupId: 'id', sequence: 'sequence' },
  '/query/guest-stay/:stayId': { stayId: 'id', sequence: 'sequence' },
  '/query/notification/:trackingId': { trackingId: 'id' },
  '/query/sent-emails': { to: 'email' },
  '/query/service/:serviceId': { serviceId: 'id' },
  '/query/open-incidents': {},
  '/query/incident/:serviceId/:incidentId': { serviceId: 'id', incidentId: 'id' },
};
const GOOD_DATE = '2031-01-01';
const queryValue = (kind: QueryParam): fc.Arbitrary<string> => {
  if (kind === 'id') return fc.oneof(fc.constantFrom('1', '7'), badId.map(String));
  if (kind === 'date') return fc.oneof(fc.constant(GOOD_DATE), badDate.map(String));
  if (kind === 'email') return fc.oneof(fc.constantFrom('ada@example.com', 'ADA@example.com'), badEmail.map(String));
  return fc.oneof(fc.constant('0'), fc.constantFrom('-1', '1.5', '1e3', '0x10', ' 1', '', '99999999999999999'), fc.string({ maxLength: 8 }).filter((text) => !/^\d+$/.test(text)));
};
const queryValueIsValid = (kind: QueryParam, raw: string): boolean =>
  kind === 'id' ? isValidId(raw) : kind === 'date' ? raw === GOOD_DATE : kind === 'email' ? raw.length <= 254 && isEmail(raw, { require_tld: false }) : /^\d{1,16}$/.test(raw);

const clone = <T>(value: T): T => structuredClone(value);
const setAt = (body: Record<string, Json>, path: string, value: Json | undefined): void => {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let node = body;
  for (const key of keys) node = node[key] as Record<string, Json>;
  if (value === undefined) delete node[last];
  else node[last] = value;
};
const objectPaths = (value: Json, prefix = ''): string[] =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? [prefix, ...Object.entries(value).flatMap(([key, child]) => objectPaths(child, prefix ? `${prefix}.${key}` : key))]
    : [];

/** A refused input, and the field its 400 must name (`''` is the body itself); 413 for bodies over the limit. */
interface BadInput {
  readonly body: string;
  readonly status: 400 | 413;
  readonly field?: string;
}

const badInputs = (model: CommandModel): fc.Arbitrary<BadInput> => {
  const fieldPaths = Object.keys(model.fields);
  const brokenField = fc.constantFrom(...fieldPaths).chain((path) =>
    (model.fields[path] ?? badId).map((value): BadInput => {
      const body = clone(model.valid);
      setAt(body, path, value);
      return { body: JSON.stringify(body), status: 400, field: path };
    }),
  );
  const missing = fc.constantFrom(...model.required).map((path): BadInput => {
    const body = clone(model.valid);
    setAt(body, path, undefined);
    return { body: JSON.stringify(body), status: 400, field: path };
  });
  const unknown = fc.tuple(fc.constantFrom(...objectPaths(model.valid)), unknownKey, fc.jsonValue()).map(([at, key, value]): BadInput => {
    const body = clone(model.valid) as Record<string, Json>;
    const target = at ? (at.split('.').reduce<Json>((node, part) => (node as Record<string, Json>)[part] ?? null, body) as Record<string, Json>) : body;
    target[key] = value as Json;
    return { body: JSON.stringify(body), status: 400, field: at ? `${at}.${key}` : key };
  });
  const notAnObject = fc.oneof(fc.jsonValue().filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)), fc.array(fc.jsonValue(), { maxLength: 5 }))
    .map((value): BadInput => ({ body: JSON.stringify(value), status: 400, field: '' }));
  const malformed = fc.string({ unit: 'grapheme', maxLength: 60 })
    .map((text) => `{"data":${text}`)
    .filter((text) => { try { JSON.parse(text); return false; } catch { return true; } })
    .map((body): BadInput => ({ body, status: 400, field: '' }));
  const deep = fc.integer({ min: 10, max: 1_500 }).map((depth): BadInput => ({ body: `${'{"data":'.repeat(depth)}1${'}'.repeat(depth)}`, status: 400, field: '' }));
  const wide = fc.integer({ min: 300, max: 2_000 }).map((length): BadInput => ({
    body: JSON.stringify({ data: { ...model.valid.data, room: { id: Array.from({ length }, (_, index) => index) } } }),
    status: 400,
    field: '',
  }));
  const huge = fc.integer({ min: 16_385, max: 200_000 }).map((length): BadInput => ({ body: JSON.stringify({ ...model.valid, padding: 'x'.repeat(length) }), status: 413 }));
  return fc.oneof(brokenField, brokenField, missing, unknown, notAnObject, malformed, deep, wide, huge);
};

/** The routes the app registers, as `METHOD /path`. */
const registeredRoutes = (hotel: AppHarness): string[] => declaredRoutes(hotel).map(({ method, path }) => `${method} ${path}`);

const REMINDERS = '/api/v1/reminders';
/** The reminders' routes, each with what the fuzzer sends it (in the reminder cases below). */
const REMINDER_ROUTES: Readonly<Record<string, string>> = {
  [`POST ${REMINDERS}`]: 'a definition',
  [`GET ${REMINDERS}`]: 'a status, a limit and a cursor',
  [`GET ${REMINDERS}/:id`]: 'an id',
  [`DELETE ${REMINDERS}/:id`]: 'an id',
};
/** The reminders' NATS commands, and the body of each as a model. */
const REMINDER_COMMANDS: Readonly<Record<string, 'definition' | 'cancellation'>> = {
  'cmd.reminder.cancel-reminder': 'cancellation',
  'cmd.reminder.define-reminder': 'definition',
};
const badCount: fc.Arbitrary<Json> = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ noInteger: true, noNaN: true }),
  fc.integer({ min: 31_622_401, max: 2 ** 40 }),
  fc.constantFrom<Json>('30', '', null, true, [], {}, 1e21),
);
const badAddress: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>('', 'tomorrow', 'ftp://127.0.0.1/', 'file:///etc/passwd', 'http://user:pw@127.0.0.1/', 'javascript:alert(1)', 'http://', 5, null, [], {}),
  fc.string({ maxLength: 30 }).filter((text) => !URL.canParse(text)),
  fc.constant(`http://127.0.0.1/${'x'.repeat(2_100)}`),
);
/** Definitions the reminders refuse: each broken field, the address missing, unknown keys, anything not a JSON object. */
const badDefinitions: fc.Arbitrary<BadInput> = fc.oneof(
  fc.tuple(fc.constantFrom('hours', 'minutes', 'seconds'), badCount).map(([field, value]): BadInput => ({ body: JSON.stringify({ [field]: value, address: 'http://127.0.0.1:1/' }), status: 400, field })),
  badAddress.map((address): BadInput => ({ body: JSON.stringify({ seconds: 30, address }), status: 400, field: 'address' })),
  fc.constant<BadInput>({ body: JSON.stringify({ seconds: 30 }), status: 400, field: 'address' }),
  fc.tuple(unknownKey.filter((key) => !['hours', 'minutes', 'seconds', 'address'].includes(key)), fc.jsonValue()).map(([key, value]): BadInput => ({
    body: JSON.stringify({ seconds: 30, address: 'http://127.0.0.1:1/', [key]: value }),
    status: 400,
    field: key,
  })),
  fc.jsonValue().filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)).map((value): BadInput => ({ body: JSON.stringify(value), status: 400, field: '' })),
  fc.string({ maxLength: 40 }).map((text) => `{"seconds":${text}`).filter((text) => { try { JSON.parse(text); return false; } catch { return true; } }).map((body): BadInput => ({ body, status: 400, field: '' })),
  fc.integer({ min: 16_385, max: 100_000 }).map((length): BadInput => ({ body: JSON.stringify({ seconds: 30, address: 'http://127.0.0.1:1/', padding: 'x'.repeat(length) }), status: 413 })),
);
const badUuid: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('1', 'not-a-uuid', '*', '>', 'a.b', ' ', '5d0f0b2c-1e2a-4c7b-9f7e-1a2b3c4d5e6', '5d0f0b2c1e2a4c7b9f7e1a2b3c4d5e6f0'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((text) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)),
);

const RUNS = { numRuns: 150 };

describe('fuzzing every endpoint and every NATS command', () => {
  let hotel: AppHarness;
  let routes: string[];

  beforeAll(async () => {
    hotel = await AppHarness.start({ rateLimitRequests: 1_000_000 });
    routes = registeredRoutes(hotel);
  });

  afterAll(async () => {
    await hotel.dispose();
  });

  const streamsState = async () => [
    await hotel.lastSequence(HOTEL_STREAM.name),
    await hotel.lastSequence(GROUP_CHECKOUT_STREAM.name),
    await hotel.lastSequence(NOTIFICATION_REQUEST_STREAM.name),
    await hotel.lastSequence(NOTIFICATION_STREAM.name),
    await hotel.lastSequence(PAGER_STREAM.name),
    await hotel.lastSequence(PAGER_TARGET_STREAM.name),
    await hotel.lastSequence(DEAD_LETTER_STREAM.name),
  ];

  it('has a model for every command route, query route and NATS command the app serves', () => {
    const mutations = routes.filter((route) => route.startsWith('PUT /mutation/'));
    const queries = routes.filter((route) => route.startsWith('GET /query/'));
    expect(mutations.length).toBeGreaterThan(0);
    expect(mutations.map((route) => route.slice('PUT /mutation/'.length)).sort()).toEqual(Object.keys(COMMANDS).sort());
    expect(queries.map((route) => route.slice('GET '.length)).sort()).toEqual(Object.keys(QUERIES).sort());
    expect(routes.filter((route) => route.includes(REMINDERS)).sort()).toEqual(Object.keys(REMINDER_ROUTES).sort());
    const served = hotel.app.get(NatsCommandTransport).served;
    const modelled = Object.entries(COMMANDS).map(([name, { board }]) => `cmd.${board}.${name}`);
    expect(served.filter((subject) => !subject.startsWith('cmd.reminder.')).sort()).toEqual(modelled.sort());
    expect(served.filter((subject) => subject.startsWith('cmd.reminder.')).sort()).toEqual(Object.keys(REMINDER_COMMANDS).sort());
  });

  it.each(Object.keys(COMMANDS))('PUT /mutation/%s refuses every bad input with a 4xx problem naming the field, writing nothing', async (command) => {
    const model = COMMANDS[command] as CommandModel;
    const before = await streamsState();
    await fc.assert(
      fc.asyncProperty(badInputs(model), async (input) => {
        const response = await hotel.app.inject({ method: 'PUT', url: `/mutation/${command}`, payload: input.body, headers: { 'content-type': 'application/json' } });
        expect(response.statusCode).toBe(input.status);
        expect(response.headers['content-type']).toContain('application/problem+json');
        const problem = response.json<{ status: number; errors?: { field: string }[] }>();
        expect(problem.status).toBe(input.status);
        if (input.field !== undefined) expect(problem.errors?.map(({ field }) => field)).toContain(input.field);
      }),
      RUNS,
    );
    expect(await streamsState()).toEqual(before);
  });

  it.each(Object.entries(COMMANDS).map(([name, { board }]) => `cmd.${board}.${name}`))('%s refuses every bad input with a 4xx problem naming the field, writing nothing', async (subject) => {
    const model = COMMANDS[subject.split('.')[2] ?? ''] as CommandModel;
    const before = await streamsState();
    await fc.assert(
      fc.asyncProperty(badInputs(model), async (input) => {
        const reply = await hotel.observer.request(subject, input.body, { timeout: 5_000 });
        expect(reply.headers?.get('Status')).toBe(String(input.status));
        expect(reply.headers?.get('Content-Type')).toBe('application/problem+json');
        const problem = reply.json<{ errors?: { field: string }[] }>();
        if (input.field !== undefined) expect(problem.errors?.map(({ field }) => field)).toContain(input.field);
      }),
      { numRuns: 80 },
    );
    expect(await streamsState()).toEqual(before);
  });

  it.each(Object.keys(QUERIES))('GET %s answers any parameters with a 2xx or a 4xx problem naming exactly the bad ones', async (route) => {
    const params = QUERIES[route] ?? {};
    const before = await streamsState();
    await fc.assert(
      fc.asyncProperty(fc.record(Object.fromEntries(Object.entries(params).map(([name, kind]) => [name, queryValue(kind)]))), async (values: Record<string, string>) => {
        const { sequence, to, ...path } = values;
        const url = Object.entries(path).reduce((built, [name, raw]) => built.replace(`:${name}`, encodeURIComponent(raw)), route);
        const search = new URLSearchParams(Object.entries({ sequence, to }).filter((entry): entry is [string, string] => entry[1] !== undefined));
        const response = await hotel.app.inject({ method: 'GET', url: search.size === 0 ? url : `${url}?${search.toString()}` });
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode < 400) return;
        expect(response.headers['content-type']).toContain('application/problem+json');
        const invalid = Object.entries(values).filter(([name, raw]) => !queryValueIsValid(params[name] ?? 'id', raw)).map(([name]) => name);
        if (response.statusCode === 400) {
          expect(response.json<{ errors: { field: string }[] }>().errors.map(({ field }) => field).sort()).toEqual(invalid.sort());
        } else {
          expect(response.statusCode).toBe(404);
        }
      }),
      RUNS,
    );
    expect(await streamsState()).toEqual(before);
  });

  const reminderCount = async () => hotel.lastSequence('REMINDER');

  it('POST /api/v1/reminders and cmd.reminder.define-reminder refuse every bad definition with a 4xx problem naming the field, writing nothing', async () => {
    const before = await reminderCount();
    await fc.assert(
      fc.asyncProperty(badDefinitions, async (input) => {
        const response = await hotel.app.inject({ method: 'POST', url: REMINDERS, payload: input.body, headers: { 'content-type': 'application/json' } });
        expect(response.statusCode).toBe(input.status);
        expect(response.headers['content-type']).toContain('application/problem+json');
        const reply = await hotel.observer.request('cmd.reminder.define-reminder', input.body, { timeout: 5_000 });
        expect(reply.headers?.get('Status')).toBe(String(input.status));
        if (input.field === undefined) return;
        expect(response.json<{ errors: { field: string }[] }>().errors.map(({ field }) => field)).toContain(input.field);
        expect(reply.json<{ errors: { field: string }[] }>().errors.map(({ field }) => field)).toContain(input.field);
      }),
      RUNS,
    );
    expect(await reminderCount()).toBe(before);
  });

  it('GET and DELETE /api/v1/reminders/:id and cmd.reminder.cancel-reminder refuse any id that is not a reminder\'s UUID, naming it, writing nothing', async () => {
    const before = await reminderCount();
    await fc.assert(
      fc.asyncProperty(badUuid, async (id) => {
        for (const method of ['GET', 'DELETE'] as const) {
          const response = await hotel.app.inject({ method, url: `${REMINDERS}/${encodeURIComponent(id)}` });
          expect([400, 404]).toContain(response.statusCode);
          expect(response.headers['content-type']).toContain('application/problem+json');
          if (response.statusCode === 400) expect(response.json<{ errors: { field: string }[] }>().errors.map(({ field }) => field)).toEqual(['id']);
        }
        const reply = await hotel.observer.request('cmd.reminder.cancel-reminder', JSON.stringify({ id }), { timeout: 5_000 });
        expect(reply.headers?.get('Status')).toBe('400');
      }),
      RUNS,
    );
    expect(await reminderCount()).toBe(before);
  });

  it('GET /api/v1/reminders answers any status, limit and cursor with a 2xx or a 400 naming exactly the bad ones', async () => {
    const value = (good: readonly string[]) => fc.oneof(fc.constantFrom(...good), fc.constantFrom(' 5', '5 ', '1e2', '0x10', '+5', '05', '0000005', ''), fc.string({ maxLength: 12 }));
    await fc.assert(
      fc.asyncProperty(value(['Active', 'Failed']), value(['1', '200']), value(['5d0f0b2c-1e2a-4c7b-9f7e-1a2b3c4d5e6f']), async (status, limit, after) => {
        const response = await hotel.app.inject({ method: 'GET', url: `${REMINDERS}?status=${encodeURIComponent(status)}&limit=${encodeURIComponent(limit)}&after=${encodeURIComponent(after)}` });
        const invalid = [
          ...(['Active', 'Completed', 'Failed', 'Cancelled'].includes(status) ? [] : ['status']),
          ...(/^\d{1,6}$/.test(limit) && Number(limit) >= 1 && Number(limit) <= 200 ? [] : ['limit']),
          ...(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(after) ? [] : ['after']),
        ];
        expect(response.statusCode).toBe(invalid.length === 0 ? 200 : 400);
        if (invalid.length > 0) expect(response.json<{ errors: { field: string }[] }>().errors.map(({ field }) => field).sort()).toEqual(invalid.sort());
      }),
      { numRuns: 80 },
    );
  });

  it('stays healthy after all of it: a good booking is stored, shown and scheduled for cleaning', async () => {
    const booked = await hotel.put('/mutation/book-room', booking(2, 'after-fuzz', GOOD_DATE));
    expect(booked.status).toBe(201);
    const view = await hotel.get(`/query/booking/2/${GOOD_DATE}?sequence=${String(booked.body.sequence)}`);
    expect(view.body).toMatchObject({ view: { roomId: '2', clientId: 'after-fuzz', availability: 'booked' } });
    await hotel.eventually(`/query/cleanup-schedule/${GOOD_DATE}`, (answer) => JSON.stringify(answer.body).includes('"roomId":"2"'));
  });
});
