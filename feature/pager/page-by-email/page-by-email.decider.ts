import type { Decider } from '@libs/decider/decider';
import type { TargetEvent } from '@model/pager/pager.events';
import { outcomeOnce, type RecordPageOutcome } from '../page.message';
import { newTarget, targetEvolved, type TargetState } from '../target.state';

/** How a message by email ended is recorded on its target, once. */
export const recordEmailPage: Decider<RecordPageOutcome, TargetState, TargetEvent> = { initialState: newTarget, evolve: targetEvolved, decide: outcomeOnce };
