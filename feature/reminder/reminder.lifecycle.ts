import type { ReminderEvent } from '@model/reminder/reminder.events';

/** Where a reminder stands: `Active` from its definition until its callback went through, failed, or it was cancelled. */
export type ReminderStatus = 'Active' | 'Completed' | 'Failed' | 'Cancelled';

/** A reminder's life as its events tell it, for the deciders of the board's slices. */
export interface ReminderLife {
  /** Absent until the reminder is defined. */
  readonly status?: ReminderStatus;
  readonly address?: string;
  readonly dueAt?: string;
  readonly definedAt?: string;
  readonly delay?: { readonly hours: number; readonly minutes: number; readonly seconds: number };
  /** Its delay has passed: the callback is due, or being attempted. */
  readonly elapsed: boolean;
}

export const newReminder = (): ReminderLife => ({ elapsed: false });

export const livedThrough = (life: ReminderLife, event: ReminderEvent): ReminderLife => {
  switch (event.type) {
    case 'ReminderDefined': {
      const { address, dueAt, definedAt, hours, minutes, seconds } = event.data;
      return { status: 'Active', address, dueAt, definedAt, delay: { hours, minutes, seconds }, elapsed: false };
    }
    case 'ReminderElapsed':
      return { ...life, elapsed: true };
    case 'ReminderCompleted':
      return { ...life, status: 'Completed' };
    case 'ReminderFailed':
      return { ...life, status: 'Failed' };
    case 'ReminderCancelled':
      return { ...life, status: 'Cancelled' };
  }
};
