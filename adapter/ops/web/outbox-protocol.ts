// What the page reads from the app, as `GET /outbox` and `GET /outbox/live` answer it (adapter/effects/outbox.ts).

export type Channel = 'email' | 'slack' | 'sms';

/** One delivery to the local outbox: its channel, the effect's key, what would have been sent, and when. */
export interface OutboxMessage {
  readonly channel: Channel;
  readonly key: string;
  readonly payload: unknown;
  readonly deliveredAt: string;
  readonly attempt: number;
  readonly correlationId: string;
}

/** The first event of `GET /outbox/live`: deliveries follow after that stream sequence; a comment comes every `heartbeatMs`. */
export interface Ready {
  readonly after: number;
  readonly heartbeatMs: number;
}

/** Problem details, as every error of the app answers. */
export interface Problem {
  readonly title: string;
  readonly status: number;
  readonly detail: string;
}
