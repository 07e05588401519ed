/** Injection token of the boards the app runs (`readonly Board[]`), as `app/boards.ts` lists them. */
export const APP_BOARDS = Symbol('APP_BOARDS');

/** Injection token of the app's `EventStore`: the JetStream store. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** Injection token of the roles this process runs (`RunningRoles`), as `RUN_ROLES` names them. */
export const RUNNING_ROLES = Symbol('RUNNING_ROLES');
