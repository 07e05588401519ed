import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { EmailEvent, SagaEvent } from '@model/notification/notification.events';
import { settleEmail } from './settle-email.decider';
import { onEmailEnded } from './settle-email.slice';

const base = { operationId: 'op-1', notificationId: 'n-1', purpose: 'recipient' as const, to: 'ada@example.com', subject: 'Your booking' };
const sent: EmailEvent = { type: 'EmailSent', data: { ...base, attempts: 1 } };
const failed: EmailEvent = { type: 'EmailFailed', data: { ...base, attempts: 5, reason: 'SMTP down; gave up after 5 attempts' } };
const spec = DeciderSpecification.for(settleEmail);

describe('settle the email on the saga', () => {
  it('an email sent settles its operation on the saga as sent', () =>
    expect(onEmailEnded(recorded([sent])[0]!)).toEqual([
      { type: 'SettleOperation', data: { notificationId: 'n-1', operationId: 'op-1', channel: 'email', status: 'sent', attempts: 1, lastError: '' } },
    ]));

  it('an email failed settles its operation as failed, with the last error', () =>
    expect(onEmailEnded(recorded([failed])[0]!)).toEqual([
      { type: 'SettleOperation', data: { notificationId: 'n-1', operationId: 'op-1', channel: 'email', status: 'failed', attempts: 5, lastError: 'SMTP down; gave up after 5 attempts' } },
    ]));

  it('the internal team\'s emails settle nothing', () =>
    expect(onEmailEnded(recorded<EmailEvent>([{ type: 'EmailSent', data: { ...base, purpose: 'internal-team', attempts: 1 } }])[0]!)).toEqual([]));

  it('an operation settles once: its first outcome stands', () => {
    const settled: SagaEvent = { type: 'OperationSettled', data: { notificationId: 'n-1', operationId: 'op-1', channel: 'email', status: 'sent', attempts: 1, lastError: '' } };
    spec.given([]).when({ type: 'SettleOperation', data: settled.data }).then([settled]);
    spec.given([settled]).when({ type: 'SettleOperation', data: { ...settled.data, status: 'failed', lastError: 'late' } }).thenNothingHappens();
  });
});
