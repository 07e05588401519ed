import { fold } from '@libs/decider/decider';
import { DeciderSpecification, recorded, testMetadata } from '@libs/testing/given-when-then';
import type { StayEvent } from '@model/group-checkout/group-checkout.events';
import { transferStay, type TransferGuestStayToGroup } from './transfer-stay.decider';

const transfer = (groupId: string): TransferGuestStayToGroup => ({ type: 'TransferGuestStayToGroup', data: { stayId: 's1', groupId } });
const transferred = (groupId: string, residual: number): StayEvent => ({ type: 'GuestStayTransferredToGroup', data: { stayId: 's1', groupId, residual } });
const charged = (chargeId: string, amount: number): StayEvent => ({ type: 'GuestCharged', data: { stayId: 's1', chargeId, amount } });
const paid = (amount: number): StayEvent => ({ type: 'GuestPaid', data: { stayId: 's1', paymentId: 'p1', amount } });
const spec = DeciderSpecification.for(transferStay);

describe('a group takes a guest stay over', () => {
  it('an open stay is taken over with its balance as the residual', () =>
    spec.given([charged('c1', 1000), charged('c2', 250), paid(400)]).when(transfer('g1')).then([transferred('g1', 850)]));

  it('a stay paid ahead is taken over with a residual below 0', () => spec.given([charged('c1', 100), paid(300)]).when(transfer('g1')).then([transferred('g1', -200)]));

  it('after the decision the stay says which group took it, and the residual', () => {
    const before = fold(transferStay, recorded([charged('c1', 1000)]));
    const [event] = transferStay.decide(transfer('g1'), before);
    const after = event && transferStay.evolve(before, event, testMetadata(2));
    expect(after).toMatchObject({ status: 'transferred', transfer: { groupId: 'g1', residual: 1000, eventId: 'event-2', sequence: 2 } });
  });

  it('a stay the same group took over already is nothing new', () => spec.given([charged('c1', 1000), transferred('g1', 1000)]).when(transfer('g1')).thenNothingHappens());

  it('a stay another group took over is refused', () => spec.given([charged('c1', 1000), transferred('g2', 1000)]).when(transfer('g1')).thenRefuses('transferred-to-another-group'));

  it('a checked-out stay is refused', () =>
    spec.given([charged('c1', 1000), paid(1000), { type: 'GuestCheckedOut', data: { stayId: 's1' } }]).when(transfer('g1')).thenRefuses('already-checked-out'));

  it('a stay with no events is not found', () => spec.given([]).when(transfer('g1')).thenRefuses('stay-not-found'));
});
