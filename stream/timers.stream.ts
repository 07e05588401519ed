import { APP_ROLE } from '@libs/event-model/board-roles';
import { subjectToken } from '@libs/ids/entity-id';

/**
 * Pending timers, kept by JetStream: one message per timer on `timer.<slot>.<slice>.<timer>`, where the slot
 * is the timer's due time in whole `TIMER_SLOT_MS` since the epoch, so the scheduler loads only the slots
 * coming due. Which generation of a timer is the pending one is kept in the `timers` KV bucket.
 */
export const TIMERS_STREAM = {
  name: 'TIMERS',
  subjects: ['timer.>'],
} as const;

/**
 * Where one role's timers wait and who fires them: its stream, the subjects' prefix there, and the registry keys of
 * its scheduler's lease and cursor (`<scheduler>.lease`, `<scheduler>.cursor`). The app's own role keeps the TIMERS
 * stream (`timer.<slot>.<slice>.<timer>`, `scheduler.lease`); another role keeps `TIMERS_<ROLE>`
 * (`timers.<role>.<slot>.<slice>.<timer>`, `scheduler.<role>.lease`), so that its scheduler fires only the timers
 * of slices it runs, and its NATS user touches no other role's timers.
 */
export interface TimerSpace {
  readonly role: string;
  readonly stream: string;
  readonly prefix: string;
  readonly subjects: readonly string[];
  readonly scheduler: string;
}

export const APP_TIMERS: TimerSpace = { role: APP_ROLE, stream: TIMERS_STREAM.name, prefix: 'timer', subjects: TIMERS_STREAM.subjects, scheduler: 'scheduler' };

/** The timers of the slices `role` runs. */
export const timerSpace = (role: string): TimerSpace =>
  role === APP_ROLE
    ? APP_TIMERS
    : { role, stream: `TIMERS_${subjectToken(role).toUpperCase().replace(/-/g, '_')}`, prefix: `timers.${role}`, subjects: [`timers.${role}.>`], scheduler: `scheduler.${role}` };

/** The width of a slot: timers due within one are loaded together, one slot ahead of time. */
export const TIMER_SLOT_MS = 10_000;

/** The KV bucket of the timers' registry (`timer.<slice>.<timer>`) and of the scheduler's lease and cursor. */
export const TIMER_REGISTRY_BUCKET = 'timers';

export const timerSlot = (at: number): number => Math.floor(at / TIMER_SLOT_MS);

/** Where a timer of a slice waits: its space, its slot, then the slice and the timer's name (both checked tokens). */
export const timerSubject = (slot: number, slice: string, timer: string, space: TimerSpace = APP_TIMERS): string =>
  `${space.prefix}.${slotToken(slot)}.${subjectToken(slice)}.${subjectToken(timer)}`;

/** Every timer of one slot. */
export const timerSlotFilter = (slot: number, space: TimerSpace = APP_TIMERS): string => `${space.prefix}.${slotToken(slot)}.>`;

/** The registry key of a timer: which of its generations is pending, or that it is done. */
export const timerRegistryKey = (slice: string, timer: string): string => `timer.${subjectToken(slice)}.${subjectToken(timer)}`;

/** Every registry key of one slice's timers. */
export const timerRegistryFilter = (slice: string): string => `timer.${subjectToken(slice)}.>`;

/** The slot, slice and timer a timer's subject names. */
export const timerOfSubject = (subject: string, space: TimerSpace = APP_TIMERS): { slot: number; slice: string; timer: string } => {
  const [slot = '', slice = '', timer = ''] = subject.slice(space.prefix.length + 1).split('.');
  return { slot: Number(slot), slice, timer };
};

const slotToken = (slot: number): string => {
  if (!Number.isSafeInteger(slot) || slot < 0) throw new RangeError(`timer slot ${slot} is not a whole number from 0`);
  return String(slot);
};
