import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { BundleClosed, TargetEvent } from '@model/pager/pager.events';
import { messageWanted, pageOutcome, SMS_MAX } from '../page.message';
import { recordSmsPage } from './page-by-sms.decider';
import { PAGE_BY_SMS } from './page-by-sms.slice';

const page = (serviceId: string, message = `${serviceId} answers 500`) => ({ pageId: `page-${serviceId}`, serviceId, incidentId: '1', level: 2, round: 0, message });
const bundled: TargetEvent = { type: 'PageBundled', data: { targetId: 't2', kind: 'sms', address: '+15551234567', bundleId: 'b2', closesAt: '2026-12-03T08:00:02.000Z', ...page('checkout') } };
const closed = (kind: 'email' | 'sms', ...pages: ReturnType<typeof page>[]): BundleClosed => ({
  type: 'BundleClosed',
  data: { targetId: 't2', bundleId: 'b2', kind, address: kind === 'sms' ? '+15551234567' : 'oncall@example.com', pages },
});
const state = (...events: TargetEvent[]) => events.reduce((target, event, index) => recordSmsPage.evolve(target, event, recorded(events)[index]!.metadata), recordSmsPage.initialState());
const request = (event: BundleClosed) => PAGE_BY_SMS.request(recorded<TargetEvent>([event])[0]!, state());
const spec = DeciderSpecification.for(recordSmsPage);

describe('page by SMS', () => {
  it('a phone target\'s closed message is one text naming every service, keyed by the message', () => {
    expect(request(closed('sms', page('checkout'), page('payments')))).toMatchObject({
      key: 'b2',
      payload: { to: '+15551234567', text: '[pager] checkout (incident 1, level 2): checkout answers 500; payments (incident 1, level 2): payments answers 500' },
    });
    expect(request(closed('sms', page('checkout', 'x'.repeat(5_000))))?.payload.text).toHaveLength(SMS_MAX);
  });

  it('an email target\'s message is not texted', () => expect(request(closed('email', page('checkout')))).toBeUndefined());

  it('a message is wanted until its outcome is recorded', () => {
    const asked = request(closed('sms', page('checkout')))!;
    expect(messageWanted(state(bundled, closed('sms', page('checkout'))), asked)).toBe(true);
    expect(messageWanted(state(bundled, closed('sms', page('checkout')), { type: 'PageFailed', data: { targetId: 't2', bundleId: 'b2', attempts: 5, reason: 'x' } }), asked)).toBe(false);
  });

  it('its outcome is recorded once', () => {
    const asked = request(closed('sms', page('checkout')))!;
    const failed: TargetEvent = { type: 'PageFailed', data: { targetId: 't2', bundleId: 'b2', attempts: 5, reason: 'the SMS gateway answered 503; gave up after 5 attempts' } };
    spec.given([bundled, closed('sms', page('checkout'))]).when(pageOutcome(asked, { succeeded: false, attempts: 5, reason: 'the SMS gateway answered 503; gave up after 5 attempts' })).then([failed]);
    spec.given([bundled, closed('sms', page('checkout')), failed]).when(pageOutcome(asked, { succeeded: true, attempts: 6 })).thenNothingHappens();
  });
});
