import type { Projection } from '@libs/decider/projection';
import type { NotificationEvent } from '@model/notification/notification.events';
import type { Channel } from '@model/notification/notification.fields';
import { CONCLUSIONS, type NotificationStatus } from '../notification.state';

/** One channel of a notification as its tracker shows it. */
export interface ChannelStatus {
  readonly channel: Channel;
  readonly status: 'sending' | 'sent' | 'failed';
  readonly attempts: number;
  readonly lastError: string | null;
}

/** The board's "Notification" post-it: where a notification stands, per channel, and whether the internal team was told. */
export interface NotificationStatusDocument {
  readonly trackingId: string;
  readonly recipientId: string;
  readonly status: NotificationStatus;
  readonly channels: readonly ChannelStatus[];
  readonly internalTeamNotified: boolean;
}

export const notificationStatus: Projection<NotificationEvent, NotificationStatusDocument> = {
  name: 'notification-status',
  keyOf: (event) => event.data.notificationId,
  evolve: (document, { event }) => {
    const { notificationId } = event.data;
    const current: NotificationStatusDocument = document ?? { trackingId: notificationId, recipientId: '', status: 'sending', channels: [], internalTeamNotified: false };
    switch (event.type) {
      case 'NotificationCreated':
        return {
          ...current,
          recipientId: event.data.recipientId,
          status: 'sending',
          channels: event.data.operations.map(({ channel }) => ({ channel, status: 'sending', attempts: 0, lastError: null })),
        };
      case 'NotificationOptedOut':
        return { ...current, recipientId: event.data.recipientId, status: 'opted-out', channels: [] };
      case 'NotificationSent':
      case 'NotificationPartlySent':
      case 'NotificationFailed':
        return {
          ...current,
          status: CONCLUSIONS[event.type],
          channels: event.data.channels.map(({ channel, status, attempts, lastError }) => ({ channel, status, attempts, lastError: lastError === '' ? null : lastError })),
        };
      case 'InternalTeamNotified':
        return { ...current, internalTeamNotified: true };
    }
  },
};
