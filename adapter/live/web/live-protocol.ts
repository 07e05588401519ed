/**
 * The live-views protocol as the app's pages speak it: a copy of ../live.protocol.ts, because browser code
 * cannot import the server's modules. Keep both in step.
 */
export interface Subscribe {
  readonly type: 'subscribe';
  readonly id: string;
  readonly view: string;
  readonly key?: string;
  readonly after?: number;
}

export interface Unsubscribe {
  readonly type: 'unsubscribe';
  readonly id: string;
}

export type ClientMessage = Subscribe | Unsubscribe;

export interface LiveValue {
  readonly view: unknown;
  readonly position: number;
  readonly updatedAt: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly rule?: string;
  readonly errors?: readonly { readonly field: string; readonly messages: readonly string[] }[];
}

export type ServerMessage =
  | { readonly type: 'value'; readonly id: string; readonly key: string; readonly revision: number; readonly value: LiveValue | null }
  | { readonly type: 'ready'; readonly id: string; readonly revision: number }
  | { readonly type: 'unsubscribed'; readonly id: string }
  | { readonly type: 'heartbeat'; readonly at: string }
  | { readonly type: 'error'; readonly id?: string; readonly problem: Problem };

export const LiveCloseCode = { Unauthorized: 4401, TooSlow: 4429, Malformed: 4400 } as const;
