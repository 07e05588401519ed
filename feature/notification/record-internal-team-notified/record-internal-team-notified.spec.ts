import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { InternalOperation, InternalTeamNotified } from '@model/notification/notification.events';
import { internalTeamOperationIdOf } from '../notification.ids';
import { recordInternalTeamNotified } from './record-internal-team-notified.decider';
import { onNoticeRequested } from './record-internal-team-notified.slice';

const notice: InternalOperation = { type: 'InternalTeamNoticeRequested', data: { notificationId: 'n-1', outcome: 'failed', summary: 'email failed' } };
const notified: InternalTeamNotified = { type: 'InternalTeamNotified', data: { notificationId: 'n-1', operationId: internalTeamOperationIdOf('n-1'), to: 'ops@example.com' } };

describe('record that the internal team was told', () => {
  it('a notice is recorded on its notification, with the email that carries it', () =>
    expect(onNoticeRequested(recorded([notice])[0]!, { to: 'ops@example.com' })).toEqual([{ type: 'RecordInternalTeamNotified', data: notified.data }]));

  it('a notification records it once', () => {
    const spec = DeciderSpecification.for(recordInternalTeamNotified);
    spec.given([]).when({ type: 'RecordInternalTeamNotified', data: notified.data }).then([notified]);
    spec.given([notified]).when({ type: 'RecordInternalTeamNotified', data: notified.data }).thenNothingHappens();
  });
});
