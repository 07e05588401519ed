import type { EventContract } from '@libs/event-model/event-contract';
import { ACKNOWLEDGEMENT_TIMED_OUT, type AcknowledgementTimedOut } from './acknowledgement-timed-out.event';
import { ALERT_ACKNOWLEDGED, type AlertAcknowledged } from './alert-acknowledged.event';
import { ALERT_RECORDED, type AlertRecorded } from './alert-recorded.event';
import { BUNDLE_CLOSED, type BundleClosed } from './bundle-closed.event';
import { ESCALATION_EXHAUSTED, type EscalationExhausted } from './escalation-exhausted.event';
import { ESCALATION_POLICY_SET, type EscalationPolicySet } from './escalation-policy-set.event';
import { INCIDENT_OPENED, type IncidentOpened } from './incident-opened.event';
import { LEVEL_NOTIFIED, type LevelNotified } from './level-notified.event';
import { PAGE_BUNDLED, type PageBundled } from './page-bundled.event';
import { PAGE_DELIVERED, type PageDelivered } from './page-delivered.event';
import { PAGE_FAILED, type PageFailed } from './page-failed.event';
import { SERVICE_RECOVERED, type ServiceRecovered } from './service-recovered.event';

export type {
  AcknowledgementTimedOut,
  AlertAcknowledged,
  AlertRecorded,
  BundleClosed,
  EscalationExhausted,
  EscalationPolicySet,
  IncidentOpened,
  LevelNotified,
  PageBundled,
  PageDelivered,
  PageFailed,
  ServiceRecovered,
};

/** Every event of a monitored service: its policy, its incidents and their escalation. */
export type ServiceEvent =
  | EscalationPolicySet
  | IncidentOpened
  | AlertRecorded
  | LevelNotified
  | AcknowledgementTimedOut
  | EscalationExhausted
  | AlertAcknowledged
  | ServiceRecovered;

/** Every event of a target: the pages it is sent, gathered into messages, and how each message went. */
export type TargetEvent = PageBundled | BundleClosed | PageDelivered | PageFailed;

export const SERVICE_EVENT_CONTRACTS: Readonly<Record<ServiceEvent['type'], EventContract>> = {
  EscalationPolicySet: ESCALATION_POLICY_SET,
  IncidentOpened: INCIDENT_OPENED,
  AlertRecorded: ALERT_RECORDED,
  LevelNotified: LEVEL_NOTIFIED,
  AcknowledgementTimedOut: ACKNOWLEDGEMENT_TIMED_OUT,
  EscalationExhausted: ESCALATION_EXHAUSTED,
  AlertAcknowledged: ALERT_ACKNOWLEDGED,
  ServiceRecovered: SERVICE_RECOVERED,
};

export const TARGET_EVENT_CONTRACTS: Readonly<Record<TargetEvent['type'], EventContract>> = {
  PageBundled: PAGE_BUNDLED,
  BundleClosed: BUNDLE_CLOSED,
  PageDelivered: PAGE_DELIVERED,
  PageFailed: PAGE_FAILED,
};

export const SERVICE_EVENT_TYPES = Object.keys(SERVICE_EVENT_CONTRACTS) as readonly ServiceEvent['type'][];
export const TARGET_EVENT_TYPES = Object.keys(TARGET_EVENT_CONTRACTS) as readonly TargetEvent['type'][];
