import {
  EMAIL_OPERATION_STREAM,
  EMAIL_STREAM,
  NOTIFICATION_REQUEST_STREAM,
  NOTIFICATION_SAGA_STREAM,
  NOTIFICATION_STREAM,
  SLACK_OPERATION_STREAM,
  SLACK_STREAM,
  emailRequestSubjectFilter,
  emailSubjectFilter,
  notificationRequestSubjectFilter,
  notificationSubjectFilter,
  sagaSubjectFilter,
  slackRequestSubjectFilter,
  slackSubjectFilter,
} from '@stream/notification.stream';
import { round, summarize, type LatencySummary } from './stats';
import { storedEvents, type StoredEvent } from './stored-events';

/** A notification the app took: its tracking id and when its 202 was read (this machine's clock, as JetStream's). */
export interface Taken {
  readonly trackingId: string;
  readonly answeredAt: number;
}

/** What one batch of sends took, and what it cost until the last of its notifications ended. */
export interface Batch {
  readonly taken: readonly Taken[];
  readonly refused: number;
  readonly startedAt: number;
  /** Whether every notification taken ended before the pipeline stalled. */
  readonly settled: boolean;
  readonly seconds: number;
  readonly cpuSeconds: { readonly app: number; readonly nats: number; readonly bench: number };
  /** The sends' own answers, when they were paced. */
  readonly frontMs?: LatencySummary;
}

/** The body of `PUT /mutation/send-notification` number `index`, to the recipients `r0`… in turn. */
export const notificationBody = (index: number, recipients: number): string =>
  JSON.stringify({ data: { recipient: { id: `r${index % recipients}` }, subject: `Bench ${index}`, body: `Notification ${index} of the notifications bench.` } });

/** The notification a send's answer took, when it was taken (202). */
export const takenFrom = (status: number, body: string): Taken | undefined =>
  status === 202 ? { trackingId: (JSON.parse(body) as { trackingId: string }).trackingId, answeredAt: Date.now() } : undefined;

/** How many of `keys` arrived once, more than once, or not at all; and how many arrivals were none of them. */
export const arrivals = (keys: readonly string[], arrived: readonly (string | undefined)[]): { once: number; moreThanOnce: number; missing: number; unexpected: number } => {
  const counts = new Map<string, number>();
  for (const key of arrived) if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  const expected = keys.map((key) => counts.get(key) ?? 0);
  return {
    once: expected.filter((count) => count === 1).length,
    moreThanOnce: expected.filter((count) => count > 1).length,
    missing: expected.filter((count) => count === 0).length,
    unexpected: arrived.length - expected.reduce((sum, count) => sum + count, 0),
  };
};

/**
 * A batch's figures from the stored events: how its notifications ended (`outcomes`: each one's last outcome event),
 * the time from each one's 202 and from its request stored (`requestedAt`) to its `NotificationSent`, and how many
 * ended sent on all per second from the batch's first send to the last of them.
 */
export const batchFigures = (batch: Batch, outcomes: ReadonlyMap<string, StoredEvent>, requestedAt: ReadonlyMap<string, number>) => {
  const sent = batch.taken.flatMap((taken) => {
    const outcome = outcomes.get(taken.trackingId);
    return outcome?.type === 'NotificationSent' ? [{ ...taken, sentAt: outcome.storedAt }] : [];
  });
  const lastSentAt = Math.max(...sent.map(({ sentAt }) => sentAt));
  const ended = (type: string): number => batch.taken.filter(({ trackingId }) => outcomes.get(trackingId)?.type === type).length;
  return {
    taken: batch.taken.length,
    refused: batch.refused,
    sentOnAll: sent.length,
    sentOnSome: ended('NotificationPartlySent'),
    failed: ended('NotificationFailed'),
    notEnded: batch.taken.filter(({ trackingId }) => !outcomes.has(trackingId)).length,
    sentOnAllPerSecond: sent.length === 0 ? 0 : round(sent.length / ((lastSentAt - batch.startedAt) / 1_000), 1),
    answeredToSentOnAllMs: summarize(sent.map(({ sentAt, answeredAt }) => sentAt - answeredAt)),
    requestStoredToSentOnAllMs: summarize(sent.flatMap(({ trackingId, sentAt }) => {
      const requested = requestedAt.get(trackingId);
      return requested === undefined ? [] : [sentAt - requested];
    })),
    frontMs: batch.frontMs,
    settled: batch.settled,
    seconds: batch.seconds,
    cpuSeconds: batch.cpuSeconds,
    cpuMsPerNotification: round(((batch.cpuSeconds.app + batch.cpuSeconds.nats) * 1_000) / Math.max(1, batch.taken.length), 2),
  };
};

