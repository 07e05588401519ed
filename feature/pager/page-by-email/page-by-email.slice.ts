import type { EffectSlice } from '@libs/event-model/board';
import type { TargetEvent } from '@model/pager/pager.events';
import { PAGER_TARGET_STREAM, targetSubject, targetSubjectFilter } from '@stream/pager.stream';
import { messageWanted, pageOutcome, pagerMessage, type PagerMessage, type RecordPageOutcome } from '../page.message';
import { PAGER_ATTEMPTS, PAGER_BACKOFF_MS } from '../pager.settings';
import type { TargetState } from '../target.state';
import { recordEmailPage } from './page-by-email.decider';

/** An email target's closed message is emailed (SMTP, or the local outbox), its id as the Message-ID. */
export const PAGE_BY_EMAIL: EffectSlice<TargetEvent, PagerMessage, RecordPageOutcome, TargetState> = {
  kind: 'effect',
  name: 'page-by-email',
  title: 'The target is paged by email',
  actor: 'On-call engineer',
  subjects: targetSubjectFilter(),
  reactsTo: ['BundleClosed'],
  command: { name: 'RecordPageOutcome', fields: ['targetId', 'bundleId', 'succeeded', 'attempts', 'reason'] },
  stream: PAGER_TARGET_STREAM,
  events: ['PageDelivered', 'PageFailed'],
  sender: { name: 'email', settings: {} },
  retry: { attempts: PAGER_ATTEMPTS, backoffMs: PAGER_BACKOFF_MS },
  request: ({ event }) => (event.type === 'BundleClosed' ? pagerMessage(event, 'email') : undefined),
  wanted: messageWanted,
  outcome: pageOutcome,
  decider: recordEmailPage,
  entity: ({ data }) => targetSubject(data.targetId),
  rules: [
    'an email target\'s closed message is one email naming every service, keyed by the message',
    'an SMS target\'s message is not emailed',
    'a message is wanted until its outcome is recorded',
    'its outcome is recorded once',
  ],
};
