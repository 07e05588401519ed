import type { RecordedEvent } from '@libs/decider/decider';
import { setTimer, type TimerChange, type TimerSlice } from '@libs/event-model/board';
import type { TargetEvent } from '@model/pager/pager.events';
import { PAGER_TARGET_STREAM, targetSubject, targetSubjectFilter } from '@stream/pager.stream';
import type { TargetState } from '../target.state';
import { closeBundle, type CloseBundle } from './close-bundle.decider';

/** A page bundled sets its message's closing time (the same for every page of it: setting it again changes nothing). */
export const bundleTimers = ({ event }: RecordedEvent<TargetEvent>): readonly TimerChange<CloseBundle>[] => {
  if (event.type !== 'PageBundled') return [];
  const { targetId, bundleId, closesAt } = event.data;
  return [setTimer(bundleId, closesAt, { type: 'CloseBundle', data: { targetId, bundleId } })];
};

/** The clock closes each target's message at the end of its window. */
export const CLOSE_BUNDLE: TimerSlice<TargetEvent, CloseBundle, TargetState> = {
  kind: 'timer',
  name: 'close-bundle',
  title: 'The target\'s message closes',
  actor: 'Clock',
  subjects: targetSubjectFilter(),
  reactsTo: ['PageBundled'],
  command: { name: 'CloseBundle', fields: ['targetId', 'bundleId'] },
  stream: PAGER_TARGET_STREAM,
  events: ['BundleClosed'],
  timers: bundleTimers,
  decider: closeBundle,
  entity: ({ data }) => targetSubject(data.targetId),
  rules: ['a page bundled sets its message\'s closing time', 'when due, an open message closes with every page it gathered', 'a message closed already stays as it is'],
};
