import { round, summarize, type LatencySummary } from './stats';
import type { StoredEvent } from './stored-events';

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
