import { derivedId } from '@libs/ids/derived-id';
import type { Channel } from '@model/notification/notification.fields';

/** A notification's operation on a channel: the same id every time it is derived, so queuing it again is no new operation. */
export const operationIdOf = (notificationId: string, channel: Channel): string => derivedId(`notification/${notificationId}/${channel}`);

/** The email telling the internal team about a notification. */
export const internalTeamOperationIdOf = (notificationId: string): string => derivedId(`notification/${notificationId}/internal-team`);
