import { setTimeout as sleep } from 'node:timers/promises';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { loadConfig } from '@adapter/config/app.config';
import { AppHarness, type HttpAnswer } from '@test/app.harness';
import { HttpReceiver } from '@libs/testing/http-receiver';

const REMINDERS = '/api/v1/reminders';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('reminders: define, call back, retry, fail, cancel', () => {
  let app: AppHarness;
  let receiver: HttpReceiver;
  let sender: NatsConnection;
  let base: string;

  beforeAll(async () => {
    receiver = await HttpReceiver.start();
    const env = { REMINDER_CALLBACK_ATTEMPTS: '3', REMINDER_CALLBACK_BACKOFF_MS: '100', REMINDER_CALLBACK_TIMEOUT_MS: '1000' };
    app = await AppHarness.start({ env: { ...loadConfig({}).env, ...env }, rateLimitRequests: 1_000_000, logLevel: 'warn' });
    base = await app.listen();
    sender = await connect({ servers: app.nats.url });
  });

  afterAll(async () => {
    await sender?.close();
    await app?.dispose();
    await receiver?.stop();
  });

  const define = (body: unknown): Promise<HttpAnswer> => app.post(REMINDERS, body);
  const status = async (id: string): Promise<string> => String((await app.get(`${REMINDERS}/${id}`)).body.status);
  const until = async (id: string, wanted: string, timeoutMs = 15_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while ((await status(id)) !== wanted) {
      if (Date.now() > deadline) throw new Error(`reminder ${id} is ${await status(id)}, not ${wanted}, after ${timeoutMs} ms`);
      await sleep(50);
    }
  };
  const reminderEvents = async (id: string): Promise<string[]> =>
    (await app.messages('REMINDER', `reminder.${id}`)).flatMap((message) => {
      const parsed = message.json<{ type: string } | { type: string }[]>();
      return (Array.isArray(parsed) ? parsed : [parsed]).map(({ type }) => type.split('.')[1] ?? type);
    });

  it('calls the address back once due, never before, with a CloudEvent in binary mode, and completes', async () => {
    receiver.answer([]);
    const defined = await define({ hours: 0, minutes: 0, seconds: 1, address: `${receiver.url}/done` });
    expect(defined.status).toBe(200);
    expect(defined.body).toEqual({ id: expect.stringMatching(UUID), status: 'Active', timeLeft: expect.any(Number) });
    const id = String(defined.body.id);
    expect(defined.body.timeLeft).toBeGreaterThan(0.5);
    expect(defined.body.timeLeft).toBeLessThanOrEqual(1);
    expect((await app.get(`${REMINDERS}/${id}`)).body).toMatchObject({ id, status: 'Active' });
    await until(id, 'Completed');
    const [call] = receiver.at('/done');
    const due = Date.parse((JSON.parse(call!.body) as { dueAt: string }).dueAt);
    expect(call!.at).toBeGreaterThanOrEqual(due);
    expect(call!.headers).toMatchObject({ 'ce-id': id, 'ce-specversion': '1.0', 'ce-type': 'reminder.ReminderDue.v1', 'ce-source': '/reminder/call-back', 'content-type': 'application/json' });
    expect(call!.headers['ce-time']).toBe(new Date(due).toISOString());
    expect(JSON.parse(call!.body)).toEqual({ id, dueAt: new Date(due).toISOString(), definition: { hours: 0, minutes: 0, seconds: 1, address: `${receiver.url}/done`, definedAt: expect.any(String) } });
    expect((await app.get(`${REMINDERS}/${id}`)).body).toEqual({ id, status: 'Completed', timeLeft: 0 });
    expect(await reminderEvents(id)).toEqual(['ReminderDefined', 'ReminderElapsed', 'ReminderCompleted']);
  });

  it('tries again a receiver that fails (503, a timeout), with the same ce-id, and completes when it answers 2xx', async () => {
    receiver.answer([{ status: 503 }, { status: 200, delayMs: 1_500 }, { status: 204 }]);
    const id = String((await define({ seconds: 1, address: `${receiver.url}/flaky` })).body.id);
    await until(id, 'Completed');
    const calls = receiver.at('/flaky');
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map(({ headers }) => headers['ce-id']))).toEqual(new Set([id]));
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(80);
    expect(await reminderEvents(id)).toEqual(['ReminderDefined', 'ReminderElapsed', 'ReminderCompleted']);
    const completed = (await app.messages('REMINDER', `reminder.${id}`)).at(-1)!.json<{ data: { attempts: number } }>();
    expect(completed.data.attempts).toBe(3);
  });

  it('fails after its last attempt when the receiver keeps failing, saying why', async () => {
    receiver.answer([], { status: 503 });
    const id = String((await define({ seconds: 1, address: `${receiver.url}/down` })).body.id);
    await until(id, 'Failed');
    expect(receiver.at('/down')).toHaveLength(3);
    const failed = (await app.messages('REMINDER', `reminder.${id}`)).at(-1)!.json<{ type: string; data: { attempts: number; reason: string } }>();
    expect(failed).toMatchObject({ type: 'reminder.ReminderFailed.v1', data: { attempts: 3, reason: 'the receiver answered 503; gave up after 3 attempts' } });
  });

  it('fails at once on a 4xx other than 408 and 429', async () => {
    receiver.answer([{ status: 404 }]);
    const id = String((await define({ seconds: 1, address: `${receiver.url}/gone` })).body.id);
    await until(id, 'Failed');
    await sleep(500);
    expect(receiver.at('/gone')).toHaveLength(1);
  });

  it('cancels an active reminder: nobody is called back, a repeat answers the same, a finished one is refused', async () => {
    receiver.answer([]);
    const id = String((await define({ seconds: 2, address: `${receiver.url}/cancelled` })).body.id);
    const cancelled = await app.delete(`${REMINDERS}/${id}`);
    expect(cancelled).toMatchObject({ status: 200, body: { id, status: 'Cancelled', timeLeft: 0 } });
    expect((await app.delete(`${REMINDERS}/${id}`)).body).toEqual({ id, status: 'Cancelled', timeLeft: 0 });
    await sleep(3_000);
    expect(receiver.at('/cancelled')).toEqual([]);
    expect(await status(id)).toBe('Cancelled');

    const done = String((await define({ seconds: 1, address: `${receiver.url}/finished` })).body.id);
    await until(done, 'Completed');
    const refused = await app.delete(`${REMINDERS}/${done}`);
    expect(refused).toMatchObject({ status: 409, body: { rule: 'reminder-already-finished' } });
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 404 problem details for an id it does not know, 400 for one that is not a reminder\'s', async () => {
    const unknown = await app.get(`${REMINDERS}/5d0f0b2c-1e2a-4c7b-9f7e-1a2b3c4d5e6f`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await app.delete(`${REMINDERS}/5d0f0b2c-1e2a-4c7b-9f7e-1a2b3c4d5e6f`)).status).toBe(404);
    expect((await app.get(`${REMINDERS}/not-a-uuid`)).body).toMatchObject({ status: 400, errors: [{ field: 'id' }] });
  });

  it.each([
    ['a negative number', { seconds: -1, address: 'http://127.0.0.1:1/' }, 'seconds'],
    ['a fraction', { seconds: 1.5, address: 'http://127.0.0.1:1/' }, 'seconds'],
    ['a number as a string', { seconds: '30', address: 'http://127.0.0.1:1/' }, 'seconds'],
    ['a zero delay', { hours: 0, minutes: 0, seconds: 0, address: 'http://127.0.0.1:1/' }, 'seconds'],
    ['more than a year', { hours: 8_784, minutes: 1, address: 'http://127.0.0.1:1/' }, 'hours'],
    ['no address', { seconds: 30 }, 'address'],
    ['an address that is not a URL', { seconds: 30, address: 'tomorrow' }, 'address'],
    ['an ftp address', { seconds: 30, address: 'ftp://127.0.0.1/' }, 'address'],
    ['credentials in the address', { seconds: 30, address: 'http://user:secret@127.0.0.1:1/' }, 'address'],
    ['an unknown field', { seconds: 30, address: 'http://127.0.0.1:1/', priority: 'high' }, 'priority'],
  ])('refuses %s with a 400 naming the field, writing nothing', async (_case, body, field) => {
    const before = await app.lastSequence('REMINDER').catch(() => 0);
    const refused = await define(body);
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((refused.body.errors as { field: string }[]).map(({ field: named }) => named)).toContain(field);
    expect(await app.lastSequence('REMINDER').catch(() => 0)).toBe(before);
  });

  it('refuses malformed JSON with a 400 about the body', async () => {
    const refused = await define('{"seconds": 3');
    expect(refused).toMatchObject({ status: 400, body: { errors: [{ field: '' }] } });
  });

  it('takes the seed\'s own example: called back at its own address, the reminder completes and defines no other', async () => {
    const before = await app.lastSequence('REMINDER');
    const id = String((await define({ hours: 0, minutes: 0, seconds: 1, address: `${base}${REMINDERS}` })).body.id);
    await until(id, 'Completed');
    const defined = (await app.messages('REMINDER', 'reminder.*')).filter(({ seq }) => seq > before).filter((message) => message.json<{ type: string }>().type === 'reminder.ReminderDefined.v1');
    expect(defined.map((message) => message.subject)).toEqual([`reminder.${id}`]);
  });

  it('lists the reminders of a status, a page at a time', async () => {
    receiver.answer([]);
    const ids = await Promise.all([1, 2, 3].map(async () => String((await define({ hours: 1, address: `${receiver.url}/later` })).body.id)));
    const active = async (query: string): Promise<HttpAnswer> => app.eventually(`${REMINDERS}?status=Active${query}`, (answer) => ids.every((id) => JSON.stringify(answer.body).includes(id)) || query !== '');
    const all = await active('');
    expect((all.body.reminders as { status: string }[]).every(({ status: which }) => which === 'Active')).toBe(true);
    const first = await app.get(`${REMINDERS}?status=Active&limit=1`);
    expect(first.body.reminders).toHaveLength(1);
    const next = await app.get(`${REMINDERS}?status=Active&limit=1&after=${String(first.body.next)}`);
    expect((next.body.reminders as { id: string }[])[0]!.id > String(first.body.next)).toBe(true);
    expect((await app.get(`${REMINDERS}?status=Sleeping`)).body).toMatchObject({ status: 400, errors: [{ field: 'status' }] });
  });

  it('defines and cancels over NATS request/reply as over HTTP', async () => {
    const ask = async (subject: string, body: unknown) => {
      const reply = await sender.request(subject, JSON.stringify(body), { timeout: 10_000, headers: natsHeaders() });
      return { status: reply.headers?.get('Status'), body: reply.json<Record<string, unknown>>() };
    };
    const defined = await ask('cmd.reminder.define-reminder', { minutes: 5, address: `${receiver.url}/nats` });
    expect(defined).toMatchObject({ status: '200', body: { status: 'Active', id: expect.stringMatching(UUID) } });
    expect(await ask('cmd.reminder.cancel-reminder', { id: defined.body.id })).toMatchObject({ status: '200', body: { status: 'Cancelled', timeLeft: 0 } });
    expect(await ask('cmd.reminder.define-reminder', { seconds: 0, address: 'http://127.0.0.1:1/' })).toMatchObject({ status: '400', body: { errors: [{ field: 'seconds' }] } });
  });
});
