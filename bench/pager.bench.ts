import { setTimeout as sleep } from 'node:timers/promises';
import { HttpReceiver } from '@libs/testing/http-receiver';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { PAGER_BUNDLE_MS } from '@feature/pager/pager.settings';
import { BenchStack } from './support/app-process';
import { EscalationWatch, TimeoutFloor } from './support/pager-escalations';
import { cpuSeconds } from './support/proc-usage';
import type { BenchSection } from './support/results';
import { round, summarize } from './support/stats';
import { timerStages } from './support/timer-metrics';

export interface PagerOptions {
  /** Services alerting at once, each with its own level-1 email target and level-2 SMS target. */
  readonly services: number;
  /** Requests in flight while the policies are set and the alerts raised. */
  readonly connections: number;
  /** Each level's time to acknowledge; nobody does, so every incident escalates to level 2, then is exhausted. */
  readonly ackTimeoutSeconds: number;
  /** `PAGER_BUNDLE_MS` for the app; absent, the app's default. */
  readonly bundleMs?: number;
}

const serviceOf = (index: number): string => `svc-${index + 1}`;
const emailOf = (index: number): string => `svc-${index + 1}-l1@example.com`;
const phoneOf = (index: number): string => `+1555${String(index + 1).padStart(7, '0')}`;

/** Runs `work` on every index below `count` with `lanes` in flight; the answers' statuses, by index. */
const inLanes = async (count: number, lanes: number, work: (index: number) => Promise<Response>): Promise<number[]> => {
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: lanes }, async () => {
    for (let index = next++; index < count; index = next++) {
      const response = await work(index);
      await response.arrayBuffer();
      statuses[index] = response.status;
    }
  }));
  return statuses;
};

/** How many times each key occurs. */
const tally = (keys: readonly string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
};

/** Of `expected` keys, how many occur once, more than once and not at all. */
const onceEach = (counts: ReadonlyMap<string, number>, expected: readonly string[]): { once: number; more: number; none: number } => ({
  once: expected.filter((key) => counts.get(key) === 1).length,
  more: expected.filter((key) => (counts.get(key) ?? 0) > 1).length,
  none: expected.filter((key) => !counts.has(key)).length,
});

/** Waits until `done` holds or `deadline` (ms since the epoch) passes. */
const until = async (done: () => boolean, deadline: number): Promise<void> => {
  while (!done() && Date.now() < deadline) await sleep(20);
};

/**
 * The pager under a storm: `services` services, each with its own level-1 email target and level-2 SMS target,
 * all raise an alert at once. From the first raise to the last level-1 target's email reaching an SMTP sink, with
 * the number of messages each target got; then, nobody acknowledging, how late each acknowledgement deadline
 * fired (its `AcknowledgementTimedOut` as JetStream stored it) against in-process `setTimeout`s due at the same times.
 */
