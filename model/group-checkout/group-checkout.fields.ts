import type { FieldContract } from '@libs/event-model/event-contract';

/** The fields group-checkout events share, with what they mean wherever they appear. */
export const STAY_ID: FieldContract = { kind: 'entity-id', description: 'The guest stay: one guest\'s account of charges and payments, a token of its subject.' };
export const GROUP_ID: FieldContract = { kind: 'entity-id', description: 'The group checkout settling several guests\' stays together.' };
export const CHARGE_ID: FieldContract = { kind: 'entity-id', description: 'The charge as the front desk numbered it: the same id again is the same charge.' };
export const PAYMENT_ID: FieldContract = { kind: 'entity-id', description: 'The payment as the till numbered it: the same id again is the same payment.' };
export const AMOUNT: FieldContract = { kind: 'count', description: 'Money in minor units (cents), a whole number from 1.' };

