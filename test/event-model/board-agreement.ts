import { join } from 'node:path';
import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import type { Message } from '@libs/decider/decider';
import { describeTrigger, eventsStoredBy, settingDefaults, sourceOf, type AutomationSlice, type Board, type Slice, type StateViewSlice, type TimerSlice, type Trigger } from '@libs/event-model/board';
import { testMetadata } from '@libs/testing/given-when-then';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';
import type { SliceSources } from './slice-code';

/** A module's exports, loaded the way the test runner loads code (`jest.requireActual`). */
export type Exports = Record<string, unknown>;
export type Load = (path: string) => Exports;

/**
 * Where a board's declarations and the code of its slices disagree, one sentence each; none when
 * they agree. The code is read, not trusted: deciders by the types their `decide` returns,
 * projections and reactors by feeding them one event of every type, triggers by the routes and
 * subjects the slice's controller serves, rules by the titles of the slice's specs.
 */
export const boardDisagreements = (board: Board, sources: SliceSources, load: Load): string[] => {
  const root = sources.root;
  const found: string[] = [];
  const declared = new Set(board.slices.map(({ name }) => name));
  for (const folder of sources.sliceFolders(board.name)) {
    if (!declared.has(folder)) found.push(`feature/${board.name}/${folder} holds a slice that the ${board.name} board does not declare`);
  }
  for (const stream of board.streams) {
    for (const type of stream.eventTypes) {
      if (!board.slices.some((slice) => slice.stream === stream && eventsStoredBy(slice).includes(type))) found.push(`${stream.name} event ${type} is stored by no declared slice`);
    }
  }
  for (const slice of board.slices) {
    const stream = slice.stream;
    if (!board.streams.includes(stream)) {
      found.push(`${slice.name} names stream ${stream.name}, which the board does not have`);
      continue;
    }
    const folder = join(root, 'feature', board.name, slice.name);
    found.push(...sameList(`${slice.name}'s rules`, slice.rules, sources.specTitles(board.name, slice.name), 'its spec titles'));
    found.push(...sameSet(`${slice.name}'s events`, slice.events, stream.eventTypes, `the ${stream.name} stream's event types`, true));
    if (slice.kind !== 'state-view') {
      found.push(...sameSet(`${slice.name}'s declared events`, eventsStoredBy(slice), sources.decidedEventTypes(board.name, slice.name) ?? [], 'what its decider decides'));
    }
    found.push(...triggerDisagreements(board, slice, folder, load));
    if (slice.kind === 'state-view') found.push(...viewDisagreements(slice, stream));
    if (slice.kind === 'automation') found.push(...automationDisagreements(slice, sourceOf(slice)));
    if (slice.kind === 'timer') found.push(...timerDisagreements(slice, stream));
  }
  return found;
};

/** A slice reached from outside has a controller in its folder, listed by the board, serving exactly its triggers. */
const triggerDisagreements = (board: Board, slice: Slice, folder: string, load: Load): string[] => {
  const triggers = declaredTriggers(slice);
  if (triggers.length === 0) return [];
  const controller = sliceController(load(join(folder, `${slice.name}.controller`)));
  if (!controller) return [`feature/${board.name}/${slice.name}/${slice.name}.controller.ts exports no controller`];
  return [
    ...(board.controllers.includes(controller) ? [] : [`${controller.name} is not among the ${board.name} board's controllers`]),
    ...sameSet(`${slice.name}'s triggers`, triggers.map(describeTrigger), servedTriggers(controller).map(describeTrigger), 'what its controller serves'),
  ];
};

const viewDisagreements = (slice: StateViewSlice, stream: EventStreamDefinition): string[] => {
  const { projection } = slice;
  const fed = stream.eventTypes.filter((type) => projection.keyOf(sampleEvent(stream, type)) !== undefined);
  return [
    ...(projection.name === slice.view.name ? [] : [`${slice.name} declares view ${slice.view.name}, but its projection is named ${projection.name}`]),
    ...sameSet(`${slice.name}'s view events`, slice.events, fed, 'the events its projection takes'),
  ];
};

const automationDisagreements = (slice: AutomationSlice, stream: EventStreamDefinition): string[] => {
  const reactions = stream.eventTypes.map((type) => ({ type, commands: slice.react({ event: sampleEvent(stream, type), metadata: testMetadata(1) }, settingDefaults(slice.settings)) as readonly Message<string, unknown>[] }));
  const commands = [...new Set(reactions.flatMap(({ commands }) => commands.map(({ type }) => type)))];
  return [
    ...sameSet(`${slice.name}'s triggering events`, slice.reactsTo, reactions.filter(({ commands }) => commands.length > 0).map(({ type }) => type), 'the events its reactor answers'),
    ...sameSet(`${slice.name}'s command`, [slice.command.name], commands, 'the commands its reactor asks for'),
  ];
};

const timerDisagreements = (slice: TimerSlice, stream: EventStreamDefinition): string[] => {
  const setting = stream.eventTypes.filter((type) => slice.timers({ event: sampleEvent(stream, type), metadata: testMetadata(1) }).length > 0);
  return sameSet(`${slice.name}'s triggering events`, slice.reactsTo, setting, 'the events its timing answers');
};

const declaredTriggers = (slice: Slice): readonly Trigger[] => (slice.kind === 'state-change' ? slice.triggers : slice.kind === 'state-view' ? slice.queries : []);

/** The HTTP routes and the NATS message patterns of a controller. */
const servedTriggers = (controller: Type): Trigger[] => {
  const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype)
    .filter((method) => method !== 'constructor')
    .flatMap((method): Trigger[] => {
      const handler = prototype[method];
      if (typeof handler !== 'function') return [];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const patterns = (Reflect.getMetadata(PATTERN_METADATA, handler) ?? []) as unknown[];
      const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] as 'GET' | 'PUT' | 'POST' | 'DELETE';
      return [
        ...(path === undefined ? [] : [{ kind: 'http' as const, method: verb, path: `/${[prefix, path].map((part) => part.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}` }]),
        ...patterns.filter((pattern): pattern is string => typeof pattern === 'string').map((subject) => ({ kind: 'nats' as const, subject })),
      ];
    });
};

const sliceController = (exported: Exports): Type | undefined =>
  Object.values(exported).find((value): value is Type => typeof value === 'function' && Reflect.getMetadataKeys(value).includes(PATH_METADATA));

/** One event of a type, with its contract's example as data, for probing projections and reactors. */
export const sampleEvent = (stream: EventStreamDefinition, type: string): Message<string, unknown> => ({
  type,
  data: stream.contracts?.[type]?.example ?? {},
});

const sameList = (what: string, declared: readonly string[], actual: readonly string[], source: string): string[] => {
  if (JSON.stringify(declared) === JSON.stringify(actual)) return [];
  const differences = sameSet(what, declared, actual, source);
  return differences.length > 0 ? differences : [`${what} are not in the order of ${source}`];
};

/** Differences between a declared set and what the code has; with `subset`, only declared values the code lacks. */
const sameSet = (what: string, declared: readonly string[], actual: readonly string[], source: string, subset = false): string[] => [
  ...declared.filter((value) => !actual.includes(value)).map((value) => `${what} list "${value}", which is not among ${source}`),
  ...(subset ? [] : actual.filter((value) => !declared.includes(value)).map((value) => `${source} include "${value}", which ${what} do not list`)),
];
