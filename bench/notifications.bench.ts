import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { HttpReceiver } from '@libs/testing/http-receiver';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { operationIdOf } from '@feature/notification/notification.ids';
import { NOTIFICATION_STREAM } from '@stream/notification.stream';
import { BenchStack } from './support/app-process';
import { deliveryFloor } from './support/delivery-floor';
import { inLanes } from './support/lanes';
import { arrivals, batchFigures, notificationBody, readJourneys, stepTimes, takenFrom, type Batch, type Taken } from './support/notifications';
import { paced } from './support/paced';
import { cpuSeconds } from './support/proc-usage';
import type { BenchSection } from './support/results';
import { round, summarize, type LatencySummary } from './support/stats';

export interface NotificationsOptions {
  /** Recipients registered with both channels; the notifications go to them in turn. */
  readonly recipients: number;
  /** Notifications sent at `perSecond` (an open loop): the latency at a rate the machine sustains. */
  readonly notifications: number;
  readonly perSecond: number;
  /** Notifications sent with `connections` in flight (a closed loop): the rate the pipeline drains at. 0 skips it. */
  readonly burst: number;
  readonly connections: number;
  /** Deliveries of the floor at `perSecond`. */
  readonly floorDeliveries: number;
}

/** The sender's address; its domain names the emails' Message-IDs. */
const FROM_DOMAIN = 'example.com';
const FROM = `notifications@${FROM_DOMAIN}`;
const HOOK = '/hook';
const SEND = '/mutation/send-notification';
/** How long the pipeline may go without storing anything before the bench stops waiting for the rest. */
const STALL_MS = 60_000;

/** Waits until the notification stream holds `messages`, or nothing was stored there for `STALL_MS`; whether it got there. */
const storedUpTo = async (jsm: JetStreamManager, messages: number): Promise<boolean> => {
  let seen = -1;
  let movedAt = Date.now();
  for (;;) {
    const stored = (await jsm.streams.info(NOTIFICATION_STREAM.name)).state.messages;
    if (stored >= messages) return true;
    if (stored !== seen) [seen, movedAt] = [stored, Date.now()];
    else if (Date.now() - movedAt > STALL_MS) return false;
    await sleep(250);
  }
};

/**
 * The notification board end to end, both channels on local doubles started here (an SMTP server and a Slack
 * webhook receiver, in the bench process): recipients registered with email and Slack, then notifications sent at a
 * fixed rate, then a burst with some in flight. How long from a send's 202 to the notification's `NotificationSent`
 * (sent on all its channels) stored, and how many ended so per second, from the notification stream after the run;
 * whether each email and each post arrived exactly once; against the floor of the bench delivering the same email
 * and post itself.
 */
