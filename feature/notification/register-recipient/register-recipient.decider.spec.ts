import { DeciderSpecification } from '@libs/testing/given-when-then';
import type { RecipientRegistered } from '@model/notification/notification.events';
import { registerRecipient, type RegisterRecipient } from './register-recipient.decider';

const both: RecipientRegistered['data'] = { recipientId: 'ada', email: 'ada@example.com', slackChannel: '#ada', channels: ['email', 'slack'] };
const register = (data: RecipientRegistered['data']): RegisterRecipient => ({ type: 'RegisterRecipient', data });
const registered = (data: RecipientRegistered['data']): RecipientRegistered => ({ type: 'RecipientRegistered', data });
const spec = DeciderSpecification.for(registerRecipient);

describe('register a recipient', () => {
  it('a recipient is registered with their channels and addresses', () => spec.given([]).when(register(both)).then([registered(both)]));

  it('registering again with other channels or addresses replaces them', () => {
    const emailOnly = { ...both, slackChannel: '', channels: ['email' as const] };
    spec.given([registered(both)]).when(register(emailOnly)).then([registered(emailOnly)]);
    const moved = { ...both, email: 'ada@example.org' };
    spec.given([registered(both)]).when(register(moved)).then([registered(moved)]);
  });

  it('the same registration again changes nothing', () => spec.given([registered(both)]).when(register(both)).thenNothingHappens());

  it('an empty list of channels opts the recipient out of everything', () => {
    const none = { ...both, channels: [] };
    spec.given([registered(both)]).when(register(none)).then([registered(none)]);
  });
});
