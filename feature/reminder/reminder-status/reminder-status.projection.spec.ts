import { ProjectionSpecification } from '@libs/testing/given-when-then';
import type { ReminderEvent } from '@model/reminder/reminder.events';
import type { ReminderStatus } from '../reminder.lifecycle';
import { reminderStatus, type ReminderStatusDocument } from './reminder-status.projection';

const ID = '381b213b-5bc9-4efe-ac00-b10227794b7c';
const OTHER = '5d0f0b2c-1e2a-4c7b-9f7e-1a2b3c4d5e6f';
const address = 'http://127.0.0.1:3000/';
const defined = (reminderId: string): ReminderEvent => ({
  type: 'ReminderDefined',
  data: { reminderId, address, hours: 0, minutes: 0, seconds: 30, definedAt: '2026-12-02T08:00:00.000Z', dueAt: '2026-12-02T08:00:30.000Z' },
});
const spec = ProjectionSpecification.for(reminderStatus);
const document = (id: string, status: ReminderStatus): ReminderStatusDocument => ({ id, status, dueAt: '2026-12-02T08:00:30.000Z', address });

describe('the reminders and where they stand', () => {
  it('a defined reminder is active, with its due time and address', () => spec.given([defined(ID)]).then({ [ID]: document(ID, 'Active') }));

  it('it stays active while its callback is attempted, then shows how it ended', () =>
    spec
      .given([defined(ID), { type: 'ReminderElapsed', data: { reminderId: ID, dueAt: '2026-12-02T08:00:30.000Z' } }, defined(OTHER), { type: 'ReminderCompleted', data: { reminderId: ID, attempts: 1 } }])
      .then({ [ID]: document(ID, 'Completed'), [OTHER]: document(OTHER, 'Active') }));

  it('a cancelled or failed reminder shows so', () =>
    spec
      .given([defined(ID), { type: 'ReminderCancelled', data: { reminderId: ID } }, defined(OTHER), { type: 'ReminderFailed', data: { reminderId: OTHER, reason: 'the receiver answered 404', attempts: 1 } }])
      .then({ [ID]: document(ID, 'Cancelled'), [OTHER]: document(OTHER, 'Failed') }));
});
