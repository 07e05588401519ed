import { fillSubject, type EventStreamDefinition, type StreamEntity } from '@libs/event-model/event-stream';
import { subjectToken } from '@libs/ids/entity-id';
import { REMINDER_EVENT_CONTRACTS, REMINDER_EVENT_TYPES } from '@model/reminder/reminder.events';
import { commandSubject, commandSubjectFilter } from './command-subjects';

const REMINDER: StreamEntity = {
  name: 'reminder',
  description: 'One reminder: its definition, its elapsing, its callback\'s outcome or its cancellation.',
  subject: 'reminder.{reminderId}',
  params: { reminderId: 'The reminder\'s id (a UUID)' },
  eventTypes: REMINDER_EVENT_TYPES,
};

/** The reminders' events: one subject per reminder. */
export const REMINDER_STREAM: EventStreamDefinition = {
  name: 'REMINDER',
  subjects: ['reminder.>'],
  typePrefix: 'reminder',
  eventTypes: REMINDER_EVENT_TYPES,
  entities: [REMINDER],
  contracts: REMINDER_EVENT_CONTRACTS,
};

export const reminderSubject = (reminderId: string): string => fillSubject(REMINDER, { reminderId: subjectToken(reminderId) });

/** Every reminder. */
export const reminderSubjectFilter = (): string => fillSubject(REMINDER, { reminderId: '*' });

/** NATS request/reply subjects of the reminders' commands: `cmd.reminder.<command>`. */
export const reminderCommandSubject = (command: string): string => commandSubject('reminder', command);

/** Every command of the reminders, for permissions and subscriptions. */
export const reminderCommandSubjectFilter = (): string => commandSubjectFilter('reminder');
