import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { TargetEvent } from '@model/pager/pager.events';
import { closeBundle } from './close-bundle.decider';
import { bundleTimers } from './close-bundle.slice';

const page = (serviceId: string) => ({ pageId: `page-${serviceId}`, serviceId, incidentId: '1', level: 1, round: 0, message: `${serviceId} is down` });
const bundled = (serviceId: string): TargetEvent => ({
  type: 'PageBundled',
  data: { targetId: 't1', kind: 'sms', address: '+15551234567', bundleId: 'b1', closesAt: '2026-12-03T08:00:02.000Z', ...page(serviceId) },
});
const closed: TargetEvent = { type: 'BundleClosed', data: { targetId: 't1', bundleId: 'b1', kind: 'sms', address: '+15551234567', pages: [page('checkout'), page('payments')] } };
const spec = DeciderSpecification.for(closeBundle);

describe('close the target\'s message', () => {
  it('a page bundled sets its message\'s closing time', () => {
    expect(bundleTimers(recorded([bundled('checkout')])[0]!)).toEqual([
      { kind: 'set', timer: 'b1', at: '2026-12-03T08:00:02.000Z', command: { type: 'CloseBundle', data: { targetId: 't1', bundleId: 'b1' } } },
    ]);
    expect(bundleTimers(recorded([closed])[0]!)).toEqual([]);
  });

  it('when due, an open message closes with every page it gathered', () =>
    spec.given([bundled('checkout'), bundled('payments')]).when({ type: 'CloseBundle', data: { targetId: 't1', bundleId: 'b1' } }).then([closed]));

  it('a message closed already stays as it is', () => {
    spec.given([bundled('checkout'), bundled('payments'), closed]).when({ type: 'CloseBundle', data: { targetId: 't1', bundleId: 'b1' } }).thenNothingHappens();
    spec.given([]).when({ type: 'CloseBundle', data: { targetId: 't1', bundleId: 'b1' } }).thenNothingHappens();
  });
});
