import type { Problem } from '@adapter/edge/problem';

/**
 * The live-views protocol, spoken as JSON text frames on the app's websocket endpoint (`/live`).
 *
 * A client subscribes to a view's key, or to a key pattern (`*` matches one dot-separated
 * token, `>` the rest), under an id of its choosing. It receives the current value of every
 * matching key, then `ready`, then each change as it happens. With `after`, it resumes after
 * the last revision it saw instead: it receives every change the view still holds since then,
 * then `ready`.
 */
export type ClientMessage = Subscribe | Unsubscribe;

export interface Subscribe {
  readonly type: 'subscribe';
  /** The client's name for this subscription, echoed in every message about it. */
  readonly id: string;
  /** A state view's name, e.g. `booking-board`. */
  readonly view: string;
  /** A key or key pattern; `>` (all keys) when absent. */
  readonly key?: string;
  /** Resume after this revision: the last `revision` the client received for this subscription. */
  readonly after?: number;
}

export interface Unsubscribe {
  readonly type: 'unsubscribe';
  readonly id: string;
}

export type ServerMessage = ValueMessage | ReadyMessage | UnsubscribedMessage | HeartbeatMessage | ErrorMessage;

/** A key's value, or its deletion (`value: null`). Revisions only grow within a subscription. */
export interface ValueMessage {
  readonly type: 'value';
  readonly id: string;
  readonly key: string;
  readonly revision: number;
  readonly value: LiveValue | null;
}

/** The view document as queries answer it: the document, the last stream sequence applied, when. */
export interface LiveValue {
  readonly view: unknown;
  readonly position: number;
  readonly updatedAt: string;
}

/** Everything current (or missed, when resuming) has been sent; changes follow live. */
export interface ReadyMessage {
  readonly type: 'ready';
  readonly id: string;
  /** The subscription's last revision so far (0 when nothing matched): resume after it. */
  readonly revision: number;
}

export interface UnsubscribedMessage {
  readonly type: 'unsubscribed';
  readonly id: string;
}

/** Sent every heartbeat interval, so that clients without access to ping frames see a dead link. */
export interface HeartbeatMessage {
  readonly type: 'heartbeat';
  readonly at: string;
}

/** A refused client message, as problem details; `id` names the subscription when there is one. */
export interface ErrorMessage {
  readonly type: 'error';
  readonly id?: string;
  readonly problem: Problem;
}

/** Close codes of the endpoint, beside the standard 1000 (normal) and 1001 (server going away). */
export const LiveCloseCode = {
  /** Credentials are required and were missing or wrong. */
  Unauthorized: 4401,
  /** The client did not read fast enough: more than the configured bytes were queued for it. */
  TooSlow: 4429,
  /** The client sent a message that is not JSON text, or a frame bigger than allowed. */
  Malformed: 4400,
} as const;
