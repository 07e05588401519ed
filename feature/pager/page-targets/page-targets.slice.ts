import type { RecordedEvent } from '@libs/decider/decider';
import type { AutomationSlice, SettingValues } from '@libs/event-model/board';
import type { ServiceEvent, TargetEvent } from '@model/pager/pager.events';
import { PAGER_STREAM, PAGER_TARGET_STREAM, serviceSubjectFilter, targetSubject } from '@stream/pager.stream';
import { PAGER_BUNDLE_MS } from '../pager.settings';
import { pageIdOf, targetIdOf, type TargetState } from '../target.state';
import { queuePage, type QueuePage } from './page-targets.decider';

/** A level notified pages each of its targets; a message opened by it gathers pages for the bundle window from when the level was notified. */
export const onLevelNotified = ({ event, metadata }: RecordedEvent<ServiceEvent>, settings: SettingValues): readonly QueuePage[] => {
  if (event.type !== 'LevelNotified') return [];
  const { serviceId, incidentId, level, round, message, targets } = event.data;
  const closesAt = new Date(Date.parse(metadata.time) + Number(settings.bundleMs)).toISOString();
  return targets.map((target) => {
    const targetId = targetIdOf(target);
    return { type: 'QueuePage', data: { targetId, target, page: { pageId: pageIdOf(targetId, { serviceId, incidentId, level, round }), serviceId, incidentId, level, round, message }, closesAt } };
  });
};

/** The pager pages every target of a level notified, each on the target's own entity. */
export const PAGE_TARGETS: AutomationSlice<TargetEvent, QueuePage, TargetState, ServiceEvent> = {
  kind: 'automation',
  name: 'page-targets',
  title: 'The level\'s targets are paged',
  actor: 'Pager',
  source: PAGER_STREAM,
  subjects: serviceSubjectFilter(),
  reactsTo: ['LevelNotified'],
  command: { name: 'QueuePage', fields: ['targetId', 'target', 'page', 'closesAt'] },
  stream: PAGER_TARGET_STREAM,
  events: ['PageBundled'],
  settings: { bundleMs: PAGER_BUNDLE_MS },
  react: onLevelNotified,
  decider: queuePage,
  entity: ({ data }) => targetSubject(data.targetId),
  rules: [
    'a level notified pages each of its targets, once per target, incident, level and round',
    'a page joins the target\'s open message, or opens one that closes after the bundle window',
    'a page asked for again changes nothing',
  ],
};
