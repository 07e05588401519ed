import fc from 'fast-check';
import { contractProblem } from '@libs/event-model/event-contract';
import { InvalidSubjectToken, toEntityId } from '@libs/ids/entity-id';
import {
  GROUP_CHECKOUT_STREAM,
  groupCheckoutCommandSubject,
  groupCheckoutCommandSubjectFilter,
  groupCheckoutSubject,
  groupCheckoutSubjectFilter,
  guestStaySubject,
  guestStaySubjectFilter,
} from './group-checkout.stream';

const candidate = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', '7', '_', '-', '.', '*', '>', ' ', '\t', '\u0000', 'é'), maxLength: 70 }),
  fc.constantFrom('', '.', 'a.b', '*', '>', ' 1', 'x'.repeat(65)),
);

describe('group-checkout subjects built from ids', () => {
  it('hold the id as one literal token for every id the edges accept, and refuse every other id', () => {
    fc.assert(
      fc.property(candidate, (raw) => {
        if (toEntityId(raw) === undefined) {
          expect(() => guestStaySubject(raw)).toThrow(InvalidSubjectToken);
          expect(() => groupCheckoutSubject(raw)).toThrow(InvalidSubjectToken);
          return;
        }
        expect(guestStaySubject(raw).split('.')).toEqual(['group-checkout', 'stay', raw]);
        expect(groupCheckoutSubject(raw).split('.')).toEqual(['group-checkout', 'group', raw]);
      }),
      { numRuns: 300 },
    );
  });

  it('build their subjects and filters from their templates', () => {
    expect(guestStaySubject('stay-101')).toBe('group-checkout.stay.stay-101');
    expect(groupCheckoutSubject('wedding-7')).toBe('group-checkout.group.wedding-7');
    expect(guestStaySubjectFilter()).toBe('group-checkout.stay.*');
    expect(groupCheckoutSubjectFilter()).toBe('group-checkout.group.*');
    expect(groupCheckoutCommandSubject('confirm-group-checkout')).toBe('cmd.group-checkout.confirm-group-checkout');
    expect(groupCheckoutCommandSubjectFilter()).toBe('cmd.group-checkout.>');
  });
});

describe('the group-checkout stream\'s entities', () => {
  it('hold every event type of the stream on exactly one kind of entity, each with a contract', () => {
    const placed = GROUP_CHECKOUT_STREAM.entities.flatMap((entity) => entity.eventTypes);
    expect([...placed].sort()).toEqual([...GROUP_CHECKOUT_STREAM.eventTypes].sort());
    expect(Object.keys(GROUP_CHECKOUT_STREAM.contracts ?? {}).sort()).toEqual([...GROUP_CHECKOUT_STREAM.eventTypes].sort());
  });

  it('take each contract\'s example as valid data, lists and balances below 0 included', () => {
    for (const contract of Object.values(GROUP_CHECKOUT_STREAM.contracts ?? {})) expect(contractProblem(contract, contract.example)).toBeUndefined();
    const transferred = GROUP_CHECKOUT_STREAM.contracts?.GuestStayTransferredToGroup;
    expect(transferred && contractProblem(transferred, { stayId: 's1', groupId: 'g1', residual: -200 })).toBeUndefined();
    expect(transferred && contractProblem(transferred, { stayId: 's.1', groupId: 'g1', residual: 0 })).toBe('the data of GuestStayTransferredToGroup has no valid stayId (entity-id)');
  });
});
