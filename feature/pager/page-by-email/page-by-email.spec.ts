import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { BundleClosed, TargetEvent } from '@model/pager/pager.events';
import { messageWanted, pageOutcome } from '../page.message';
import { recordEmailPage } from './page-by-email.decider';
import { PAGE_BY_EMAIL } from './page-by-email.slice';

const page = (serviceId: string) => ({ pageId: `page-${serviceId}`, serviceId, incidentId: '1', level: 1, round: 0, message: `${serviceId} answers 500` });
const bundled = (serviceId: string): TargetEvent => ({
  type: 'PageBundled',
  data: { targetId: 't1', kind: 'email', address: 'oncall@example.com', bundleId: 'b1', closesAt: '2026-12-03T08:00:02.000Z', ...page(serviceId) },
});
const closed = (kind: 'email' | 'sms', ...services: string[]): BundleClosed => ({
  type: 'BundleClosed',
  data: { targetId: 't1', bundleId: 'b1', kind, address: kind === 'email' ? 'oncall@example.com' : '+15551234567', pages: services.map(page) },
});
const state = (...events: TargetEvent[]) => events.reduce((target, event, index) => recordEmailPage.evolve(target, event, recorded(events)[index]!.metadata), recordEmailPage.initialState());
const request = (event: BundleClosed) => PAGE_BY_EMAIL.request(recorded<TargetEvent>([event])[0]!, state());
const spec = DeciderSpecification.for(recordEmailPage);

describe('page by email', () => {
  it('an email target\'s closed message is one email naming every service, keyed by the message', () => {
    expect(request(closed('email', 'checkout'))).toMatchObject({ key: 'b1', payload: { to: 'oncall@example.com', subject: '[pager] checkout is unhealthy', targetId: 't1' } });
    const both = request(closed('email', 'checkout', 'payments'));
    expect(both?.payload.subject).toBe('[pager] 2 services need you: checkout, payments');
    expect(both?.payload.text).toContain('checkout (incident 1, level 1): checkout answers 500\npayments (incident 1, level 1): payments answers 500');
  });

  it('an SMS target\'s message is not emailed', () => expect(request(closed('sms', 'checkout'))).toBeUndefined());

  it('a message is wanted until its outcome is recorded', () => {
    const asked = request(closed('email', 'checkout'))!;
    expect(messageWanted(state(bundled('checkout'), closed('email', 'checkout')), asked)).toBe(true);
    expect(messageWanted(state(bundled('checkout'), closed('email', 'checkout'), { type: 'PageDelivered', data: { targetId: 't1', bundleId: 'b1', attempts: 1 } }), asked)).toBe(false);
  });

  it('its outcome is recorded once', () => {
    const asked = request(closed('email', 'checkout'))!;
    spec.given([bundled('checkout'), closed('email', 'checkout')]).when(pageOutcome(asked, { succeeded: true, attempts: 2 })).then([{ type: 'PageDelivered', data: { targetId: 't1', bundleId: 'b1', attempts: 2 } }]);
    spec
      .given([bundled('checkout'), closed('email', 'checkout'), { type: 'PageFailed', data: { targetId: 't1', bundleId: 'b1', attempts: 5, reason: 'x' } }])
      .when(pageOutcome(asked, { succeeded: true, attempts: 6 }))
      .thenNothingHappens();
  });
});
