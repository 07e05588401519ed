import { AckPolicy, DeliverPolicy, type ConsumerInfo } from '@nats-io/jetstream';
import type { NatsClient } from '@adapter/nats/nats.client';
import { checkpointKey, leaseKey, PROGRESS_BUCKET } from '@adapter/projection/view-buckets';
import { activeBucketOf } from '@adapter/projection/view-rebuild';
import type { StateViewSlice } from '@libs/event-model/board';
import { BOARDS } from '@app/boards';
import { JSON_FLAG, type CliCommand } from '../cli-command';
import { VIEWS } from '../cli-sources';

/** One reader of the stream and how far behind it is. */
interface ConsumerLag {
  readonly name: string;
  readonly kind: 'durable' | 'view';
  readonly filter: string;
  /** Messages of its subjects it has not handled yet. */
  readonly lag: number;
  /** Messages delivered and not acknowledged yet (durable consumers only). */
  readonly unacknowledged?: number;
  /** The stream sequence it has handled through: a view's checkpoint, a durable consumer's acknowledged floor. */
  readonly position: number;
  readonly detail: string;
}

/** The stream's durable consumers (the automations) and the views' projectors, each with its lag in messages. */
export const consumersCommand: CliCommand = {
  name: 'consumers',
  arguments: '',
  summary: 'the durable consumers (automations) and the view projectors, with their lag in messages',
  details:
    'Durable consumers (automation-*) show what JetStream counts for them: messages pending, delivered but not acknowledged,\n' +
    "redelivered. Views have no durable consumer: each is projected by one app instance (the holder of its lease) from its\n" +
    "checkpoint in the projectors bucket, so a view's lag is the number of messages of its subjects after that checkpoint.",
  example: 'npx nats-event-model consumers',
  flags: [JSON_FLAG],
  positionals: { min: 0, max: 0 },
  run: async ({ out, nats }, args) => {
    const client = await nats();
    const rows: ConsumerLag[] = [];
    for (const stream of BOARDS.flatMap(({ streams }) => streams)) {
      for await (const info of client.jsm.consumers.list(stream.name)) if (info.config.durable_name) rows.push(durable(info));
    }
    for (const view of VIEWS) rows.push(await projector(client, view));
    rows.sort((left, right) => left.name.localeCompare(right.name));
    if (args.flags.has('json')) {
      for (const row of rows) out.json(row);
      return;
    }
    out.table(
      ['CONSUMER', 'KIND', 'SUBJECTS', 'LAG', 'UNACKED', 'POSITION', 'DETAIL'],
      rows.map((row) => [row.name, row.kind, row.filter, String(row.lag), row.unacknowledged === undefined ? '-' : String(row.unacknowledged), String(row.position), row.detail]),
    );
  },
};

const durable = (info: ConsumerInfo): ConsumerLag => ({
  name: info.name,
  kind: 'durable',
  filter: info.config.filter_subject ?? '>',
  lag: info.num_pending,
  unacknowledged: info.num_ack_pending,
  position: info.ack_floor.stream_seq,
  detail: `redelivered ${info.num_redelivered}`,
});

const projector = async (nats: NatsClient, view: StateViewSlice): Promise<ConsumerLag> => {
  const progress = await nats.kvm.open(PROGRESS_BUCKET);
  const active = await activeBucketOf(nats, view.name);
  const checkpoint = Number((await progress.get(checkpointKey(view.name, active.bucket)))?.string() || 0);
  const lease = await progress.get(leaseKey(view.name));
  const holder = lease?.operation === 'PUT' ? `held by ${lease.string().slice(0, 8)}` : 'no holder';
  return {
    name: `view-${view.name}`,
    kind: 'view',
    filter: view.subjects,
    lag: await messagesAfter(nats, view.stream.name, view.subjects, checkpoint),
    position: checkpoint,
    detail: `bucket ${active.bucket}, ${holder}`,
  };
};

/** How many messages of `filter` the stream holds after `sequence`: the pending count of a consumer made to ask, then removed. */
const messagesAfter = async (nats: NatsClient, stream: string, filter: string, sequence: number): Promise<number> => {
  const info = await nats.jsm.consumers.add(stream, {
    ack_policy: AckPolicy.None,
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: sequence + 1,
    filter_subject: filter,
    mem_storage: true,
    num_replicas: 1,
    inactive_threshold: 5_000_000_000,
  });
  await nats.jsm.consumers.delete(stream, info.name).catch(() => undefined);
  return info.num_pending;
};
