import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect } from '@nats-io/transport-node';
import { RequestError, TimeoutError, type NatsConnection } from '@nats-io/nats-core';
import { jetstreamManager, type JetStreamManager, type StoredMsg } from '@nats-io/jetstream';
import { startNatsTestServer, type NatsTestServer } from '@libs/testing/nats-test-server';
import type { Message } from '@libs/decider/decider';
import type { AutomationSlice, StateViewSlice } from '@libs/event-model/board';
import { loadConfig, type AppConfig } from '@adapter/config/app.config';
import type { DurableConsumer } from '@adapter/consumer/durable-consumer';
import { BoardAutomations } from '@adapter/runtime/board-automations';
import { BoardViews } from '@adapter/runtime/board-views';
import type { ViewRunner } from '@adapter/runtime/view.runner';
import { createApp } from '@app/app.factory';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, unknown>;
  readonly body: Record<string, unknown>;
}

/** The whole app on a nats-server of its own, driven over HTTP without a socket, plus a raw look at the streams. */
export class AppHarness {
  private constructor(
    readonly nats: NatsTestServer,
    public app: NestFastifyApplication,
    readonly observer: NatsConnection,
    readonly jsm: JetStreamManager,
    private readonly overrides: Partial<AppConfig>,
  ) {}

  static async start(overrides: Partial<AppConfig> = {}): Promise<AppHarness> {
    const nats = await startNatsTestServer();
    const app = await AppHarness.createApp(nats.url, overrides);
    const observer = await connect({ servers: nats.url, maxReconnectAttempts: -1, reconnectTimeWait: 100 });
    return new AppHarness(nats, app, observer, await jetstreamManager(observer), overrides);
  }

  private static createApp(url: string, overrides: Partial<AppConfig>): Promise<NestFastifyApplication> {
    return createApp({ ...loadConfig({}), logLevel: 'error', seedDemo: true, ...overrides, natsUrl: url });
  }

  /** Stops the app and starts a new instance on the same NATS. */
  async restartApp(): Promise<void> {
    await this.app.close();
    this.app = await AppHarness.createApp(this.nats.url, this.overrides);
  }

  /** The running view of a view slice: its projector and its queries. */
  view<E extends Message<string, unknown>, D>(slice: StateViewSlice<E, D>): ViewRunner<E, D> {
    return this.app.get(BoardViews).of(slice);
  }

  /** The durable consumer of an automation slice. */
  automation(slice: AutomationSlice): DurableConsumer<Message<string, unknown>> {
    const runner = this.app.get(BoardAutomations).all.find(({ consumer }) => consumer.name === `automation-${slice.name}`);
    if (!runner) throw new Error(`the app runs no automation ${slice.name}`);
    return runner.consumer;
  }

  /** Makes the app listen on a free loopback port, for clients that need a socket (websockets, browsers); returns its base URL. */
  async listen(): Promise<string> {
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    const address = this.app.getHttpServer().address();
    if (address === null || typeof address === 'string') throw new Error(`the app listens on ${String(address)}, not on a TCP port`);
    return `http://127.0.0.1:${address.port}`;
  }

  put(path: string, payload: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    return this.send('PUT', path, payload, headers);
  }

  post(path: string, payload: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    return this.send('POST', path, payload, headers);
  }

  async delete(path: string): Promise<HttpAnswer> {
    const response = await this.app.inject({ method: 'DELETE', url: path });
    return { status: response.statusCode, headers: response.headers, body: parse(response.body) };
  }

  private async send(method: 'PUT' | 'POST', path: string, payload: unknown, headers: Record<string, string>): Promise<HttpAnswer> {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const response = await this.app.inject({ method, url: path, payload: body, headers: { 'content-type': 'application/json', ...headers } });
    return { status: response.statusCode, headers: response.headers, body: parse(response.body) };
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const response = await this.app.inject({ method: 'GET', url: path, headers });
    return { status: response.statusCode, headers: response.headers, body: parse(response.body) };
  }

  /** Polls a GET until `accept` holds; for views fed asynchronously by automations. */
  async eventually(path: string, accept: (answer: HttpAnswer) => boolean, timeoutMs = 25_000): Promise<HttpAnswer> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await this.get(path);
      if (accept(answer)) return answer;
      if (Date.now() > deadline) throw new Error(`${path} never satisfied the expectation; last answer ${JSON.stringify(answer)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Every message stored on a subject, read straight from the stream. */
  async messages(stream: string, subject: string): Promise<StoredMsg[]> {
    const found: StoredMsg[] = [];
    let sequence = 0;
    for (;;) {
      const message = await retryTransient(() => this.jsm.direct.getMessage(stream, { seq: sequence + 1, next_by_subj: subject }));
      if (!message) return found;
      found.push(message);
      sequence = message.seq;
    }
  }

  /** Waits until the observer's connection is up again, after a nats-server restart. */
  async settle(): Promise<void> {
    await retryTransient(() => this.observer.flush());
  }

  async lastSequence(stream: string): Promise<number> {
    return (await retryTransient(() => this.jsm.streams.info(stream))).state.last_seq;
  }

  async dispose(): Promise<void> {
    await this.app.close().catch(() => undefined);
    await this.observer.close();
    await this.nats.dispose();
  }
}

/**
 * Right after a nats-server restart, JetStream may time out or have no responders for a moment, and
 * a request still in flight when the observer reconnects is rejected as "connection disconnected".
 */
const retryTransient = async <T>(read: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      const transient = error instanceof TimeoutError || error instanceof RequestError || (error instanceof Error && error.name === 'JetStreamNotEnabled');
      if (!transient || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
};

const parse = (text: string): Record<string, unknown> => {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { text };
  }
};
