import { APP_ROLE, frontOf, roleStreams, rolesOf, runnerOf, serverOf } from '@libs/event-model/board-roles';
import type { Board, Slice, StateViewSlice } from '@libs/event-model/board';
import type { EventStreamDefinition } from '@libs/event-model/event-stream';
import { InvalidConfiguration } from '@adapter/config/app.config';
import { APP_INBOX_PREFIX, inboxPrefixOf } from '@adapter/nats/nats.client';

/**
 * The roles this process runs (`RUN_ROLES`), or all of them: what it starts, serves and touches on NATS. A process
 * running every role, or the app's own, creates and updates the streams, buckets and timers streams; a process
 * running only other roles connects as their NATS user, which may not create any, and only checks that those it
 * touches exist.
 */
export class RunningRoles {
  /** The roles' names, the app's own first when it is among them. */
  readonly names: readonly string[];

  constructor(
    private readonly boards: readonly Board[],
    /** `RUN_ROLES`; undefined runs every role. */
    selected: readonly string[] | undefined,
  ) {
    const known = rolesOf(boards).map(({ name }) => name);
    const unknown = (selected ?? []).filter((name) => !known.includes(name));
    if (unknown.length > 0) throw new InvalidConfiguration('RUN_ROLES', selected?.join(','), `roles among ${known.join(', ')}, separated by commas (not ${unknown.join(', ')})`);
    this.names = selected ? known.filter((name) => selected.includes(name)) : known;
  }

  /** Whether this process creates and updates the streams and buckets: it runs the app's own role. */
  get createsTopology(): boolean {
    return this.names.includes(APP_ROLE);
  }

  /** The inbox prefix of this process's NATS user: the role's own (`_INBOX_<role>`) when it runs one role apart, the app's otherwise. */
  get inboxPrefix(): string {
    const [only] = this.names;
    return this.names.length === 1 && only !== undefined ? (inboxPrefixOf(only) ?? APP_INBOX_PREFIX) : APP_INBOX_PREFIX;
  }

  /** Whether this process runs a slice: its consumer, its reactions; for a view, its projector. */
  runs(slice: Slice): boolean {
    return this.names.includes(runnerOf(this.boards, slice));
  }

  /** Whether this process answers a view's queries. */
  queries(view: StateViewSlice): boolean {
    return this.names.includes(serverOf(this.boards, view));
  }

  /** Whether this process serves a board's controllers: its HTTP routes and NATS commands. */
  serves(board: Board): boolean {
    return this.names.includes(frontOf(board, this.boards));
  }

  /** The event streams this process's roles write or read. */
  get streams(): readonly EventStreamDefinition[] {
    const all = this.names.flatMap((role) => roleStreams(this.boards, role).reads);
    return [...new Map(all.map((stream) => [stream.name, stream])).values()];
  }
}

/** Thrown at start when a stream, bucket or consumer a role needs does not exist and the role may not create it. */
export class RoleTopologyMissing extends Error {
  constructor(roles: readonly string[], what: string, options?: { cause?: unknown }) {
    super(
      `${what} does not exist, and this process (RUN_ROLES=${roles.join(',')}) may not create it: ` +
        `start the app's own role first (a process without RUN_ROLES, or with ${APP_ROLE} among them), which creates it`,
      options,
    );
    this.name = 'RoleTopologyMissing';
  }
}
