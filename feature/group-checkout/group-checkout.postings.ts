import type { EventMetadata } from '@libs/decider/decider';

/** Where the event that satisfied a command is stored: what a retry of that command is answered with. */
export interface StoredAt {
  readonly eventId: string;
  readonly sequence: number;
}

/** A charge or a payment as recorded: its amount in cents, and where it is stored. */
export interface Posting extends StoredAt {
  readonly amount: number;
}

export const storedAt = ({ id, sequence }: EventMetadata): StoredAt => ({ eventId: id, sequence });

/** The postings with one more under `id`, leaving the given ones as they are. */
export const posted = (postings: ReadonlyMap<string, Posting>, id: string, posting: Posting): ReadonlyMap<string, Posting> => new Map(postings).set(id, posting);
