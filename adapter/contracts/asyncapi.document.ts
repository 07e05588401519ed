import type { OpenAPIObject } from '@nestjs/swagger';
import { isAutomation, isEffect, isProcess, isStateView, isTimer, sourceOf, type Board, type Slice } from '@libs/event-model/board';
import type { JsonSchema } from '@libs/event-model/event-contract';
import type { EventStreamDefinition, StreamEntity } from '@libs/event-model/event-stream';
import { batchMessageName, eventComponents } from './asyncapi.events';
import { commandComponents, deadLetterChannel, type DeadLetterSource } from './asyncapi.requests';

/** What the AsyncAPI document is generated from: the boards' declarations and streams, and the HTTP API's schemas. */
export interface AsyncApiSources {
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly server: { readonly host: string; readonly description: string };
  readonly boards: readonly Board[];
  readonly deadLetter: DeadLetterSource;
  /** A NATS command takes the body of its HTTP route and answers its reply: their schemas are the OpenAPI document's. */
  readonly openApi: OpenAPIObject;
}

type Channel = { address: string | null; title?: string; description?: string; parameters?: object; messages: Record<string, { $ref: string }> };
type Operation = { action: 'send' | 'receive'; channel: { $ref: string }; title: string; summary: string; messages: { $ref: string }[]; reply?: object };

const channelId = (stream: EventStreamDefinition, entity: StreamEntity): string => `${stream.name}_${entity.name}`;
const messageRefs = (channel: string, names: readonly string[]): { $ref: string }[] => names.map((name) => ({ $ref: `#/channels/${channel}/messages/${name}` }));

/** The entity channels of a stream: one per kind of entity, its subject template as address, its events (and the batch, where several) as messages. */
const entityChannels = (stream: EventStreamDefinition): Record<string, Channel> =>
  Object.fromEntries(
    stream.entities.map((entity) => [
      channelId(stream, entity),
      {
        address: entity.subject,
        title: `${stream.name} ${entity.name}`,
        description: `${entity.description} Stored in the JetStream stream \`${stream.name}\`.`,
        parameters: Object.fromEntries(Object.entries(entity.params).map(([name, description]) => [name, { description }])),
        messages: Object.fromEntries(
          [...entity.eventTypes, ...(entity.eventTypes.length > 1 ? [batchMessageName(stream)] : [])].map((name) => [name, { $ref: `#/components/messages/${name}` }]),
        ),
      },
    ]),
  );

/** Operations on streams' entity channels: which events a slice stores (send) and which it reads (receive), on the streams they are on. */
const eventOperations = (slice: Slice): Record<string, Operation> => {
  const operations: Record<string, Operation> = {};
  const add = (verb: 'stores' | 'reads', events: readonly string[], summary: string, stream: EventStreamDefinition): void => {
    for (const entity of stream.entities) {
      const mine = entity.eventTypes.filter((type) => events.includes(type));
      if (mine.length === 0) continue;
      const channel = channelId(stream, entity);
      const batch = verb === 'stores' && mine.length > 1 ? [batchMessageName(stream)] : [];
      operations[`${slice.name}_${verb}_${entity.name}`] = {
        action: verb === 'stores' ? 'send' : 'receive',
        channel: { $ref: `#/channels/${channel}` },
        title: `${slice.title}: ${verb} ${mine.join(', ')}`,
        summary,
        messages: messageRefs(channel, [...mine, ...batch]),
      };
    }
  };
  if (isStateView(slice)) {
    add('reads', slice.events, `The state view ${slice.view.name} folds these events into its KV bucket.`, slice.stream);
    return operations;
  }
  const source = sourceOf(slice);
  if (isAutomation(slice)) add('reads', slice.reactsTo, `${slice.actor} reacts with ${slice.command.name}, on its own durable consumer.`, source);
  if (isTimer(slice)) add('reads', slice.reactsTo, `They set or clear the timers of ${slice.name}; a due timer decides ${slice.command.name}.`, source);
  if (isEffect(slice)) add('reads', slice.reactsTo, `${slice.actor} is reached through ${slice.sender.name}; the outcome is recorded with ${slice.command.name}.`, source);
  if (isProcess(slice)) {
    add('reads', slice.reactsTo, `${slice.actor} reads its process's state, carries out ${slice.step.command.name} on each item left to do and records ${slice.command.name}.`, source);
    add('stores', slice.step.via.events, `${slice.step.command.name} decided by ${slice.actor}: ${slice.step.via.events.join(', ')}.`, slice.step.via.stream);
  }
  add('stores', slice.events, `${slice.command.name} decided: ${slice.events.join(', ')}.`, slice.stream);
  return operations;
};

/** The AsyncAPI 3.0 document of the app's boards: channels = subjects, operations = slices, messages = CloudEvents with their data's JSON Schema. */
export const asyncApiDocument = (sources: AsyncApiSources): Record<string, unknown> => {
  const { boards } = sources;
  const streams = boards.flatMap((board) => board.streams.map((stream) => ({ board, stream })));
  const events = streams.map(({ board, stream }) => eventComponents(board, stream));
  const commands = commandComponents(boards, sources.openApi);
  const deadLetter = deadLetterChannel(boards, sources.deadLetter);
  return {
    asyncapi: '3.0.0',
    info: { ...sources.info },
    defaultContentType: 'application/json',
    servers: { nats: { host: sources.server.host, protocol: 'nats', description: sources.server.description } },
    channels: { ...Object.assign({}, ...streams.map(({ stream }) => entityChannels(stream))), ...commands.channels, ...deadLetter.channels },
    operations: {
      ...Object.assign({}, ...boards.flatMap(({ slices }) => slices).map((slice) => eventOperations(slice))),
      ...commands.operations,
      ...deadLetter.operations,
    },
    components: {
      schemas: { ...Object.assign({}, ...events.map(({ schemas }) => schemas)), ...commands.schemas } as Record<string, JsonSchema>,
      messages: { ...(Object.assign({}, ...events.map(({ messages }) => messages)) as Record<string, unknown>), ...commands.messages, ...deadLetter.messages },
    },
  };
};
