/**
 * Who runs which slice: a board may split its slices among roles (the front, an operation handler, a bot per
 * channel), each a process or a part of one that connects to NATS as its own user, so that what each may write and
 * read is a NATS permission derived from the slices it runs. Every slice a board does not give to a role, and every
 * view's projector, belongs to the app's own role (`app`).
 */
import type { Board, Slice, StateViewSlice } from './board';
import { sourceOf } from './board';
import type { EventStreamDefinition } from './event-stream';

/** A part of a board's system that runs apart from the rest, under its own NATS user. */
export interface Role {
  /** Unique across the app's boards; a subject token, since it names the role's NATS user and its inboxes (`_INBOX_<role>`). */
  readonly name: string;
  readonly description: string;
  /**
   * The slices it runs, by name: a state change's commands, an automation, a timer, an effect or a process; for a
   * state view, its queries (the view's projector is the app's).
   */
  readonly slices: readonly string[];
  /** Streams its slices read entities of besides their own (a decision's `EntityRead`, a query's). */
  readonly reads?: readonly EventStreamDefinition[];
}

/** The role of every slice no board gives to a role, and of every view's projector. */
export const APP_ROLE = 'app';

const ROLE_NAME = /^[a-z][a-z0-9-]{0,62}$/;

/** The app's own role, made of what the boards' roles leave to it. */
const appRole = (boards: readonly Board[]): Role => ({
  name: APP_ROLE,
  description: 'Everything no role runs: the slices of boards without roles, and every view\'s projector.',
  slices: boards.flatMap((board) => board.slices.filter((slice) => slice.kind === 'state-view' || !roleClaiming(board, slice)).map(({ name }) => name)),
});

const roleClaiming = (board: Board, slice: Slice): Role | undefined => board.roles?.find(({ slices }) => slices.includes(slice.name));

/** Every role of `boards`, the app's own first. */
export const rolesOf = (boards: readonly Board[]): Role[] => [appRole(boards), ...boards.flatMap(({ roles }) => roles ?? [])];

/** The role named `name`; an error naming the roles there are when there is none. */
export const roleNamed = (boards: readonly Board[], name: string): Role => {
  const roles = rolesOf(boards);
  const role = roles.find((candidate) => candidate.name === name);
  if (!role) throw new Error(`there is no role ${name}: the boards have ${roles.map((known) => known.name).join(', ')}`);
  return role;
};

/** The role that runs a slice: its decisions, its consumer; for a view, its projector (always the app's). */
export const runnerOf = (boards: readonly Board[], slice: Slice): string => {
  if (slice.kind === 'state-view') return APP_ROLE;
  return boardOf(boards, slice).roles?.find(({ slices }) => slices.includes(slice.name))?.name ?? APP_ROLE;
};

/** The role that answers a slice's requests from outside: a state change's commands, a view's queries. */
export const serverOf = (boards: readonly Board[], slice: Slice): string =>
  boardOf(boards, slice).roles?.find(({ slices }) => slices.includes(slice.name))?.name ?? APP_ROLE;

/**
 * The role that serves a board's controllers (its HTTP routes and NATS commands): the one serving its state
 * changes and queries, which `roleProblems` requires to be one role per board.
 */
export const frontOf = (board: Board, boards: readonly Board[]): string => {
  const served = board.slices.filter((slice) => slice.kind === 'state-change' || slice.kind === 'state-view');
  return served[0] ? serverOf(boards, served[0]) : APP_ROLE;
};

const boardOf = (boards: readonly Board[], slice: Slice): Board => {
  const board = boards.find(({ slices }) => slices.includes(slice));
  if (!board) throw new Error(`slice ${slice.name} is on none of the app's boards: add it to its board's manifest`);
  return board;
};

/** What a role's slices do on the event streams, as their declarations say. */
export interface RoleStreams {
  /** Streams its slices append to: a decision's own stream, a process step's. */
  readonly writes: readonly EventStreamDefinition[];
  /** The subjects it appends to: those of the entities on which its slices store events (`notification.email.*`). */
  readonly writesSubjects: readonly string[];
  /**
   * Streams its slices read: what they consume (`sourceOf`), the entities they decide on, the streams of the views
   * it projects or queries (a query waiting for a sequence looks there), and the role's `reads`.
   */
  readonly reads: readonly EventStreamDefinition[];
  /** The state views whose queries it answers. */
  readonly queries: readonly StateViewSlice[];
  /** The state views it projects. */
  readonly projects: readonly StateViewSlice[];
  /** The slices it runs, views excepted (their projectors are in `projects`). */
  readonly runs: readonly Exclude<Slice, StateViewSlice>[];
}

