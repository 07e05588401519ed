/** Injection token of the boards the app runs (`readonly Board[]`), as `app/boards.ts` lists them. */
export const APP_BOARDS = Symbol('APP_BOARDS');

/** Injection token of the app's `EventStore`: the JetStream store. */
export const EVENT_STORE = Symbol('EVENT_STORE');