export const notificationsBench = async (options: NotificationsOptions): Promise<BenchSection> => {
  const sink = await SmtpSink.start();
  const receiver = await HttpReceiver.start();
  const stack = await BenchStack.start({ SMTP_URL: sink.url, SMTP_FROM: FROM, SLACK_WEBHOOK_URL: `${receiver.url}${HOOK}`, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error' });
  const connection = await connect({ servers: stack.natsUrl, name: 'bench-notifications' });
  try {
    const jsm = await jetstreamManager(connection);
    const recipients = Array.from({ length: options.recipients }, (_, index) => `r${index}`);
    await inLanes(recipients, options.connections, async (id) => {
      const response = await fetch(`${stack.baseUrl}/mutation/register-recipient`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: { recipient: { id }, email: `${id}@example.com`, slackChannel: `#${id}`, channels: ['email', 'slack'] } }),
      });
      const answer = await response.text();
      if (!response.ok) throw new Error(`registering ${id} answered ${response.status}: ${answer}`);
    });

    let sent = 0;
    let taken = 0;
    /** Sends `count` with `send`, then waits until every notification taken so far ended; the CPU spent meanwhile. */
    const batch = async (count: number, send: (into: Taken[], first: number) => Promise<LatencySummary | undefined>): Promise<Batch> => {
      const into: Taken[] = [];
      const cpuBefore = { app: cpuSeconds(stack.appPid), nats: cpuSeconds(stack.natsPid), bench: process.cpuUsage() };
      const startedAt = Date.now();
      const frontMs = await send(into, sent);
      sent += count;
      taken += into.length;
      // Each notification that ends sent on all stores two events on the notification stream: created, then sent.
      const settled = await storedUpTo(jsm, options.recipients + 2 * taken);
      const bench = process.cpuUsage(cpuBefore.bench);
      return {
        taken: into,
        refused: count - into.length,
        startedAt,
        settled,
        seconds: round((Date.now() - startedAt) / 1_000, 1),
        cpuSeconds: { app: round(cpuSeconds(stack.appPid) - cpuBefore.app, 1), nats: round(cpuSeconds(stack.natsPid) - cpuBefore.nats, 1), bench: round((bench.user + bench.system) / 1e6, 1) },
        frontMs,
      };
    };
    const pacedBatch = (count: number): Promise<Batch> =>
      batch(count, async (into, first) => {
        const result = await paced(stack.baseUrl, SEND, count, options.perSecond, (index) => notificationBody(first + index, options.recipients), (_index, status, body) => {
          const one = takenFrom(status, body);
          if (one) into.push(one);
        });
        return summarize(result.latenciesMs);
      });
    const burstBatch = (count: number): Promise<Batch> =>
      batch(count, async (into, first) => {
        await inLanes(Array.from({ length: count }, (_, index) => first + index), options.connections, async (index) => {
          const response = await fetch(`${stack.baseUrl}${SEND}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: notificationBody(index, options.recipients) });
          const one = takenFrom(response.status, await response.text());
          if (one) into.push(one);
        });
        return undefined;
      });

    const warmup = await pacedBatch(options.perSecond * 2);
    const steady = await pacedBatch(options.notifications);
    const burst = options.burst > 0 ? await burstBatch(options.burst) : undefined;

    const allTaken = [warmup, steady, burst].flatMap((one) => one?.taken ?? []);
    const { outcomes, requestedAt, steps, retried } = await readJourneys(stack.natsUrl);
    const emails = arrivals(allTaken.map(({ trackingId }) => `<${operationIdOf(trackingId, 'email')}@${FROM_DOMAIN}>`), sink.received.map(({ messageId }) => messageId));
    const posts = arrivals(allTaken.map(({ trackingId }) => operationIdOf(trackingId, 'slack')), receiver.at(HOOK).map(({ headers }) => headers['idempotency-key'] as string | undefined));
    await connection.close();
    await stack.stop();

    const floor = await deliveryFloor({
      smtpUrl: sink.url,
      from: FROM,
      webhookUrl: `${receiver.url}/floor`,
      paced: options.floorDeliveries,
      perSecond: options.perSecond,
      burst: options.burst,
      connections: options.connections,
    });
    const atRate = batchFigures(steady, outcomes, requestedAt);
    const stepsAtRate = stepTimes(steady, steps);
    const drained = burst ? batchFigures(burst, outcomes, requestedAt) : undefined;
    const figures = { ...options, warmup: batchFigures(warmup, outcomes, requestedAt), atRate, stepsAtRate, burst: drained, emails, posts, retried, floor };
    const latency = ({ p50, p99, max }: LatencySummary): string => `${p50} / ${p99} / ${max}`;
    const { answeredToSentOnAllMs: ended } = atRate;
    return {
      title: 'Notifications: email and Slack end to end, on local doubles',
      command: 'npm run bench -- notifications',
      figures,
      table: [
        ['measure', 'value'],
        [`${options.notifications} notifications at ${options.perSecond}/s to ${options.recipients} recipients (email and Slack): sent on all / on some / failed / not ended`, `${atRate.sentOnAll} / ${atRate.sentOnSome} / ${atRate.failed} / ${atRate.notEnded}`],
        ['their 202 p50 / p99 / max (ms)', atRate.frontMs ? latency(atRate.frontMs) : ''],
        ['202 → sent on all (NotificationSent stored) p50 / p99 / max (ms)', latency(ended)],
        ['request stored → sent on all p50 / p99 / max (ms)', latency(atRate.requestStoredToSentOnAllMs)],
        ...stepsAtRate.map(({ step, ms }) => [`step: ${step} p50 / p99 / max (ms)`, latency(ms)]),
        ['sent on all per second, first send to last sent on all', atRate.sentOnAllPerSecond],
        [`floor at ${options.perSecond}/s: the bench sends the email (nodemailer) and the POST itself, p50 / p99 / max (ms)`, latency(floor.latencyMs)],
        ['ratio: 202 → sent on all ÷ floor, p50 / p99', `${round(ended.p50 / Math.max(1, floor.latencyMs.p50), 1)} / ${round(ended.p99 / Math.max(1, floor.latencyMs.p99), 1)}`],
        ...(drained
          ? [
              [`burst: ${options.burst} sent ${options.connections} in flight: sent on all / on some / failed / not ended`, `${drained.sentOnAll} / ${drained.sentOnSome} / ${drained.failed} / ${drained.notEnded}`],
              ['burst: sent on all per second, first send to last sent on all', drained.sentOnAllPerSecond],
              ['burst: 202 → sent on all p50 / p99 / max (ms)', latency(drained.answeredToSentOnAllMs)],
              [`floor: deliveries per second, ${options.connections} in flight`, floor.perSecond],
              ['ratio: burst sent on all per second ÷ floor deliveries per second', round(drained.sentOnAllPerSecond / Math.max(1, floor.perSecond), 2)],
            ]
          : []),
        ['emails at the SMTP sink by Message-ID: once / more than once / missing / others', `${emails.once} / ${emails.moreThanOnce} / ${emails.missing} / ${emails.unexpected}`],
        ['posts at the webhook by Idempotency-Key: once / more than once / missing / others', `${posts.once} / ${posts.moreThanOnce} / ${posts.missing} / ${posts.unexpected}`],
        ['sent on a later attempt than the first: emails / posts', `${retried.emails} / ${retried.posts}`],
        [`CPU at ${options.perSecond}/s, first send to last ended: app / nats-server / bench (load and doubles)`, `${atRate.cpuSeconds.app} s / ${atRate.cpuSeconds.nats} s / ${atRate.cpuSeconds.bench} s over ${atRate.seconds} s`],
        ...(drained ? [['CPU of the burst: app / nats-server / bench', `${drained.cpuSeconds.app} s / ${drained.cpuSeconds.nats} s / ${drained.cpuSeconds.bench} s over ${drained.seconds} s`]] : []),
        ['CPU per notification, app and nats-server (ms): at the rate / burst', `${atRate.cpuMsPerNotification} / ${drained?.cpuMsPerNotification ?? ''}`],
        ['CPU of the floor, bench process (client and doubles), both parts (s)', floor.cpuSeconds],
      ],
      notes: [
        'One app process (dist/app/main.js) on a fresh nats-server (file storage, loopback); the SMTP sink (smtp-server, mailparser), the webhook receiver and the load run in the bench process, and so does the floor.',
        `A notification's time runs from its 202 read by the bench (or its SendNotificationRequested stored) to its NotificationSent stored, JetStream's own timestamp of the message, read from the stream after the run; ${options.perSecond * 2} notifications sent first at the same rate are left out.`,
        'A step runs from the last event of the step before it stored to the last of its own, per notification (both channels\' for a channel step); the senders\' step holds the SMTP sink\'s greeting pause (smtp-server greets 100 ms after a connection opens, to catch early talkers), which the floor pays too.',
        'Each email is counted by its Message-ID (<operation id@example.com>) and each post by its Idempotency-Key (the operation id); the floor sends with a connection per email as the app\'s sender does, and its own keys.',
      ],
    };
  } finally {
    if (!connection.isClosed()) await connection.close();
    await stack.stop();
    await receiver.stop();
    await sink.stop();
  }
};
