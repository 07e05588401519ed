import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTransport } from 'nodemailer';
import { inLanes } from './lanes';
import { round, summarize, type LatencySummary } from './stats';

export interface DeliveryFloorOptions {
  /** The SMTP server and the webhook the notifications went to. */
  readonly smtpUrl: string;
  readonly from: string;
  readonly webhookUrl: string;
  /** Deliveries at a fixed rate, timed one by one. */
  readonly paced: number;
  readonly perSecond: number;
  /** Deliveries with `connections` in flight, for the rate. */
  readonly burst: number;
  readonly connections: number;
}

export interface DeliveryFloor {
  /** From starting a delivery to both its email and its POST answered, at the fixed rate. */
  readonly latencyMs: LatencySummary;
  /** Deliveries per second with `connections` in flight (0 when no burst was asked for). */
  readonly perSecond: number;
  /** The bench process's CPU over both, in seconds: the client and the doubles it delivers to. */
  readonly cpuSeconds: number;
}

/**
 * The floor of a notification on two channels: the bench process itself sends one email with nodemailer to the same
 * SMTP server (a connection per email, as the app's sender does) and one JSON POST to the same webhook, both at
 * once, with the same `Message-ID` and `Idempotency-Key` shape. No stream, no decision, no retry bookkeeping: what
 * the subsystem's pipeline adds to.
 */
export const deliveryFloor = async (options: DeliveryFloorOptions): Promise<DeliveryFloor> => {
  const transport = createTransport({ url: options.smtpUrl });
  const domain = options.from.split('@').at(-1) ?? 'localhost';
  const deliver = async (key: string): Promise<void> => {
    const [, posted] = await Promise.all([
      transport.sendMail({ from: options.from, to: `${key}@example.com`, subject: `Floor ${key}`, text: 'The floor of a notification.', messageId: `<${key}@${domain}>` }),
      fetch(options.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify({ text: `*Floor ${key}*\nThe floor of a notification.` }) }),
    ]);
    await posted.arrayBuffer();
    if (!posted.ok) throw new Error(`the webhook answered the floor's POST ${key} with ${posted.status}`);
  };
  const cpuBefore = process.cpuUsage();
  try {
    const latencies: number[] = [];
    const start = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let index = 0; index < options.paced; index++) {
      const wait = start + (index * 1_000) / options.perSecond - performance.now();
      if (wait > 0) await sleep(wait);
      const started = performance.now();
      inFlight.push(deliver(`floor-paced-${index}`).then(() => void latencies.push(performance.now() - started)));
    }
    await Promise.all(inFlight);

    const burstStarted = performance.now();
    await inLanes(Array.from({ length: options.burst }, (_, index) => `floor-burst-${index}`), options.connections, deliver);
    const burstSeconds = (performance.now() - burstStarted) / 1_000;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      latencyMs: summarize(latencies),
      perSecond: options.burst === 0 ? 0 : round(options.burst / burstSeconds, 0),
      cpuSeconds: round((cpu.user + cpu.system) / 1e6, 1),
    };
  } finally {
    transport.close();
  }
};
