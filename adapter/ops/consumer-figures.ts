import { deadLetterConsumer, DEAD_LETTER_STREAM } from '@stream/dead-letter.stream';
import type { NatsClient } from '@adapter/nats/nats.client';

/** A state view as operations sees it (a `KvProjector`): where it reads, and how far it has applied. */
export interface WatchedView {
  /** `view-<name>`, as its dead letters name it. */
  readonly consumerName: string;
  readonly viewName: string;
  readonly bucketName: string;
  readonly streamName: string;
  readonly filterSubject: string;
  position(): Promise<number>;
}

/** An automation's durable consumer (a `DurableConsumer`). */
export interface WatchedAutomation {
  /** `automation-<name>`: the durable consumer's name. */
  readonly name: string;
  readonly streamName: string;
  readonly filterSubject: string;
}

/** How far behind a view or an automation is, as NATS sees it right now. */
export interface ConsumerFigures {
  readonly consumer: string;
  /** Messages not delivered yet (automation), or not applied yet (view). */
  readonly pending: number;
  /** Delivered and not acknowledged yet (automation only). */
  readonly ackPending?: number;
  /** Messages delivered more than once and not acknowledged yet (automation only). */
  readonly redelivered?: number;
  /** Automation: messages not acknowledged yet; view: its stream's last sequence on its subjects minus the sequence it has applied through. */
  readonly lagMessages: number;
  /** Age of the oldest message not done with yet; 0 when caught up. */
  readonly lagSeconds: number;
}

export const viewFigures = async (nats: NatsClient, view: WatchedView, now = Date.now()): Promise<ConsumerFigures> => {
  const [position, last] = await Promise.all([view.position(), nats.jsm.direct.getMessage(view.streamName, { last_by_subj: view.filterSubject })]);
  const lag = Math.max(0, (last?.seq ?? 0) - position);
  const lagSeconds = lag === 0 ? 0 : await ageOfNext(nats, view.streamName, view.filterSubject, position, now);
  return { consumer: view.consumerName, pending: lag, lagMessages: lag, lagSeconds };
};

export const automationFigures = async (nats: NatsClient, automation: WatchedAutomation, now = Date.now()): Promise<ConsumerFigures> => {
  const info = await nats.jsm.consumers.info(automation.streamName, automation.name);
  const lag = info.num_pending + info.num_ack_pending;
  const lagSeconds = lag === 0 ? 0 : await ageOfNext(nats, automation.streamName, automation.filterSubject, info.ack_floor.stream_seq, now);
  return { consumer: automation.name, pending: info.num_pending, ackPending: info.num_ack_pending, redelivered: info.num_redelivered, lagMessages: lag, lagSeconds };
};

/** Messages in `DEAD_LETTER`, per consumer that gave up on them (all time, since the stream keeps everything). */
export const deadLetterCounts = async (nats: NatsClient): Promise<Map<string, number>> => {
  const info = await nats.jsm.streams.info(DEAD_LETTER_STREAM.name, { subjects_filter: DEAD_LETTER_STREAM.subjects[0] });
  return new Map(Object.entries(info.state.subjects ?? {}).map(([subject, count]) => [deadLetterConsumer(subject), count]));
};

/** Seconds since the first message on `filterSubject` after sequence `after` was stored. */
const ageOfNext = async (nats: NatsClient, stream: string, filterSubject: string, after: number, now: number): Promise<number> => {
  const next = await nats.jsm.direct.getMessage(stream, { seq: after + 1, next_by_subj: filterSubject });
  return next ? Math.max(0, (now - next.time.getTime()) / 1_000) : 0;
};

/** What `work` yields within `ms`; undefined when it fails or takes longer, so a slow NATS never holds up a probe. */
export const valueWithin = async <T>(work: Promise<T>, ms: number): Promise<T | undefined> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([work.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
};
