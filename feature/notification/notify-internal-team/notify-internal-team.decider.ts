import type { Command, Decider } from '@libs/decider/decider';
import type { InternalOperation, InternalTeamNoticeRequested } from '@model/notification/notification.events';

/** Queue, for the subsystem itself, a notice to the internal team about a notification. */
export type RequestInternalNotice = Command<'RequestInternalNotice', InternalTeamNoticeRequested['data']>;

/** A notification's notice to the internal team is queued once. */
export const requestInternalNotice: Decider<RequestInternalNotice, { readonly queued: boolean }, InternalOperation> = {
  initialState: () => ({ queued: false }),
  evolve: () => ({ queued: true }),
  decide: ({ data }, { queued }): InternalTeamNoticeRequested[] => (queued ? [] : [{ type: 'InternalTeamNoticeRequested', data }]),
};
