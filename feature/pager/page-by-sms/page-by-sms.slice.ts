import type { EffectSlice } from '@libs/event-model/board';
import type { TargetEvent } from '@model/pager/pager.events';
import { PAGER_TARGET_STREAM, targetSubject, targetSubjectFilter } from '@stream/pager.stream';
import { messageWanted, pageOutcome, pagerMessage, type PagerMessage, type RecordPageOutcome } from '../page.message';
import { PAGER_ATTEMPTS, PAGER_BACKOFF_MS } from '../pager.settings';
import type { TargetState } from '../target.state';
import { recordSmsPage } from './page-by-sms.decider';

/** A phone target's closed message is texted through the SMS gateway (or the local outbox), its id as the Idempotency-Key. */
export const PAGE_BY_SMS: EffectSlice<TargetEvent, PagerMessage, RecordPageOutcome, TargetState> = {
  kind: 'effect',
  name: 'page-by-sms',
  title: 'The target is paged by SMS',
  actor: 'On-call engineer',
  subjects: targetSubjectFilter(),
  reactsTo: ['BundleClosed'],
  command: { name: 'RecordPageOutcome', fields: ['targetId', 'bundleId', 'succeeded', 'attempts', 'reason'] },
  stream: PAGER_TARGET_STREAM,
  events: ['PageDelivered', 'PageFailed'],
  sender: { name: 'sms', settings: {} },
  retry: { attempts: PAGER_ATTEMPTS, backoffMs: PAGER_BACKOFF_MS },
  request: ({ event }) => (event.type === 'BundleClosed' ? pagerMessage(event, 'sms') : undefined),
  wanted: messageWanted,
  outcome: pageOutcome,
  decider: recordSmsPage,
  entity: ({ data }) => targetSubject(data.targetId),
  rules: [
    'a phone target\'s closed message is one text naming every service, keyed by the message',
    'an email target\'s message is not texted',
    'a message is wanted until its outcome is recorded',
    'its outcome is recorded once',
  ],
};
