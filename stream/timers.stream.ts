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

/** The width of a slot: timers due within one are loaded together, one slot ahead of time. */
export const TIMER_SLOT_MS = 10_000;

/** The KV bucket of the timers' registry (`timer.<slice>.<timer>`) and of the scheduler's lease and cursor. */
export const TIMER_REGISTRY_BUCKET = 'timers';

export const timerSlot = (at: number): number => Math.floor(at / TIMER_SLOT_MS);

/** Where a timer of a slice waits: its slot, then the slice and the timer's name (both checked tokens). */
export const timerSubject = (slot: number, slice: string, timer: string): string => `timer.${slotToken(slot)}.${subjectToken(slice)}.${subjectToken(timer)}`;

/** Every timer of one slot. */
export const timerSlotFilter = (slot: number): string => `timer.${slotToken(slot)}.>`;

/** The registry key of a timer: which of its generations is pending, or that it is done. */
export const timerRegistryKey = (slice: string, timer: string): string => `timer.${subjectToken(slice)}.${subjectToken(timer)}`;

/** The slice and timer a timer's subject names. */
export const timerOfSubject = (subject: string): { slot: number; slice: string; timer: string } => {
  const [, slot = '', slice = '', timer = ''] = subject.split('.');
  return { slot: Number(slot), slice, timer };
};

const slotToken = (slot: number): string => {
  if (!Number.isSafeInteger(slot) || slot < 0) throw new RangeError(`timer slot ${slot} is not a whole number from 0`);
  return String(slot);
};
