import { connect, type NatsConnection } from '@nats-io/transport-node';
import { AppHarness, type HttpAnswer } from '@test/app.harness';

/** The group view's document, as `GET /query/group-checkout/:groupId` shows it. */
interface GroupView {
  readonly groupId: string;
  readonly pending: readonly string[];
  readonly merged: readonly { stayId: string; residual: number }[];
  readonly failed: readonly { stayId: string; reason: string }[];
  readonly balance: number;
  readonly paid: number;
  readonly status: string;
}

describe('group checkout: stays merged into a group by its process, over HTTP and NATS', () => {
  let app: AppHarness;
  let sender: NatsConnection;

  beforeAll(async () => {
    app = await AppHarness.start({ rateLimitRequests: 1_000_000, logLevel: 'warn' });
    sender = await connect({ servers: app.nats.url });
  });

  afterAll(async () => {
    await sender?.close();
    await app?.dispose();
  });

  const mutate = (command: string, data: unknown): Promise<HttpAnswer> => app.put(`/mutation/${command}`, { data });
  const charge = (stay: string, id: string, amount: number): Promise<HttpAnswer> => mutate('charge-guest-stay', { stay: { id: stay }, charge: { id }, amount });
  const select = (group: string, stays: readonly string[]): Promise<HttpAnswer> => mutate('select-group-checkout-stays', { group: { id: group }, stays: stays.map((id) => ({ id })) });
  const groupView = async (group: string): Promise<GroupView> => (await app.get(`/query/group-checkout/${group}`)).body.view as GroupView;
  /** The group's view once it shows the selection stored at `selected` (a command's reply) and nothing is pending any more. */
  const ready = async (group: string, selected: HttpAnswer): Promise<GroupView> => {
    const through = Number(selected.body.sequence);
    const shown = await app.eventually(`/query/group-checkout/${group}`, ({ status, body }) => status === 200 && Number(body.position) >= through && (body.view as GroupView).status !== 'merging');
    return shown.body.view as GroupView;
  };
  /** The events stored on a subject, by type, and the data of each. */
  const events = async (subject: string): Promise<{ type: string; data: Record<string, unknown> }[]> =>
    (await app.messages('GROUP_CHECKOUT', subject)).flatMap((message) => {
      const parsed = message.json<{ type: string; data: Record<string, unknown> } | { type: string; data: Record<string, unknown> }[]>();
      return (Array.isArray(parsed) ? parsed : [parsed]).map(({ type, data }) => ({ type: type.split('.')[1] ?? type, data }));
    });

  it('merges each selected stay with its residual, fails the closed and unknown ones, and confirms once paid', async () => {
    expect((await charge('wed-101', 'minibar-1', 1_250)).status).toBe(201);
    expect((await charge('wed-102', 'room-1', 9_000)).status).toBe(201);
    expect((await mutate('pay-guest-stay', { stay: { id: 'wed-102' }, payment: { id: 'card-1' }, amount: 4_000 })).status).toBe(201);
    expect((await charge('wed-103', 'room-1', 500)).status).toBe(201);
    expect((await mutate('pay-guest-stay', { stay: { id: 'wed-103' }, payment: { id: 'cash-1' }, amount: 500 })).status).toBe(201);
    expect((await mutate('check-out-guest-stay', { stay: { id: 'wed-103' } })).status).toBe(201);
    const outstanding = await mutate('check-out-guest-stay', { stay: { id: 'wed-102' } });
    expect([outstanding.status, outstanding.body.rule, outstanding.body.balance]).toEqual([409, 'balance-outstanding', 5_000]);
    expect(String(outstanding.headers['content-type'])).toContain('application/problem+json');

    expect((await mutate('pay-group-checkout', { group: { id: 'wedding' }, payment: { id: 'deposit-1' }, amount: 1_000 })).status).toBe(201);
    const selected = await select('wedding', ['wed-101', 'wed-102', 'wed-103', 'wed-unknown']);
    expect(selected.status).toBe(201);
    const merged = await ready('wedding', selected);
    expect(merged).toEqual({
      groupId: 'wedding',
      pending: [],
      merged: expect.arrayContaining([
        { stayId: 'wed-101', residual: 1_250 },
        { stayId: 'wed-102', residual: 5_000 },
      ]),
      failed: expect.arrayContaining([
        { stayId: 'wed-103', reason: 'already-checked-out' },
        { stayId: 'wed-unknown', reason: 'stay-not-found' },
      ]),
      balance: 5_250,
      paid: 1_000,
      status: 'ready',
    });
    expect((await app.get('/query/guest-stay/wed-101')).body.view).toEqual({ stayId: 'wed-101', balance: 1_250, status: 'transferred', groupId: 'wedding' });
    const early = await mutate('confirm-group-checkout', { group: { id: 'wedding' } });
    expect([early.status, early.body.rule, early.body.balance]).toEqual([409, 'balance-outstanding', 5_250]);
    const closed = await charge('wed-101', 'minibar-2', 300);
    expect([closed.status, closed.body.rule]).toEqual([409, 'stay-closed']);

    expect((await mutate('pay-group-checkout', { group: { id: 'wedding' }, payment: { id: 'transfer-1' }, amount: 5_250 })).status).toBe(201);
    const confirmed = await mutate('confirm-group-checkout', { group: { id: 'wedding' } });
    expect(confirmed.status).toBe(201);
    expect(await mutate('confirm-group-checkout', { group: { id: 'wedding' } })).toMatchObject({ status: 201, body: confirmed.body });
    expect((await app.eventually('/query/group-checkout/wedding', ({ body }) => (body.view as GroupView | undefined)?.status === 'confirmed')).status).toBe(200);
    expect((await events('group-checkout.group.wedding')).map(({ type }) => type)).toEqual([
      'GroupCheckoutPaid',
      'StaysSelected',
      'StaysMerged',
      'MergesFailed',
      'GroupCheckoutPaid',
      'GroupCheckoutConfirmed',
    ]);
  });

  it('ignores stays already on the list, and refuses new ones once confirmed', async () => {
    await charge('rep-1', 'c1', 100);
    await ready('repeat', await select('repeat', ['rep-1']));
    const before = await app.lastSequence('GROUP_CHECKOUT');
    expect((await select('repeat', ['rep-1'])).status).toBe(201);
    expect(await app.lastSequence('GROUP_CHECKOUT')).toBe(before);
    await mutate('pay-group-checkout', { group: { id: 'repeat' }, payment: { id: 'p1' }, amount: 100 });
    expect((await mutate('confirm-group-checkout', { group: { id: 'repeat' } })).status).toBe(201);
    await charge('rep-2', 'c1', 100);
    const late = await select('repeat', ['rep-2']);
    expect([late.status, late.body.rule]).toEqual([409, 'already-confirmed']);
  });

  it('answers the same commands over NATS request/reply, with the same refusals', async () => {
    const request = async (command: string, data: unknown): Promise<{ status: string | undefined; body: Record<string, unknown> }> => {
      const reply = await sender.request(`cmd.group-checkout.${command}`, JSON.stringify({ data }), { timeout: 5_000 });
      return { status: reply.headers?.get('Status'), body: reply.json<Record<string, unknown>>() };
    };
    expect((await request('charge-guest-stay', { stay: { id: 'nats-1' }, charge: { id: 'c1' }, amount: 700 })).status).toBe('201');
    const selected = await request('select-group-checkout-stays', { group: { id: 'over-nats' }, stays: [{ id: 'nats-1' }] });
    expect(selected.status).toBe('201');
    expect(await ready('over-nats', { status: 201, headers: {}, body: selected.body })).toMatchObject({ merged: [{ stayId: 'nats-1', residual: 700 }], balance: 700, status: 'ready' });
    const refused = await request('confirm-group-checkout', { group: { id: 'over-nats' } });
    expect([refused.status, refused.body.rule, refused.body.balance]).toEqual(['409', 'balance-outstanding', 700]);
    const invalid = await request('pay-group-checkout', { group: { id: 'over-nats' }, payment: { id: 'p1' }, amount: 1.5 });
    expect(invalid.status).toBe('400');
    expect(JSON.stringify(invalid.body.errors)).toContain('amount');
  });

  it('gives a stay selected into 20 groups at once to exactly one of them; the others record it as failed', async () => {
    await charge('contested', 'c1', 4_200);
    const groups = Array.from({ length: 20 }, (_, index) => `race-${index}`);
    const answers = await Promise.all(groups.map((group) => select(group, ['contested'])));
    expect(answers.map(({ status }) => status)).toEqual(groups.map(() => 201));
    const views = await Promise.all(groups.map((group, index) => ready(group, answers[index]!)));
    const winners = views.filter(({ merged }) => merged.some(({ stayId }) => stayId === 'contested'));
    expect(winners).toHaveLength(1);
    expect(winners[0]!.merged).toEqual([{ stayId: 'contested', residual: 4_200 }]);
    expect(views.filter(({ failed }) => failed.some(({ stayId, reason }) => stayId === 'contested' && reason === 'transferred-to-another-group'))).toHaveLength(19);
    expect((await events('group-checkout.stay.contested')).filter(({ type }) => type === 'GuestStayTransferredToGroup')).toEqual([
      { type: 'GuestStayTransferredToGroup', data: { stayId: 'contested', groupId: winners[0]!.groupId, residual: 4_200 } },
    ]);
    expect((await groupView(winners[0]!.groupId)).balance).toBe(4_200);
  });

  it('refuses bad input with 400 naming the field, writing nothing', async () => {
    const before = await app.lastSequence('GROUP_CHECKOUT');
    const cases: [string, unknown, string][] = [
      ['charge-guest-stay', { stay: { id: 's.1' }, charge: { id: 'c1' }, amount: 100 }, 'stay.id'],
      ['charge-guest-stay', { stay: { id: 's1' }, charge: { id: 'c1' }, amount: 0 }, 'amount'],
      ['charge-guest-stay', { stay: { id: 's1' }, charge: { id: 'c1' }, amount: '100' }, 'amount'],
      ['select-group-checkout-stays', { group: { id: 'g1' }, stays: [] }, 'stays'],
      ['select-group-checkout-stays', { group: { id: 'g1' }, stays: Array.from({ length: 101 }, (_, index) => ({ id: `s${index}` })) }, 'stays'],
      ['confirm-group-checkout', { group: { id: 'g1' }, extra: true }, 'extra'],
    ];
    for (const [command, data, field] of cases) {
      const answer = await mutate(command, data);
      expect([command, answer.status]).toEqual([command, 400]);
      expect(JSON.stringify(answer.body.errors)).toContain(field);
    }
    expect(await app.lastSequence('GROUP_CHECKOUT')).toBe(before);
  });
});
