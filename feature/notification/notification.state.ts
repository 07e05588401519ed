import type { NotificationEvent } from '@model/notification/notification.events';
import type { ChannelResult, NotificationOutcome, Operation } from '@model/notification/notification.fields';

/** Where a notification stands, as its own events tell it. */
export type NotificationStatus = 'sending' | NotificationOutcome | 'opted-out';

/** A notification as its entity's events fold it: what it is, its operations, how it ended, and whether the internal team was told. */
export interface NotificationState {
  readonly notificationId?: string;
  readonly recipientId?: string;
  readonly subject?: string;
  readonly operations: readonly Operation[];
  readonly status?: NotificationStatus;
  readonly channels: readonly ChannelResult[];
  readonly internalTeamNotified: boolean;
}

export const newNotification = (): NotificationState => ({ operations: [], channels: [], internalTeamNotified: false });

/** The concluding event of each outcome. */
export const CONCLUSIONS = { NotificationSent: 'sent-on-all', NotificationPartlySent: 'sent-on-some', NotificationFailed: 'failed' } as const satisfies Record<string, NotificationOutcome>;

export const notificationEvolved = (state: NotificationState, event: NotificationEvent): NotificationState => {
  switch (event.type) {
    case 'NotificationCreated': {
      const { notificationId, recipientId, subject, operations } = event.data;
      return { ...state, notificationId, recipientId, subject, operations, status: 'sending' };
    }
    case 'NotificationOptedOut':
      return { ...state, notificationId: event.data.notificationId, recipientId: event.data.recipientId, status: 'opted-out' };
    case 'NotificationSent':
    case 'NotificationPartlySent':
    case 'NotificationFailed':
      return { ...state, status: CONCLUSIONS[event.type], channels: event.data.channels };
    case 'InternalTeamNotified':
      return { ...state, internalTeamNotified: true };
  }
};
