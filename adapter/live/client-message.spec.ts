import { InvalidInput } from '@libs/errors/domain-error';
import { parseClientMessage } from './client-message';

const failingFields = (json: unknown): string[] => {
  try {
    parseClientMessage(json);
  } catch (error) {
    if (error instanceof InvalidInput) return error.errors.map((failure) => failure.field);
    throw error;
  }
  throw new Error(`${JSON.stringify(json)} was accepted`);
};

describe('live client messages', () => {
  it('reads a subscription, with "all keys" as the default pattern', () => {
    expect(parseClientMessage({ type: 'subscribe', id: 'a', view: 'booking-board' })).toEqual({ type: 'subscribe', id: 'a', view: 'booking-board', key: '>' });
    expect(parseClientMessage({ type: 'subscribe', id: 'a', view: 'booking-board', key: '*.2026-11-22', after: 7 })).toEqual({
      type: 'subscribe',
      id: 'a',
      view: 'booking-board',
      key: '*.2026-11-22',
      after: 7,
    });
  });

  it('reads an unsubscription', () => expect(parseClientMessage({ type: 'unsubscribe', id: 'a' })).toEqual({ type: 'unsubscribe', id: 'a' }));

  it.each([
    [[], ['type']],
    ['subscribe', ['type']],
    [{ type: 'publish', id: 'a' }, ['type']],
    [{ type: 'subscribe', id: '', view: 'booking-board' }, ['id']],
    [{ type: 'subscribe', id: 'a b', view: 'booking-board' }, ['id']],
    [{ type: 'subscribe', id: 'a', view: 'KV_view-booking-board' }, ['view']],
    [{ type: 'subscribe', id: 'a', view: '$KV' }, ['view']],
    [{ type: 'subscribe', id: 'a', view: 'booking-board', key: 'a..b' }, ['key']],
    [{ type: 'subscribe', id: 'a', view: 'booking-board', key: 7 }, ['key']],
    [{ type: 'subscribe', id: 'a', view: 'booking-board', after: -1 }, ['after']],
    [{ type: 'subscribe', id: 'a', view: 'booking-board', after: 1.5 }, ['after']],
    [{ type: 'subscribe', id: 'a', view: 'booking-board', stream: 'HOTEL' }, ['stream']],
    [{ type: 'subscribe' }, ['id', 'view']],
  ])('refuses %j, naming %j', (json, fields) => expect(failingFields(json)).toEqual(fields));
});
