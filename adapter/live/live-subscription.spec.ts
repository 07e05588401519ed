import { LiveSubscription } from './live-subscription';
import type { ServerMessage } from './live.protocol';
import type { ViewChange } from './view-feed';

const change = (key: string, revision: number): ViewChange => ({ key, revision, value: { view: { revision }, position: revision, updatedAt: '' } });
const sent = (messages: ServerMessage[]) => messages.map((message) => (message.type === 'value' ? `${message.key}@${message.revision}` : message.type));

describe('a live subscription', () => {
  it('sends the snapshot, then what arrived meanwhile, then live changes, each once and in order', () => {
    const messages: ServerMessage[] = [];
    const subscription = new LiveSubscription('s', '*.d', undefined, (message) => messages.push(message));
    subscription.offer(change('1.d', 4));
    subscription.offer(change('2.d', 6));
    subscription.initial(change('1.d', 4));
    subscription.initial(change('3.d', 5));
    subscription.ready();
    subscription.offer(change('1.d', 7));
    expect(sent(messages)).toEqual(['1.d@4', '3.d@5', '2.d@6', 'ready', '1.d@7']);
  });

  it('ignores keys its pattern does not match', () => {
    const messages: ServerMessage[] = [];
    const subscription = new LiveSubscription('s', '1.d', undefined, (message) => messages.push(message));
    subscription.ready();
    subscription.offer(change('2.d', 1));
    subscription.offer(change('1.e', 2));
    subscription.offer(change('1.d', 3));
    expect(sent(messages)).toEqual(['ready', '1.d@3']);
  });

  it('resumed after a revision, it sends nothing at or below it', () => {
    const messages: ServerMessage[] = [];
    const subscription = new LiveSubscription('s', '>', 10, (message) => messages.push(message));
    subscription.initial(change('a', 9));
    subscription.offer(change('a', 10));
    subscription.offer(change('a', 11));
    subscription.ready();
    expect(sent(messages)).toEqual(['a@11', 'ready']);
    expect(messages.at(-1)).toEqual({ type: 'ready', id: 's', revision: 11 });
  });
});
