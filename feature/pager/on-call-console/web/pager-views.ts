/**
 * The documents of the two pager views the console shows, as their projections write them: copies of
 * ../../service-status/service-status.projection.ts and ../../incident-timeline/incident-timeline.projection.ts,
 * because browser code cannot import the server's modules. Keep them in step.
 */
export interface NotifiedTarget {
  readonly level: number;
  readonly round: number;
  readonly kind: 'email' | 'sms';
  readonly address: string;
}

export interface IncidentStatus {
  readonly id: string;
  readonly message: string;
  readonly openedAt: string;
  /** 0 until the first level is notified. */
  readonly level: number;
  /** 0 on the policy's first pass through its levels, then 1, 2… for each repeat. */
  readonly round: number;
  readonly acknowledged: boolean;
  readonly exhausted: boolean;
  readonly nextEscalationAt: string | null;
  readonly notified: readonly NotifiedTarget[];
  readonly alerts: number;
}

/** A document of the `service-status` view, keyed by the service's id. */
export interface ServiceStatusDoc {
  readonly serviceId: string;
  readonly state: 'healthy' | 'unhealthy';
  readonly incident: IncidentStatus | null;
}

export type TimelineEntry =
  | { readonly at: string; readonly what: 'alert'; readonly message: string }
  | { readonly at: string; readonly what: 'notified'; readonly level: number; readonly round: number; readonly targets: readonly string[] }
  | { readonly at: string; readonly what: 'timed-out'; readonly level: number; readonly round: number }
  | { readonly at: string; readonly what: 'acknowledged' | 'recovered' | 'exhausted' };

/** A document of the `incident-timeline` view, keyed `<serviceId>.<incidentId>`. */
export interface IncidentTimelineDoc {
  readonly serviceId: string;
  readonly incidentId: string;
  readonly entries: readonly TimelineEntry[];
}
