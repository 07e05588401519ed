import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { EmailRequested, InternalOperation } from '@model/notification/notification.events';
import { internalTeamOperationIdOf } from '../notification.ids';
import { queueInternalTeamEmail } from './email-internal-team.decider';
import { onNoticeRequested } from './email-internal-team.slice';

const notice: InternalOperation = { type: 'InternalTeamNoticeRequested', data: { notificationId: 'n-1', outcome: 'sent-on-some', summary: 'slack failed after 5 attempt(s): Slack answered 500' } };
const email: EmailRequested['data'] = {
  operationId: internalTeamOperationIdOf('n-1'),
  notificationId: 'n-1',
  purpose: 'internal-team',
  to: 'ops@example.com',
  subject: 'Notification n-1: sent on some channels only',
  body: 'Notification n-1 ended sent-on-some.\n\nslack failed after 5 attempt(s): Slack answered 500\n',
};

describe('email the internal team', () => {
  it('a notice becomes an email to the internal team, saying how the notification ended on each channel', () =>
    expect(onNoticeRequested(recorded([notice])[0]!, { to: 'ops@example.com' })).toEqual([{ type: 'QueueEmail', data: email }]));

  it('the internal team\'s email is queued once', () => {
    const spec = DeciderSpecification.for(queueInternalTeamEmail);
    spec.given([]).when({ type: 'QueueEmail', data: email }).then([{ type: 'EmailRequested', data: email }]);
    spec.given([{ type: 'EmailRequested', data: email }]).when({ type: 'QueueEmail', data: email }).thenNothingHappens();
  });
});
