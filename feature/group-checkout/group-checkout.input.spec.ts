import { validateInput } from '@adapter/edge/validate-input';
import { InvalidInput } from '@libs/errors/domain-error';
import { ChargeGuestStayInput } from './charge-guest-stay/charge-guest-stay.input';
import { PayGroupCheckoutInput } from './pay-group-checkout/pay-group-checkout.input';
import { SelectGroupCheckoutStaysInput } from './select-group-checkout-stays/select-group-checkout-stays.input';

/** The fields a body is refused for, as the 400 names them; none when it is taken. */
const refusedFields = (type: Parameters<typeof validateInput>[0], body: unknown): string[] => {
  try {
    validateInput(type, body);
    return [];
  } catch (error) {
    if (error instanceof InvalidInput) return error.errors.map(({ field }) => field);
    throw error;
  }
};

const charge = (amount: unknown) => ({ data: { stay: { id: 'stay-101' }, charge: { id: 7 }, amount } });

describe('the group checkout\'s inputs', () => {
  it.each([1, 1250, 1_000_000_000])('take %p cents', (amount) => {
    expect(refusedFields(ChargeGuestStayInput, charge(amount))).toEqual([]);
    expect(refusedFields(PayGroupCheckoutInput, { data: { group: { id: 'g1' }, payment: { id: 'p1' }, amount } })).toEqual([]);
  });

  it.each([0, -5, 1.5, 1_000_000_001, '100', null, Number.NaN])('refuse %p as an amount, naming the field', (amount) => {
    expect(refusedFields(ChargeGuestStayInput, charge(amount))).toEqual(['data.amount']);
  });

  it('refuse ids that cannot go into a subject, naming the field', () => {
    expect(refusedFields(ChargeGuestStayInput, { data: { stay: { id: 'a.b' }, charge: { id: '*' }, amount: 1 } })).toEqual(['data.stay.id', 'data.charge.id']);
  });

  it('take a selection of stays, and refuse an empty one or one that is not a list of stays', () => {
    expect(refusedFields(SelectGroupCheckoutStaysInput, { data: { group: { id: 'g1' }, stays: [{ id: 's1' }, { id: 2 }, { id: 's1' }] } })).toEqual([]);
    expect(refusedFields(SelectGroupCheckoutStaysInput, { data: { group: { id: 'g1' }, stays: [] } })).toEqual(['data.stays']);
    expect(refusedFields(SelectGroupCheckoutStaysInput, { data: { group: { id: 'g1' }, stays: [{ id: 'a b' }] } })).toEqual(['data.stays.0.id']);
    expect(refusedFields(SelectGroupCheckoutStaysInput, { data: { group: { id: 'g1' }, stays: 's1' } })).toContain('data.stays');
  });
});
