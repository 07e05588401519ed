import type { Projection } from '@libs/decider/projection';
import type { EmailEvent } from '@model/notification/notification.events';
import type { EmailPurpose } from '@model/notification/notification.fields';

/** The emails a document keeps per address, newest last; older ones stay on the email event stream. */
export const EMAILS_KEPT = 1_000;

/** One email sent, as the audit answers it. */
export interface SentEmail {
  readonly trackingId: string;
  readonly operationId: string;
  readonly purpose: EmailPurpose;
  readonly subject: string;
  readonly sentAt: string;
}

/** The emails sent to one address: the seed's audit question, "what emails were sent to test@example.com?". */
export interface SentEmailsDocument {
  readonly to: string;
  readonly emails: readonly SentEmail[];
}

/** Addresses are compared without case, as mailboxes are in practice. */
export const normalAddress = (address: string): string => address.trim().toLowerCase();

/**
 * An address as a view key: every character but letters, digits, `_` and `-` written as `=` and its UTF-8 bytes in hex
 * (`ada=40example=2ecom`), so dots and `@` never reach a subject.
 */
export const addressKey = (address: string): string =>
  [...Buffer.from(normalAddress(address), 'utf8')].map((byte) => (/[A-Za-z0-9_-]/.test(String.fromCharCode(byte)) && byte < 0x80 ? String.fromCharCode(byte) : `=${byte.toString(16).padStart(2, '0')}`)).join('');

export const sentEmails: Projection<EmailEvent, SentEmailsDocument> = {
  name: 'sent-emails',
  keyOf: (event) => (event.type === 'EmailSent' ? addressKey(event.data.to) : undefined),
  evolve: (document, { event, metadata }) => {
    const current = document ?? { to: normalAddress(event.data.to), emails: [] };
    if (event.type !== 'EmailSent' || current.emails.some(({ operationId }) => operationId === event.data.operationId)) return current;
    const { notificationId, operationId, purpose, subject } = event.data;
    return { ...current, emails: [...current.emails, { trackingId: notificationId, operationId, purpose, subject, sentAt: metadata.time }].slice(-EMAILS_KEPT) };
  },
};
