import type { Command, Decider } from '@libs/decider/decider';
import type { InternalTeamNotified, NotificationEvent } from '@model/notification/notification.events';
import { newNotification, notificationEvolved, type NotificationState } from '../notification.state';

/** Record on a notification that the internal team's email about it is on its way. */
export type RecordInternalTeamNotified = Command<'RecordInternalTeamNotified', InternalTeamNotified['data']>;

/** A notification records once that the internal team was told. */
export const recordInternalTeamNotified: Decider<RecordInternalTeamNotified, NotificationState, NotificationEvent> = {
  initialState: newNotification,
  evolve: notificationEvolved,
  decide: ({ data }, notification): InternalTeamNotified[] => (notification.internalTeamNotified ? [] : [{ type: 'InternalTeamNotified', data }]),
};