/** What the streams hold of the notifications after a run: how each ended, and when each passed each step. */
export interface Journeys {
  /** Each notification's outcome event (sent on all, on some, failed, opted out). */
  readonly outcomes: ReadonlyMap<string, StoredEvent>;
  /** When each notification's request was stored. */
  readonly requestedAt: ReadonlyMap<string, number>;
  /** Its steps in order, each the time the last of the step's events was stored, per notification. */
  readonly steps: readonly (readonly [string, ReadonlyMap<string, number>])[];
  /** Channel messages sent on a later attempt than the first: emails, Slack posts. */
  readonly retried: { readonly emails: number; readonly posts: number };
}

type NotificationData = { readonly notificationId: string; readonly attempts?: number };

/** The latest time per notification among `events` (of `types`, when given). */
const latestPer = (events: readonly StoredEvent<NotificationData>[], types?: readonly string[]): Map<string, number> => {
  const latest = new Map<string, number>();
  for (const { type, data, storedAt } of events) {
    if (types && !types.includes(type)) continue;
    latest.set(data.notificationId, Math.max(storedAt, latest.get(data.notificationId) ?? 0));
  }
  return latest;
};

/** Reads every stream a notification goes through, after the run, into the notifications' journeys. */
export const readJourneys = async (natsUrl: string): Promise<Journeys> => {
  const read = (stream: Parameters<typeof storedEvents>[1], subject: string) => storedEvents<NotificationData>(natsUrl, stream, subject);
  const events = await read(NOTIFICATION_STREAM, notificationSubjectFilter());
  const requests = await read(NOTIFICATION_REQUEST_STREAM, notificationRequestSubjectFilter());
  const queued = [...(await read(EMAIL_OPERATION_STREAM, emailRequestSubjectFilter())), ...(await read(SLACK_OPERATION_STREAM, slackRequestSubjectFilter()))];
  const emails = await read(EMAIL_STREAM, emailSubjectFilter());
  const posts = await read(SLACK_STREAM, slackSubjectFilter());
  const sagas = await read(NOTIFICATION_SAGA_STREAM, sagaSubjectFilter());
  const concluded = ['NotificationSent', 'NotificationPartlySent', 'NotificationFailed', 'NotificationOptedOut'];
  return {
    outcomes: new Map(events.filter(({ type }) => concluded.includes(type)).map((event) => [event.data.notificationId, event])),
    requestedAt: latestPer(requests),
    steps: [
      ['request stored', latestPer(requests)],
      ['created', latestPer(events, ['NotificationCreated'])],
      ['queued on both channels', latestPer(queued)],
      ['sent on both (outcomes recorded)', latestPer([...emails, ...posts])],
      ['settled on the saga', latestPer(sagas, ['OperationSettled'])],
      ['NotificationSent', latestPer(events, ['NotificationSent'])],
    ],
    retried: { emails: emails.filter(({ data }) => (data.attempts ?? 1) > 1).length, posts: posts.filter(({ data }) => (data.attempts ?? 1) > 1).length },
  };
};

/** How long each step took after the one before it, for the batch's notifications that passed both. */
export const stepTimes = (batch: Batch, steps: Journeys['steps']): { readonly step: string; readonly ms: LatencySummary }[] =>
  steps.slice(1).map(([name, at], index) => {
    const [before, atBefore] = steps[index]!;
    const times = batch.taken.flatMap(({ trackingId }) => {
      const from = atBefore.get(trackingId);
      const to = at.get(trackingId);
      return from === undefined || to === undefined ? [] : [to - from];
    });
    return { step: `${before} → ${name}`, ms: summarize(times) };
  });
