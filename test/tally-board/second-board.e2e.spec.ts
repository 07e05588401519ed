import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { jetstreamManager } from '@nats-io/jetstream';
import type { EmbeddedServer } from '@libs/nats-server/embedded-server';
import { loadConfig } from '@adapter/config/app.config';
import { createApp } from '@app/app.factory';
import { BOARDS } from '@app/boards';
import { appNatsPermissions, COMMAND_SENDER_INBOX_PREFIX, commandSenderNatsPermissions, startEmbeddedNats } from '@app/embedded-nats';
import { expectPublishRefused, followViolations } from '../nats-permissions';
import { TALLY_BOARD } from './tally.board';
import { MARKS_TO_CLOSE } from './tally.slices';

/** The app's boards and one more that lives here, in `test/`: all the app is told is this list. */
const WITH_TALLY = [...BOARDS, TALLY_BOARD];

const json = async (app: NestFastifyApplication, method: 'GET' | 'PUT', url: string, body?: unknown) => {
  const answer = await app.inject({ method, url, payload: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { status: answer.statusCode, body: JSON.parse(answer.body) as Record<string, unknown> };
};

describe('a second board, given to the app as one more entry in its list of boards', () => {
  let dataDir: string;
  let embedded: EmbeddedServer;
  let app: NestFastifyApplication;
  let operator: NatsConnection;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'second-board-'));
    embedded = await startEmbeddedNats(dataDir, 0, WITH_TALLY);
    app = await createApp({ ...loadConfig({}), logLevel: 'error', seedDemo: true, natsUrl: embedded.server.url, natsAuth: { kind: 'password', ...embedded.app } }, WITH_TALLY);
    const operatorUrl = new URL((await readFile(embedded.files.operatorUrl, 'utf8')).trim());
    operator = await connect({ servers: operatorUrl.host, user: decodeURIComponent(operatorUrl.username), pass: decodeURIComponent(operatorUrl.password) });
  });

  afterAll(async () => {
    await app?.close();
    await operator?.close();
    await embedded?.server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('gets its stream, its view\'s buckets and its automation\'s consumer, checked by readiness', async () => {
    const jsm = await jetstreamManager(operator);
    expect((await jsm.streams.info('TALLY')).config.subjects).toEqual(['tally.>']);
    expect((await jsm.streams.info('KV_view-tally-totals')).config.name).toBe('KV_view-tally-totals');
    expect((await jsm.consumers.info('TALLY', 'automation-close-sheet')).config.filter_subject).toBe('tally.sheet.*');
    let ready = await json(app, 'GET', '/ready');
    for (let tries = 0; ready.status !== 200 && tries < 100; tries++) ready = await new Promise((resolve) => setTimeout(() => resolve(json(app, 'GET', '/ready')), 100));
    const checks = (ready.body.checks as { name: string; ready: boolean }[]).filter(({ name }) => /TALLY|tally|close-sheet/.test(name));
    expect(checks).toEqual([
      { name: 'stream TALLY', ready: true, detail: 'present' },
      { name: 'bucket view-tally-totals', ready: true, detail: 'present' },
      { name: 'automation automation-close-sheet', ready: true, detail: 'present' },
      expect.objectContaining({ name: 'view tally-totals', ready: true }),
    ]);
  });

  it('runs as the app user of the embedded server, whose permissions now cover its subjects: its demo data, HTTP and NATS commands, its automation and its view', async () => {
    expect(appNatsPermissions(WITH_TALLY).publish).toEqual(expect.arrayContaining(['tally.>', '$KV.view-tally-totals.>', '$KV.view-tally-totals-green.>']));
    expect(appNatsPermissions(WITH_TALLY).subscribe).toEqual(expect.arrayContaining(['cmd.tally.>', 'cmd.hotel.>']));
    expect(commandSenderNatsPermissions(WITH_TALLY).publish).toEqual([...BOARDS.map(({ commandSubjects }) => commandSubjects), 'cmd.tally.>']);
    expect((await json(app, 'GET', '/query/tally/demo')).body).toMatchObject({ view: { sheetId: 'demo', marks: 1, closed: false } });

    expect((await json(app, 'PUT', '/mutation/add-mark', { data: { sheet: { id: 's1' }, by: 'ada' } })).status).toBe(201);
    const sender = await connect({ servers: embedded.server.url, user: 'command-sender', pass: embedded.commandSender.password, inboxPrefix: COMMAND_SENDER_INBOX_PREFIX });
    followViolations(sender);
    for (let mark = 1; mark < MARKS_TO_CLOSE; mark++) {
      const reply = await sender.request('cmd.tally.add-mark', JSON.stringify({ data: { sheet: { id: 's1' }, by: `nats-${mark}` } }), { timeout: 10_000, headers: natsHeaders() });
      expect(reply.headers?.get('Status')).toBe('201');
    }
    await expectPublishRefused(sender, 'tally.sheet.s1');
    await sender.close();

    let total = await json(app, 'GET', '/query/tally/s1');
    for (let tries = 0; total.body.view === undefined || !(total.body.view as { closed: boolean }).closed; tries++) {
      if (tries > 200) throw new Error(`the sheet never closed: ${JSON.stringify(total)}`);
      total = await new Promise((resolve) => setTimeout(() => resolve(json(app, 'GET', '/query/tally/s1')), 50));
    }
    expect(total.body.view).toEqual({ sheetId: 's1', marks: MARKS_TO_CLOSE, closed: true });
    expect(await json(app, 'PUT', '/mutation/add-mark', { data: { sheet: { id: 's1' }, by: 'late' } })).toMatchObject({ status: 409, body: { rule: 'sheet-closed' } });
  });

  it('appears in the contracts: its routes in OpenAPI under its own tag, its subjects and events in AsyncAPI', async () => {
    const openApi = (await json(app, 'GET', '/api-json')).body as { paths: Record<string, Record<string, { tags?: string[] }>>; tags: { name: string }[] };
    expect(openApi.paths['/mutation/add-mark']?.put?.tags).toEqual(['Tally']);
    expect(openApi.paths['/mutation/book-room']?.put?.tags).toEqual(['Hotel']);
    expect(openApi.tags.map(({ name }) => name)).toEqual([...BOARDS.map(({ title }) => title), 'Tally']);
    const asyncApi = (await json(app, 'GET', '/asyncapi.json')).body as { channels: Record<string, { address: string | null }>; components: { messages: Record<string, unknown> } };
    const addresses = Object.values(asyncApi.channels).map(({ address }) => address);
    expect(addresses).toEqual(expect.arrayContaining(['tally.sheet.{sheetId}', 'cmd.tally.add-mark', 'hotel.room-day.{roomId}.{date}']));
    expect(Object.keys(asyncApi.components.messages)).toEqual(expect.arrayContaining(['MarkAdded', 'SheetClosed', 'RoomBooked']));
  });

  it('gets a page of its own on /model, listed on the index beside the hotel', async () => {
    const index = await app.inject({ method: 'GET', url: '/model' });
    expect(index.body).toContain('<a href="model/tally.html">Tally</a>');
    expect(index.body).toContain('<a href="model/hotel.html">Hotel</a>');
    const page = await app.inject({ method: 'GET', url: '/model/tally.html' });
    expect(page.statusCode).toBe(200);
    for (const name of ['Someone adds a mark', 'AddMark', 'MarkAdded', 'tally-totals', 'CloseSheet', 'SheetClosed', 'TALLY']) expect(page.body).toContain(`>${name}<`);
  });

  it('is counted in the metrics: its commands, its view\'s and its automation\'s lag', async () => {
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('command_duration_seconds_count{command="add-mark",trigger="http",outcome="ok"}');
    expect(metrics).toContain('command_duration_seconds_count{command="add-mark",trigger="nats",outcome="ok"}');
    expect(metrics).toContain('command_duration_seconds_count{command="close-sheet",trigger="automation",outcome="ok"}');
    expect(metrics).toContain('consumer_lag_messages{consumer="view-tally-totals"}');
    expect(metrics).toContain('consumer_lag_messages{consumer="automation-close-sheet"}');
    expect(metrics).toContain('commands_handled_total{slice="/tally/add-mark"}');
  });
});
