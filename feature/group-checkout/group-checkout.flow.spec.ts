import fc from 'fast-check';
import { BoardFlow } from '@libs/testing/board-flow';
import { GROUP_CHECKOUT_STREAM, groupCheckoutSubject, guestStaySubject } from '@stream/group-checkout.stream';
import { CHARGE_GUEST_STAY } from './charge-guest-stay/charge-guest-stay.slice';
import { CHECK_OUT_GUEST_STAY } from './check-out-guest-stay/check-out-guest-stay.slice';
import { CONFIRM_GROUP_CHECKOUT } from './confirm-group-checkout/confirm-group-checkout.slice';
import { GROUP_CHECKOUT_BOARD } from './group-checkout.board';
import { GROUP_CHECKOUT_VIEW } from './group-checkout/group-checkout.slice';
import { GUEST_STAY_VIEW } from './guest-stay/guest-stay.slice';
import { PAY_GROUP_CHECKOUT } from './pay-group-checkout/pay-group-checkout.slice';
import { PAY_GUEST_STAY } from './pay-guest-stay/pay-guest-stay.slice';
import { SELECT_GROUP_CHECKOUT_STAYS } from './select-group-checkout-stays/select-group-checkout-stays.slice';

/** The group checkout's flows end to end on the in-memory store: commands, the merging process and the views. */
describe('the group-checkout board, flow by flow', () => {
  let flow: BoardFlow;

  const charge = (stayId: string, chargeId: string, amount: number) => flow.command(CHARGE_GUEST_STAY, { type: 'ChargeGuestStay', data: { stayId, chargeId, amount } });
  const payStay = (stayId: string, paymentId: string, amount: number) => flow.command(PAY_GUEST_STAY, { type: 'PayGuestStay', data: { stayId, paymentId, amount } });
  const select = (groupId: string, ...stayIds: string[]) => flow.command(SELECT_GROUP_CHECKOUT_STAYS, { type: 'SelectGroupCheckoutStays', data: { groupId, stayIds } });
  const payGroup = (groupId: string, paymentId: string, amount: number) => flow.command(PAY_GROUP_CHECKOUT, { type: 'PayGroupCheckout', data: { groupId, paymentId, amount } });
  const confirm = (groupId: string) => flow.command(CONFIRM_GROUP_CHECKOUT, { type: 'ConfirmGroupCheckout', data: { groupId } });
  const types = (subject: string) => flow.events(GROUP_CHECKOUT_STREAM.name, subject).map(({ type }) => type);

  beforeEach(() => {
    flow = new BoardFlow([GROUP_CHECKOUT_BOARD]);
  });

  it('a group takes its stays over, merging the open ones and failing the closed and unknown ones, is paid and confirmed', async () => {
    await charge('s1', 'c1', 1000);
    await charge('s2', 'c1', 500);
    await payStay('s2', 'p1', 200);
    await charge('s3', 'c1', 100);
    await payStay('s3', 'p1', 100);
    await flow.command(CHECK_OUT_GUEST_STAY, { type: 'CheckOutGuestStay', data: { stayId: 's3' } });
    await select('g1', 's1', 's2', 's3', 'nobody');
    await expect(confirm('g1')).rejects.toMatchObject({ code: 'merges-in-progress' });
    await flow.settle();

    expect(flow.view(GROUP_CHECKOUT_VIEW, 'g1')).toEqual({
      groupId: 'g1',
      pending: [],
      merged: [{ stayId: 's1', residual: 1000 }, { stayId: 's2', residual: 300 }],
      failed: [{ stayId: 's3', reason: 'already-checked-out' }, { stayId: 'nobody', reason: 'stay-not-found' }],
      balance: 1300,
      paid: 0,
      status: 'ready',
    });
    expect(flow.view(GUEST_STAY_VIEW, 's2')).toEqual({ stayId: 's2', balance: 300, status: 'transferred', groupId: 'g1' });
    expect(types(groupCheckoutSubject('g1'))).toEqual(['StaysSelected', 'StaysMerged', 'MergesFailed']);
    await expect(charge('s1', 'c2', 10)).rejects.toMatchObject({ code: 'stay-closed' });

    await expect(confirm('g1')).rejects.toMatchObject({ code: 'balance-outstanding', details: { groupId: 'g1', balance: 1300 } });
    await payGroup('g1', 'gp1', 1300);
    expect((await confirm('g1')).events).toHaveLength(1);
    expect((await confirm('g1')).events).toEqual([]);
    await flow.settle();
    expect(flow.view(GROUP_CHECKOUT_VIEW, 'g1')).toMatchObject({ balance: 0, paid: 1300, status: 'confirmed' });
  });

  it('a stay is taken over by one group only: the second group records why it could not', async () => {
    await charge('s1', 'c1', 700);
    await select('g1', 's1');
    await flow.settle();
    await select('g2', 's1');
    await flow.settle();
    expect(flow.view(GROUP_CHECKOUT_VIEW, 'g1')).toMatchObject({ merged: [{ stayId: 's1', residual: 700 }] });
    expect(flow.view(GROUP_CHECKOUT_VIEW, 'g2')).toMatchObject({ merged: [], failed: [{ stayId: 's1', reason: 'transferred-to-another-group' }], status: 'ready' });
    expect(types(guestStaySubject('s1'))).toEqual(['GuestCharged', 'GuestStayTransferredToGroup']);
  });

  it('a selection made again, and a process woken again, store nothing new', async () => {
    await charge('s1', 'c1', 100);
    await select('g1', 's1');
    await flow.settle();
    expect((await select('g1', 's1')).events).toEqual([]);
    await flow.settle();
    await flow.settle();
    expect(types(groupCheckoutSubject('g1'))).toEqual(['StaysSelected', 'StaysMerged']);
    expect(types(guestStaySubject('s1'))).toEqual(['GuestCharged', 'GuestStayTransferredToGroup']);
  });

  it('stays selected later are merged by a later action, and a stay paid ahead brings its credit', async () => {
    await charge('s1', 'c1', 400);
    await select('g1', 's1');
    await flow.settle();
    await payStay('s2', 'p1', 150);
    await select('g1', 's1', 's2');
    await flow.settle();
    expect(flow.view(GROUP_CHECKOUT_VIEW, 'g1')).toMatchObject({ merged: [{ stayId: 's1', residual: 400 }, { stayId: 's2', residual: -150 }], balance: 250 });
  });

  it('a payment before the merges counts toward the balance, and a duplicate payment counts once', async () => {
    await charge('s1', 'c1', 900);
    await payGroup('g1', 'gp1', 400);
    expect((await payGroup('g1', 'gp1', 400)).events).toEqual([]);
    await select('g1', 's1');
    await flow.settle();
    expect(flow.view(GROUP_CHECKOUT_VIEW, 'g1')).toMatchObject({ merged: [{ stayId: 's1', residual: 900 }], paid: 400, balance: 500, status: 'ready' });
    expect(types(groupCheckoutSubject('g1'))).toEqual(['GroupCheckoutPaid', 'StaysSelected', 'StaysMerged']);
  });

  it('a partial payment leaves the balance outstanding, and confirming waits for the merges', async () => {
    await charge('s1', 'c1', 1000);
    await select('g1', 's1');
    await expect(confirm('g1')).rejects.toMatchObject({ code: 'merges-in-progress' });
    await flow.settle();
    await payGroup('g1', 'gp1', 600);
    await expect(confirm('g1')).rejects.toMatchObject({ code: 'balance-outstanding', details: { balance: 400 } });
    await payGroup('g1', 'gp2', 400);
    expect((await confirm('g1')).events.map(({ event }) => event.type)).toEqual(['GroupCheckoutConfirmed']);
  });

  it('an empty selection stores nothing and wakes nobody', async () => {
    expect((await select('g1')).events).toEqual([]);
    await flow.settle();
    expect(types(groupCheckoutSubject('g1'))).toEqual([]);
    await expect(confirm('g1')).rejects.toMatchObject({ code: 'no-stays-selected' });
  });

  it('the group\'s balance is always its merged residuals less its payments, each stay\'s residual its charges less its payments', async () => {
    const stay = fc.record({ charges: fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 4 }), payments: fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 3 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(stay, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 3 }), async (stays, groupPayments) => {
        flow = new BoardFlow([GROUP_CHECKOUT_BOARD]);
        const ids = stays.map((_, index) => `s${index}`);
        for (const [index, { charges, payments }] of stays.entries()) {
          for (const [number, amount] of charges.entries()) await charge(ids[index]!, `c${number}`, amount);
          for (const [number, amount] of payments.entries()) await payStay(ids[index]!, `p${number}`, amount);
        }
        for (const [number, amount] of groupPayments.entries()) await payGroup('g1', `gp${number}`, amount);
        await select('g1', ...ids);
        await flow.settle();
        const view = flow.view(GROUP_CHECKOUT_VIEW, 'g1')!;
        const sum = (amounts: readonly number[]): number => amounts.reduce((total, amount) => total + amount, 0);
        const opened = stays.flatMap(({ charges, payments }, index) => (charges.length + payments.length > 0 ? [{ stayId: ids[index]!, residual: sum(charges) - sum(payments) }] : []));
        expect(view.pending).toEqual([]);
        expect(view.merged).toEqual(opened);
        expect(view.failed).toEqual(ids.filter((id) => !opened.some(({ stayId }) => stayId === id)).map((stayId) => ({ stayId, reason: 'stay-not-found' })));
        expect(view.paid).toBe(sum(groupPayments));
        expect(view.balance).toBe(sum(view.merged.map(({ residual }) => residual)) - view.paid);
      }),
      { numRuns: 50 },
    );
  });
});
