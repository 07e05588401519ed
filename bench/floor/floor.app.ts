import 'reflect-metadata';
import { Body, Controller, HttpCode, Inject, Module, Put } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { jetstream, jetstreamManager, StorageType, type JetStreamClient } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

/**
 * The floor under the command path: a bare NestJS 11 app on Fastify whose only endpoint does one
 * awaited JetStream publish of the request's body, on file storage; and, for commands over NATS, a
 * bare request/reply service (on FLOOR_COMMAND_SUBJECT) doing the same publish and answering its
 * sequence. Run as its own process by floor-stack.ts (NATS_URL, PORT), so that it has the CPU the
 * real app would have.
 */
const JETSTREAM = Symbol('JetStreamClient');
const FLOOR_STREAM = 'FLOOR';

@Controller()
class FloorController {
  // One subject per request, as the command path writes one subject per room-day.
  private next = 0;

  // @Inject is explicit: tsx (esbuild) emits no design-time types for Nest to read.
  constructor(@Inject(JETSTREAM) private readonly js: JetStreamClient) {}

  @Put('floor')
  @HttpCode(201)
  async put(@Body() body: unknown): Promise<{ sequence: number }> {
    const ack = await this.js.publish(`floor.${this.next++}`, JSON.stringify(body));
    return { sequence: ack.seq };
  }
}

const main = async (): Promise<void> => {
  // As the app connects: no async stack traces built for every request.
  const nc = await connect({ servers: process.env.NATS_URL, noAsyncTraces: true });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: FLOOR_STREAM, subjects: ['floor.>'], storage: StorageType.File });

  const js = jetstream(nc);
  let next = 0;
  nc.subscribe(process.env.FLOOR_COMMAND_SUBJECT ?? 'cmd.floor', {
    queue: 'floor',
    callback: (_error, message) => {
      js.publish(`floor.nats.${next++}`, message.data).then(
        (ack) => message.respond(JSON.stringify({ sequence: ack.seq })),
        (error: unknown) => message.respond(JSON.stringify({ error: String(error) })),
      );
    },
  });

  @Module({ controllers: [FloorController], providers: [{ provide: JETSTREAM, useValue: js }] })
  class FloorModule {}

  const app = await NestFactory.create<NestFastifyApplication>(FloorModule, new FastifyAdapter(), { logger: ['warn', 'error'] });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  const shutdown = async (): Promise<void> => {
    await app.close();
    await nc.drain();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
};

main().catch((error: unknown) => {
  process.stderr.write(`floor app failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
