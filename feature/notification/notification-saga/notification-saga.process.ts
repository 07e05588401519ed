import type { StepResult } from '@libs/event-model/board';
import type { ChannelResult, NotificationOutcome } from '@model/notification/notification.fields';
import type { Saga } from '../saga.state';
import type { CompleteSaga } from './notification-saga.decider';
import type { ConcludeNotification } from './conclude-notification.decider';

/** What the saga has left to do once its operations settled: write this outcome on the notification. */
export interface Conclusion {
  readonly notificationId: string;
  readonly outcome: NotificationOutcome;
  readonly channels: readonly ChannelResult[];
}

/** Sent on every channel, on some, or on none. */
export const outcomeOf = (channels: readonly ChannelResult[]): NotificationOutcome => {
  const sent = channels.filter(({ status }) => status === 'sent').length;
  return sent === channels.length ? 'sent-on-all' : sent === 0 ? 'failed' : 'sent-on-some';
};

/**
 * The saga's to-do list as its own state says: nothing while any operation it waits for is still out (or before it
 * started); once all settled, the one conclusion their outcomes make; nothing once it completed.
 */
export const nextAction = (saga: Saga): readonly Conclusion[] => {
  if (!saga.started || saga.completed || saga.notificationId === undefined) return [];
  const channels: ChannelResult[] = [];
  for (const { channel, operationId } of saga.operations) {
    const settled = saga.settled[operationId];
    if (!settled) return [];
    channels.push({ channel, operationId, status: settled.status, attempts: settled.attempts, lastError: settled.lastError });
  }
  return [{ notificationId: saga.notificationId, outcome: outcomeOf(channels), channels }];
};

/** The step: the notification is told how it ended. */
export const order = (_saga: Saga, { notificationId, outcome, channels }: Conclusion): ConcludeNotification => ({
  type: 'ConcludeNotification',
  data: { notificationId, outcome, channels },
});

/** What the saga keeps of its step: the outcome it wrote. */
export const outcome = (conclusion: Conclusion, _result: StepResult): NotificationOutcome => conclusion.outcome;

/** The saga completes with the outcome it wrote. */
export const record = (saga: Saga, outcomes: readonly NotificationOutcome[]): CompleteSaga => {
  const [written] = outcomes;
  if (saga.notificationId === undefined || written === undefined) throw new Error('a saga completes after it wrote an outcome for its notification');
  return { type: 'CompleteSaga', data: { notificationId: saga.notificationId, outcome: written } };
};
