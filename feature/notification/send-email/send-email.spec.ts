import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { EmailEvent, EmailOperation } from '@model/notification/notification.events';
import { recordEmailOutcome } from './send-email.decider';
import { emailFor, emailOutcome, emailWanted } from './send-email.effect';

const queued: EmailOperation = {
  type: 'EmailRequested',
  data: { operationId: 'op-1', notificationId: 'n-1', purpose: 'recipient', to: 'ada@example.com', subject: 'Your booking', body: 'Room 2 is yours.' },
};
const request = emailFor(recorded([queued])[0]!);
const sent: EmailEvent = { type: 'EmailSent', data: { operationId: 'op-1', notificationId: 'n-1', purpose: 'recipient', to: 'ada@example.com', subject: 'Your booking', attempts: 2 } };
const spec = DeciderSpecification.for(recordEmailOutcome);

describe('send the email', () => {
  it('a queued email asks to be sent, keyed by its operation id', () =>
    expect(request).toEqual({ key: 'op-1', payload: { to: 'ada@example.com', subject: 'Your booking', text: 'Room 2 is yours.', notificationId: 'n-1', purpose: 'recipient' } }));

  it('an email is wanted until its outcome is recorded', () => {
    expect(emailWanted({ settled: false })).toBe(true);
    expect(emailWanted({ settled: true })).toBe(false);
  });

  it('an email taken is recorded as sent, with its attempts', () => spec.given([]).when(emailOutcome(request, { succeeded: true, attempts: 2 })).then([sent]));

  it('an email given up on is recorded as failed, with the reason and the attempts', () =>
    spec
      .given([])
      .when(emailOutcome(request, { succeeded: false, attempts: 5, reason: 'the SMTP server answered 421; gave up after 5 attempts' }))
      .then([
        {
          type: 'EmailFailed',
          data: { operationId: 'op-1', notificationId: 'n-1', purpose: 'recipient', to: 'ada@example.com', subject: 'Your booking', attempts: 5, reason: 'the SMTP server answered 421; gave up after 5 attempts' },
        },
      ]));

  it('an outcome recorded again changes nothing', () => spec.given([sent]).when(emailOutcome(request, { succeeded: false, attempts: 1, reason: 'x' })).thenNothingHappens());
});
