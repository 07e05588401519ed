import type { Board } from '@libs/event-model/board';
import { PAGER_STREAM, PAGER_TARGET_STREAM, pagerCommandSubjectFilter } from '@stream/pager.stream';
import { AcknowledgeAlertController } from './acknowledge-alert/acknowledge-alert.controller';
import { ACKNOWLEDGE_ALERT } from './acknowledge-alert/acknowledge-alert.slice';
import { CLOSE_BUNDLE } from './close-bundle/close-bundle.slice';
import { ESCALATE } from './escalate/escalate.slice';
import { IncidentTimelineController } from './incident-timeline/incident-timeline.controller';
import { INCIDENT_TIMELINE } from './incident-timeline/incident-timeline.slice';
import { MarkServiceHealthyController } from './mark-service-healthy/mark-service-healthy.controller';
import { MARK_SERVICE_HEALTHY } from './mark-service-healthy/mark-service-healthy.slice';
import { OnCallConsoleController } from './on-call-console/on-call-console.controller';
import { PAGE_BY_EMAIL } from './page-by-email/page-by-email.slice';
import { PAGE_BY_SMS } from './page-by-sms/page-by-sms.slice';
import { PAGE_TARGETS } from './page-targets/page-targets.slice';
import { RaiseAlertController } from './raise-alert/raise-alert.controller';
import { RAISE_ALERT } from './raise-alert/raise-alert.slice';
import { ServiceStatusController } from './service-status/service-status.controller';
import { SERVICE_STATUS } from './service-status/service-status.slice';
import { SetEscalationPolicyController } from './set-escalation-policy/set-escalation-policy.controller';
import { SET_ESCALATION_POLICY } from './set-escalation-policy/set-escalation-policy.slice';

/**
 * The pager: a monitored service's alert wakes the first level of its escalation policy by email or SMS; a level
 * that does not acknowledge in time hands over to the next, on durable timers; an acknowledgement or the service's
 * recovery stops it. Each target hears once per incident level, and once for services alerting together.
 */
export const PAGER_BOARD: Board = {
  name: 'pager',
  title: 'Pager',
  actors: [
    { name: 'Service owner', kind: 'person' },
    { name: 'Monitored service', kind: 'system' },
    { name: 'On-call engineer', kind: 'person' },
    { name: 'Pager', kind: 'system' },
    { name: 'Clock', kind: 'system' },
  ],
  streams: [PAGER_STREAM, PAGER_TARGET_STREAM],
  commandSubjects: pagerCommandSubjectFilter(),
  slices: [
    SET_ESCALATION_POLICY,
    RAISE_ALERT,
    SERVICE_STATUS,
    PAGE_TARGETS,
    CLOSE_BUNDLE,
    PAGE_BY_EMAIL,
    PAGE_BY_SMS,
    ESCALATE,
    ACKNOWLEDGE_ALERT,
    MARK_SERVICE_HEALTHY,
    INCIDENT_TIMELINE,
  ],
  controllers: [SetEscalationPolicyController, RaiseAlertController, ServiceStatusController, AcknowledgeAlertController, MarkServiceHealthyController, IncidentTimelineController, OnCallConsoleController],
};
