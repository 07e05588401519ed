import { createHash } from 'node:crypto';

/**
 * A UUID derived from a name (the SHA-256 of it, shaped as an RFC 9562 version 8 UUID): the same name gives the
 * same id in every process, so that work done twice (a timer fired again, a reaction run again) writes the very
 * same events, which the store recognises as one write.
 */
export const derivedId = (name: string): string => {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
