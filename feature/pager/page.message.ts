import type { Command } from '@libs/decider/decider';
import type { Decider } from '@libs/decider/decider';
import type { EffectOutcome, EffectRequest, EffectSlice } from '@libs/event-model/board';
import { PAGER_TARGET_STREAM, targetSubject, targetSubjectFilter } from '@stream/pager.stream';
import { PAGER_ATTEMPTS, PAGER_BACKOFF_MS } from './pager.settings';
import type { BundleClosed, PageDelivered, PageFailed, TargetEvent } from '@model/pager/pager.events';
import type { Page, TargetKind } from '@model/pager/pager.fields';
import type { TargetState } from './target.state';

/** The longest SMS text sent: ten concatenated segments. */
export const SMS_MAX = 1_530;

/** A target's message as a sender takes it: `to` and `text` for both, a `subject` for email. */
export interface PagerMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly targetId: string;
}

const line = ({ serviceId, incidentId, level, round, message }: Page): string =>
  `${serviceId} (incident ${incidentId}, level ${level}${round > 0 ? `, round ${round + 1}` : ''}): ${message}`;

/** One message naming every service it gathered; keyed by the message's id, the same on every attempt. */
export const pagerMessage = ({ data }: BundleClosed, kind: TargetKind): EffectRequest<PagerMessage> | undefined => {
  if (data.kind !== kind) return undefined;
  const services = [...new Set(data.pages.map(({ serviceId }) => serviceId))];
  const subject = services.length === 1 ? `[pager] ${services[0]} is unhealthy` : `[pager] ${services.length} services need you: ${services.join(', ')}`;
  const lines = data.pages.map(line);
  const text = kind === 'sms' ? `[pager] ${lines.join('; ')}`.slice(0, SMS_MAX) : `${lines.join('\n')}\n\nAcknowledge with PUT /mutation/acknowledge-alert {"data":{"service":{"id":"<service>"}}}\n`;
  return { key: data.bundleId, payload: { to: data.address, subject, text, targetId: data.targetId } };
};

/** A message is wanted until its outcome is recorded. */
export const messageWanted = (target: TargetState, { key }: EffectRequest<PagerMessage>): boolean => target.bundles[key]?.settled === false;

/** How a target's message ended after its attempts. */
export type RecordPageOutcome = Command<'RecordPageOutcome', { targetId: string; bundleId: string; succeeded: boolean; attempts: number; reason: string }>;

export const pageOutcome = ({ key, payload }: EffectRequest<PagerMessage>, outcome: EffectOutcome): RecordPageOutcome => ({
  type: 'RecordPageOutcome',
  data: { targetId: payload.targetId, bundleId: key, succeeded: outcome.succeeded, attempts: outcome.attempts, reason: outcome.succeeded ? '' : outcome.reason },
});

/** A message's outcome is recorded once: the first one stands. */
export const outcomeOnce = ({ data }: RecordPageOutcome, target: TargetState): (PageDelivered | PageFailed)[] => {
  const bundle = target.bundles[data.bundleId];
  if (!bundle || bundle.settled) return [];
  const { targetId, bundleId, attempts } = data;
  return data.succeeded ? [{ type: 'PageDelivered', data: { targetId, bundleId, attempts } }] : [{ type: 'PageFailed', data: { targetId, bundleId, attempts, reason: data.reason } }];
};

/** What sets a paging effect apart: the kind of target it reaches, its sender, its name, title, decider and rules. */
export interface Paging {
  readonly kind: TargetKind;
  readonly name: string;
  readonly title: string;
  readonly decider: Decider<RecordPageOutcome, TargetState, TargetEvent>;
  readonly rules: readonly string[];
}

/** A paging effect: each closed message of a target of its kind goes out once, through the sender of that kind, keyed by the message. */
export const pagingEffect = ({ kind, name, title, decider, rules }: Paging): EffectSlice<TargetEvent, PagerMessage, RecordPageOutcome, TargetState> => ({
  kind: 'effect',
  name,
  title,
  actor: 'On-call engineer',
  subjects: targetSubjectFilter(),
  reactsTo: ['BundleClosed'],
  command: { name: 'RecordPageOutcome', fields: ['targetId', 'bundleId', 'succeeded', 'attempts', 'reason'] },
  stream: PAGER_TARGET_STREAM,
  events: ['PageDelivered', 'PageFailed'],
  sender: { name: kind, settings: {} },
  retry: { attempts: PAGER_ATTEMPTS, backoffMs: PAGER_BACKOFF_MS },
  request: ({ event }) => (event.type === 'BundleClosed' ? pagerMessage(event, kind) : undefined),
  wanted: messageWanted,
  outcome: pageOutcome,
  decider,
  entity: ({ data }) => targetSubject(data.targetId),
  rules,
});