/** The streams a role writes and reads, and the views it queries and projects. */
export const roleStreams = (boards: readonly Board[], role: string): RoleStreams => {
  const all = boards.flatMap(({ slices }) => slices);
  const runs = all.filter((slice): slice is Exclude<Slice, StateViewSlice> => slice.kind !== 'state-view' && runnerOf(boards, slice) === role);
  const projects = all.filter((slice): slice is StateViewSlice => slice.kind === 'state-view' && runnerOf(boards, slice) === role);
  const queries = all.filter((slice): slice is StateViewSlice => slice.kind === 'state-view' && serverOf(boards, slice) === role);
  const decisions = runs.flatMap((slice) => (slice.kind === 'process' ? [slice, slice.step.via] : [slice]));
  const writes = decisions.map(({ stream }) => stream);
  const writesSubjects = [...new Set(decisions.flatMap(({ stream, events }) => entitySubjects(stream, events)))];
  const extra = rolesOf(boards).find(({ name }) => name === role)?.reads ?? [];
  const reads = [...writes, ...runs.map(sourceOf), ...[...projects, ...queries].map(({ stream }) => stream), ...extra];
  return { writes: unique(writes), writesSubjects, reads: unique(reads), queries, projects, runs };
};

/** The subject filters of a stream's entities that hold any of `events`; all of the stream's subjects when none is declared to. */
const entitySubjects = (stream: EventStreamDefinition, events: readonly string[]): readonly string[] => {
  const entities = stream.entities.filter(({ eventTypes }) => eventTypes.some((type) => events.includes(type)));
  return entities.length === 0 ? stream.subjects : entities.map(({ subject }) => subject.replace(/\{\w+\}/g, '*'));
};

/** The roles that run timer or effect slices: each keeps its timers apart. */
export const rolesKeepingTime = (boards: readonly Board[]): string[] =>
  rolesOf(boards)
    .map(({ name }) => name)
    .filter((name) => roleStreams(boards, name).runs.some((slice) => slice.kind === 'timer' || slice.kind === 'effect'));

const unique = (streams: readonly EventStreamDefinition[]): EventStreamDefinition[] => [...new Map(streams.map((stream) => [stream.name, stream])).values()];

/**
 * What is wrong with the boards' roles: a role named twice or not as a subject token, or `app`; a slice named by
 * no slice of its board, or by two roles; a board whose commands and queries are served by more than one role
 * (its controllers are served together); every slice of a board with roles that no role runs.
 */
export const roleProblems = (boards: readonly Board[]): string[] => {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const board of boards) {
    for (const role of board.roles ?? []) {
      if (!ROLE_NAME.test(role.name)) problems.push(`${board.name}'s role "${role.name}" is not a name of lower-case letters, digits and dashes`);
      if (role.name === APP_ROLE) problems.push(`${board.name} declares a role "${APP_ROLE}", the name of the app's own role`);
      if (seen.has(role.name)) problems.push(`role ${role.name} is declared twice`);
      seen.add(role.name);
      for (const name of role.slices) if (!board.slices.some((slice) => slice.name === name)) problems.push(`role ${role.name} names ${name}, which is no slice of ${board.name}`);
    }
    if (!board.roles) continue;
    for (const slice of board.slices) {
      const claimed = board.roles.filter(({ slices }) => slices.includes(slice.name)).map(({ name }) => name);
      if (claimed.length === 0) problems.push(`${board.name}'s slice ${slice.name} is in no role`);
      if (claimed.length > 1) problems.push(`${board.name}'s slice ${slice.name} is in more than one role: ${claimed.join(', ')}`);
    }
    const fronts = new Set(board.slices.filter((slice) => slice.kind === 'state-change' || slice.kind === 'state-view').map((slice) => serverOf(boards, slice)));
    if (fronts.size > 1) problems.push(`${board.name}'s commands and queries are served by more than one role (${[...fronts].join(', ')}): its controllers serve them together`);
  }
  return problems;
};
