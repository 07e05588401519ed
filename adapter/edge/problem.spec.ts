import { RuleViolation } from '@libs/errors/domain-error';
import { toProblem } from './problem';

describe('problem details of a refused rule', () => {
  it('carry the rule\'s details beside the problem\'s own fields, which a detail of the same name never replaces', () => {
    const refusal = new RuleViolation('reminder-already-finished', 'reminder r1 is already Completed', { reminderId: 'r1', status: 'Completed', type: 'x', rule: 'y' });
    expect(toProblem(refusal)).toEqual({
      type: 'https://problems.event-model.dev/reminder-already-finished',
      title: 'Reminder already finished',
      status: 409,
      detail: 'reminder r1 is already Completed',
      rule: 'reminder-already-finished',
      reminderId: 'r1',
    });
  });
});
