import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstreamManager, StorageType, type JetStreamManager } from '@nats-io/jetstream';
import { NatsServerProcess } from '@libs/nats-server/nats-server.process';

export interface NatsClusterOptions {
  /** Members of the cluster (3 unless told). */
  readonly size?: number;
  readonly name?: string;
  /** Longest wait for a meta leader, a stream leader or a restarted node. */
  readonly timeoutMs?: number;
}

/**
 * A JetStream cluster of `nats-server`s on 127.0.0.1, each with its own client and route port and
 * temp store, routed to each other. Nodes are numbered from 0; a killed node starts again on the
 * same ports and storage. It keeps its own connection to the cluster to ask who leads what.
 */
export class NatsCluster {
  private constructor(
    readonly nodes: readonly NatsServerProcess[],
    private readonly names: readonly string[],
    private readonly storeRoot: string,
    private readonly observer: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly timeoutMs: number,
  ) {}

  static async start(options: NatsClusterOptions = {}): Promise<NatsCluster> {
    const size = options.size ?? 3;
    const clusterName = options.name ?? 'test-cluster';
    const timeoutMs = options.timeoutMs ?? 60_000;
    const storeRoot = await mkdtemp(join(tmpdir(), 'nats-cluster-'));
    const ports = await freePorts(2 * size);
    const clientPorts = ports.slice(0, size);
    const routePorts = ports.slice(size);
    const names = clientPorts.map((_, index) => `${clusterName}-n${index}`);
    const routeUrl = (index: number): string => `nats://127.0.0.1:${routePorts[index]}`;
    const nodes = names.map(
      (name, index) =>
        new NatsServerProcess({
          storeDir: join(storeRoot, name),
          port: clientPorts[index],
          name,
          startTimeoutMs: timeoutMs,
          args: [
            '--cluster_name', clusterName,
            '--cluster', routeUrl(index),
            '--routes', names.map((_, other) => other).filter((other) => other !== index).map(routeUrl).join(','),
          ],
        }),
    );
    try {
      await Promise.all(nodes.map((node) => node.start()));
      const servers = nodes.map((node) => node.url);
      const observer = await connect({ servers, name: 'cluster-observer', maxReconnectAttempts: -1, reconnectTimeWait: 100 });
      const jsm = await jetstreamManager(observer, { timeout: 1_000, checkAPI: false });
      const cluster = new NatsCluster(nodes, names, storeRoot, observer, jsm, timeoutMs);
      await cluster.readyForPlacement().catch(async (error: unknown) => {
        await observer.close();
        throw error;
      });
      return cluster;
    } catch (error) {
      await Promise.all(nodes.map((node) => node.kill()));
      await rm(storeRoot, { recursive: true, force: true });
      throw error;
    }
  }

  /** The client URLs of every node, comma-separated, as `NATS_URL` takes them. */
  get urls(): string {
    return this.nodes.map((node) => node.url).join(',');
  }

  /** Crashes a node (SIGKILL): nothing is flushed beyond what it already wrote. */
  async kill(node: number): Promise<void> {
    await this.node(node).kill();
  }

  /** Starts a killed or stopped node again, on its ports and storage. */
  async start(node: number): Promise<void> {
    await this.node(node).start();
  }

  /** Waits until JetStream has a meta leader: before that, no stream can be created or looked up. */
  async metaLeader(): Promise<void> {
    await this.poll('a JetStream meta leader', async () => {
      await this.jsm.getAccountInfo();
      return true;
    });
  }

  /**
   * Waits until JetStream can place a stream replicated on every node, by placing one. A meta leader is
   * elected as soon as a majority of the nodes see each other, but it places a replicated stream only on
   * peers it has heard from since: until the last node has reported in, creating a stream fails with
   * "no suitable peers for placement" (on a busy machine, for seconds after the leader is known).
   */
  async readyForPlacement(): Promise<void> {
    await this.metaLeader();
    const probe = { name: 'PLACEMENT_PROBE', subjects: ['placement-probe.>'], num_replicas: this.nodes.length, storage: StorageType.Memory };
    await this.poll(`a JetStream able to place a stream on all ${this.nodes.length} nodes`, async () => {
      await this.jsm.streams.delete(probe.name).catch(() => false);
      await this.jsm.streams.add(probe);
      await this.jsm.streams.delete(probe.name);
      return true;
    });
  }

  /** The node leading a stream, once the stream has a leader (waits through an election). */
  async leaderOf(stream: string): Promise<number> {
    return this.poll(`a leader of stream ${stream}`, async () => {
      const leader = (await this.jsm.streams.info(stream)).cluster?.leader;
      const node = leader === undefined ? -1 : this.names.indexOf(leader);
      return node >= 0 && this.node(node).running ? node : undefined;
    });
  }

  /** Waits until every node runs, JetStream has a meta leader, and each stream has a leader and all its replicas current. */
  async whole(streams: readonly string[]): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.start()));
    await this.metaLeader();
    for (const stream of streams) {
      await this.poll(`stream ${stream} with every replica current`, async () => {
        const cluster = (await this.jsm.streams.info(stream)).cluster;
        const replicas = cluster?.replicas ?? [];
        return cluster?.leader && replicas.length === this.nodes.length - 1 && replicas.every(({ current, offline }) => current && !offline) ? true : undefined;
      });
    }
  }

  /** The number of the node with this server name, as a client's connection reports it. */
  nodeNamed(serverName: string | undefined): number {
    const node = serverName === undefined ? -1 : this.names.indexOf(serverName);
    if (node < 0) throw new RangeError(`no node of the cluster is named ${String(serverName)}`);
    return node;
  }

  /** Stops every node and removes their storage. */
  async dispose(): Promise<void> {
    await this.observer.close().catch(() => undefined);
    await Promise.all(this.nodes.map((node) => node.stop()));
    await rm(this.storeRoot, { recursive: true, force: true });
  }

  private node(index: number): NatsServerProcess {
    const node = this.nodes[index];
    if (!node) throw new RangeError(`the cluster has no node ${index}`);
    return node;
  }

  private async poll<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + this.timeoutMs;
    let last: unknown;
    for (;;) {
      try {
        const found = await probe();
        if (found !== undefined) return found;
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) throw new Error(`the cluster had no ${what} within ${this.timeoutMs} ms`, { cause: last });
      await sleep(100);
    }
  }
}

/** Ports the OS hands out as free right now, all distinct. */
const freePorts = async (count: number): Promise<number[]> => {
  const listeners = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const listener = createServer();
          listener.once('error', reject);
          listener.listen(0, '127.0.0.1', () => resolve(listener));
        }),
    ),
  );
  const ports = listeners.map((listener) => {
    const address = listener.address();
    if (address === null || typeof address === 'string') throw new Error('a free port could not be found');
    return address.port;
  });
  await Promise.all(listeners.map((listener) => new Promise((resolve) => listener.close(resolve))));
  return ports;
};
