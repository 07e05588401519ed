import type { SchemaObject } from '@adapter/http/api-operations';
import type { ReminderLife, ReminderStatus } from './reminder.lifecycle';

/** What the API answers of a reminder: `{"id","status","timeLeft"}`, the seconds left while it is active (0 after). */
export interface ReminderAnswer {
  readonly id: string;
  readonly status: ReminderStatus;
  readonly timeLeft: number;
}

export const reminderAnswer = (id: string, life: Pick<ReminderLife, 'status' | 'dueAt'>, now = Date.now()): ReminderAnswer => {
  const status = life.status ?? 'Active';
  const left = status === 'Active' && life.dueAt ? Math.max(0, Date.parse(life.dueAt) - now) / 1_000 : 0;
  return { id, status, timeLeft: left };
};

/** The OpenAPI schema of a `ReminderAnswer`. */
export const REMINDER_ANSWER: SchemaObject = {
  type: 'object',
  required: ['id', 'status', 'timeLeft'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: ['Active', 'Completed', 'Failed', 'Cancelled'] },
    timeLeft: { type: 'number', description: 'Seconds until it is due while it is Active; 0 once it is not' },
  },
};
