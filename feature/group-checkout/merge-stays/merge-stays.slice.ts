import { processStep, type ProcessSlice, type StateChange } from '@libs/event-model/board';
import type { GroupEvent, StayEvent } from '@model/group-checkout/group-checkout.events';
import { GROUP_CHECKOUT_STREAM, groupCheckoutSubject, groupCheckoutSubjectFilter, guestStaySubject } from '@stream/group-checkout.stream';
import type { GroupCheckout } from '../group-checkout.state';
import type { GuestStay } from '../guest-stay.state';
import { mergeStays, type RecordMergeOutcomes } from './merge-stays.decider';
import { nextAction, order, outcome, record, type MergeOutcome } from './merge-stays.process';
import { transferStay, type TransferGuestStayToGroup } from './transfer-stay.decider';

/** The process's step: a stay hands itself over to a group, decided on the stay, stored on the stay's subject. */
export const TRANSFER_STAY: StateChange<TransferGuestStayToGroup, GuestStay, StayEvent> & { readonly name: string } = {
  name: 'transfer-stay',
  decider: transferStay,
  stream: GROUP_CHECKOUT_STREAM,
  events: ['GuestStayTransferredToGroup'],
  entity: ({ data }) => guestStaySubject(data.stayId),
};

/**
 * The group takes over the stays on its list: woken by a selection, it reads its own state, asks each pending stay
 * to hand itself over (up to 8 at once), and records on the group which stays merged, with their residuals, and
 * which failed, with the rule they refused with.
 */
export const MERGE_STAYS: ProcessSlice<GroupEvent, GroupCheckout, RecordMergeOutcomes, string, MergeOutcome> = {
  kind: 'process',
  name: 'merge-stays',
  title: 'The group takes its stays over',
  actor: 'Bot',
  subjects: groupCheckoutSubjectFilter(),
  reactsTo: ['StaysSelected'],
  command: { name: 'RecordMergeOutcomes', fields: ['groupId', 'merged', 'failed'] },
  stream: GROUP_CHECKOUT_STREAM,
  events: ['StaysMerged', 'MergesFailed'],
  decider: mergeStays,
  entity: ({ data }) => groupCheckoutSubject(data.groupId),
  nextAction,
  step: processStep({
    via: TRANSFER_STAY,
    command: { name: 'TransferGuestStayToGroup', fields: ['stayId', 'groupId'] },
    concurrency: 8,
    order,
    outcome,
  }),
  record,
  rules: [
    'stays taken over are merged with their residuals',
    'stays that refused are failed with their reasons',
    'merged and failed stays are recorded in one decision',
    'only stays still pending are recorded: others of the command are left out',
    'the same outcomes recorded again change nothing',
    'a stay given twice is recorded once, as first given',
    'what is left to do is every pending stay, in selection order',
    'stays merged or failed are done: nothing is left once every stay is settled',
    'a group with nothing selected, or confirmed, has nothing to do',
    'each pending stay is asked to hand itself over to the group',
    'a stay handed over is merged with the residual its state holds after the step, a repeat included',
    'a stay that refused is failed with the rule it refused with',
    'the outcomes of an action are recorded on the group in one command, merged and failed apart',
    'recording an action settles every item it was asked for, so the process comes to rest',
    'an open stay is taken over with its balance as the residual',
    'a stay paid ahead is taken over with a residual below 0',
    'after the decision the stay says which group took it, and the residual',
    'a stay the same group took over already is nothing new',
    'a stay another group took over is refused',
    'a checked-out stay is refused',
    'a stay with no events is not found',
  ],
};