export const pagerBench = async (options: PagerOptions): Promise<BenchSection> => {
  const bundleMs = options.bundleMs ?? PAGER_BUNDLE_MS.fallback;
  const smtp = await SmtpSink.start();
  const sms = await HttpReceiver.start();
  const stack = await BenchStack.start({
    SMTP_URL: smtp.url,
    SMTP_FROM: 'pager@example.com',
    SMS_WEBHOOK_URL: `${sms.url}/messages`,
    ...(options.bundleMs === undefined ? {} : { PAGER_BUNDLE_MS: String(options.bundleMs) }),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
  });
  try {
    const indexes = Array.from({ length: options.services }, (_, index) => index);
    const put = (path: string, data: unknown): Promise<Response> =>
      fetch(`${stack.baseUrl}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data }) });
    const policiesStarted = Date.now();
    const policies = await inLanes(options.services, options.connections, (index) =>
      put('/mutation/set-escalation-policy', {
        service: { id: serviceOf(index) },
        ackTimeoutSeconds: options.ackTimeoutSeconds,
        repeat: 0,
        levels: [{ targets: [{ email: emailOf(index) }] }, { targets: [{ sms: phoneOf(index) }] }],
      }),
    );
    const policyFailures = policies.filter((status) => status !== 201).length;
    if (policyFailures > 0) throw new Error(`${policyFailures} escalation policies were not set`);
    const policiesPerSecond = round(options.services / ((Date.now() - policiesStarted) / 1_000), 0);

    const floor = new TimeoutFloor();
    const watch = await EscalationWatch.start(stack.natsUrl, options.ackTimeoutSeconds, (dueAt) => floor.at(dueAt));
    const cpuBefore = cpuSeconds(stack.appPid);
    const natsCpuBefore = cpuSeconds(stack.natsPid);
    const raisedAt: number[] = [];
    const firstRaise = Date.now();
    const raised = await inLanes(options.services, options.connections, (index) => {
      raisedAt[index] = Date.now();
      return put('/mutation/raise-alert', { service: { id: serviceOf(index) }, message: `${serviceOf(index)} answers 500` });
    });
    const raiseSeconds = (Date.now() - firstRaise) / 1_000;
    const alerting = indexes.filter((index) => raised[index] === 201);

    const lastDeadline = Date.now() + 2 * options.ackTimeoutSeconds * 1_000;
    await until(() => new Set(smtp.received.flatMap(({ to }) => to)).size >= alerting.length, lastDeadline + 120_000);
    await until(() => watch.exhaustedSoFar >= alerting.length && sms.at('/messages').length >= alerting.length, lastDeadline + 120_000);
    const cpu = round(cpuSeconds(stack.appPid) - cpuBefore, 1);
    const natsCpu = round(cpuSeconds(stack.natsPid) - natsCpuBefore, 1);
    const window = round((Date.now() - firstRaise) / 1_000, 0);
    // A duplicate would come after the first message: a retry's backoff, or a message sent again by a redelivery.
    await sleep(bundleMs + 5_000);
    const metrics = await (await fetch(`${stack.baseUrl}/metrics`)).text();
    const escalations = await watch.stop();
    const setTimeoutFloor = await floor.summary();

    const emailsPerAddress = tally(smtp.received.flatMap(({ to }) => to));
    const firstEmailAt = new Map<string, number>();
    for (const { to, at } of smtp.received) for (const address of to) if (!firstEmailAt.has(address)) firstEmailAt.set(address, at);
    const notifiedAt = alerting.map((index) => firstEmailAt.get(emailOf(index)) ?? Number.NaN);
    const allNotifiedSeconds = round((Math.max(...notifiedAt) - firstRaise) / 1_000, 2);
    const measured = (samples: readonly number[]): number[] => samples.filter(Number.isFinite);
    const raiseToEmail = summarize(measured(alerting.map((index, at) => (notifiedAt[at] ?? Number.NaN) - raisedAt[index]!)));
    const pastWindow = summarize(measured(alerting.map((index, at) => (notifiedAt[at] ?? Number.NaN) - (escalations.levelOneNotifiedAt.get(serviceOf(index)) ?? Number.NaN) - bundleMs)));
    const emails = onceEach(emailsPerAddress, alerting.map(emailOf));
    const texts = sms.at('/messages');
    const textsPerPhone = tally(texts.map(({ body }) => (JSON.parse(body) as { to: string }).to));
    const smsOnce = onceEach(textsPerPhone, alerting.map(phoneOf));
    const levelTwo = onceEach(escalations.notified, alerting.map((index) => `${serviceOf(index)} 2`));
    const escalated = summarize(escalations.latenessByLevel.get(1) ?? []);
    const exhausted = summarize(escalations.latenessByLevel.get(2) ?? []);
    const ratio = (value: number, floorValue: number): number => round(value / Math.max(1, floorValue), 0);

    const figures = {
      ...options,
      bundleMs,
      policiesPerSecond,
      raiseSeconds: round(raiseSeconds, 2),
      raisedPerSecond: round(options.services / raiseSeconds, 0),
      raiseFailed: options.services - alerting.length,
      allLevelOneNotifiedSeconds: allNotifiedSeconds,
      raiseToEmailMs: raiseToEmail,
      pastBundleWindowMs: pastWindow,
      levelOneEmails: { sent: smtp.received.length, targets: alerting.length, ...emails, distinctMessageIds: new Set(smtp.received.map(({ messageId }) => messageId)).size },
      levelTwoTexts: { sent: texts.length, targets: alerting.length, ...smsOnce, distinctIdempotencyKeys: new Set(texts.map(({ headers }) => String(headers['idempotency-key']))).size },
      levelTwoNotified: levelTwo,
      escalationLatenessMs: escalated,
      exhaustionLatenessMs: exhausted,
      setTimeoutLatenessMs: setTimeoutFloor,
      ratioToFloor: { p50: ratio(escalated.p50, setTimeoutFloor.p50), p99: ratio(escalated.p99, setTimeoutFloor.p99) },
      timedOutBeforeDeadline: escalations.early,
      escalateTimers: timerStages(metrics, 'escalate'),
      closeBundleTimers: timerStages(metrics, 'close-bundle'),
      escalationsExhausted: escalations.exhausted,
      appCpuSeconds: cpu,
      natsServerCpuSeconds: natsCpu,
      windowSeconds: window,
    };
    const triple = ({ p50, p99, max }: { p50: number; p99: number; max: number }): string => `${round(p50, 0)} / ${round(p99, 0)} / ${round(max, 0)}`;
    return {
      title: `Pager: ${options.services} services alerting at once`,
      command: 'npm run bench -- pager',
      figures,
      table: [
        ['measure', 'value'],
        [`set ${options.services} escalation policies (${options.connections} in flight)`, `${policiesPerSecond}/s`],
        [`raise ${options.services} alerts at once (${options.connections} in flight): answered within, failed`, `${figures.raiseSeconds} s (${figures.raisedPerSecond}/s), ${figures.raiseFailed}`],
        [`first raise to every level-1 target's email in the sink (PAGER_BUNDLE_MS ${bundleMs})`, `${allNotifiedSeconds} s`],
        ['a service\'s raise to its level-1 email p50 / p99 / max (ms)', triple(raiseToEmail)],
        ['… of which past the bundle window (level 1 notified + PAGER_BUNDLE_MS to the email) p50 / p99 / max (ms)', triple(pastWindow)],
        ['level-1 emails sent / targets; targets emailed once / more than once / never; distinct Message-IDs', `${figures.levelOneEmails.sent} / ${alerting.length}; ${emails.once} / ${emails.more} / ${emails.none}; ${figures.levelOneEmails.distinctMessageIds}`],
        ['level-2 texts sent / targets; targets texted once / more than once / never; distinct Idempotency-Keys', `${texts.length} / ${alerting.length}; ${smsOnce.once} / ${smsOnce.more} / ${smsOnce.none}; ${figures.levelTwoTexts.distinctIdempotencyKeys}`],
        ['level 2 notified (LevelNotified) once / more than once / never', `${levelTwo.once} / ${levelTwo.more} / ${levelTwo.none}`],
        [`escalation lateness, level 1 timed out (ackTimeoutSeconds ${options.ackTimeoutSeconds}) p50 / p99 / max (ms)`, triple(escalated)],
        ['exhaustion lateness, level 2 timed out p50 / p99 / max (ms)', triple(exhausted)],
        ['in-process setTimeout, the same due times p50 / p99 / max (ms)', triple(setTimeoutFloor)],
        ['escalation lateness ÷ floor, p50 / p99', `${figures.ratioToFloor.p50} / ${figures.ratioToFloor.p99}`],
        ['timeouts stored before their deadline', escalations.early],
        ['escalation timers, mean (ms): begun after their deadline / begun to decided and stored', `${figures.escalateTimers.begunLateMs} / ${figures.escalateTimers.decidedInMs}`],
        ['bundle-closing timers, mean (ms): begun after their closing time / begun to decided and stored', `${figures.closeBundleTimers.begunLateMs} / ${figures.closeBundleTimers.decidedInMs}`],
        ['CPU from the first raise to the last escalation exhausted: app / nats-server', `${cpu} s / ${natsCpu} s over ${window} s`],
      ],
      notes: [
        'One app process (dist/app/main.js) on a fresh nats-server (file storage, loopback); the SMTP sink, the SMS gateway\'s receiver, the load, the PAGER stream\'s reader and the floor\'s timers run in the bench process.',
        `A target's message gathers pages for PAGER_BUNDLE_MS (${bundleMs} ms here) from its level's notification before it is sent: that window is part of the time until notified by design.`,
        'A timeout\'s lateness runs from its deadline (the AcknowledgementTimedOut\'s at) to the JetStream timestamp of the message storing it; level 2\'s deadline is level 1\'s plus ackTimeoutSeconds, however late level 1 fired. The floor\'s lateness is rounded to whole ms; the ratio takes a floor under 1 ms as 1 ms.',
        'Messages are counted once every escalation was exhausted and then a bundle window and 5 s more, so a late duplicate is counted too.',
      ],
    };
  } finally {
    await stack.stop();
    await sms.stop();
    await smtp.stop();
  }
};
