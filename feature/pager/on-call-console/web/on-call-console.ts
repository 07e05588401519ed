// The on-call console: wires the access token, the live views of the services and their timelines, and the commands.
import type { TimelineHandlers } from './incident-card.js';
import { IncidentList } from './incident-list.js';
import { LiveLink, type LinkStatus } from './live-link.js';
import type { LiveValue, Problem } from './live-protocol.js';
import { sendCommand, type ServiceCommand } from './pager-commands.js';
import type { IncidentTimelineDoc, ServiceStatusDoc } from './pager-views.js';

const TOKEN_KEY = 'on-call-console.access-token';
/** How often the next escalations are said again relative to now. */
const TICK_MS = 15_000;
const STATUS_LABELS: Readonly<Record<LinkStatus, string>> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  unauthorized: 'Access token refused',
};

const byId = <T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T => {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`the page has no #${id}`);
  return node;
};

const tokenInput = byId('access-token', HTMLInputElement);
const connection = byId('connection', HTMLElement);
const linkProblem = byId('link-problem', HTMLElement);

/** sessionStorage can be unavailable (privacy settings): the token then lasts as long as the page. */
const storedToken = (): string => {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
};
const storeToken = (token: string): void => {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing to keep it in: it still applies to this page.
  }
};
const token = (): string => tokenInput.value.trim();

const liveUrl = (): string => {
  const url = new URL('/live', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  if (token()) url.searchParams.set('access_token', token());
  return url.toString();
};

const showStatus = (status: LinkStatus): void => {
  connection.dataset.state = status;
  connection.textContent = STATUS_LABELS[status];
  if (status === 'live') linkProblem.hidden = true;
};

const showProblem = (problem: Problem): void => {
  linkProblem.textContent = `${problem.title}: ${problem.detail}`;
  linkProblem.hidden = false;
};

const viewOf = <D>(value: LiveValue | null): D | null => (value ? (value.view as D) : null);

const link = new LiveLink({ url: liveUrl, status: showStatus, problem: showProblem });
let timelines = 0;

/** Each timeline opened has a subscription id of its own, so a late message of one closed before is never taken for it. */
const watchTimeline = (serviceId: string, incidentId: string, handlers: TimelineHandlers): (() => void) => {
  const id = `timeline-${++timelines}`;
  link.subscribe(id, 'incident-timeline', `${serviceId}.${incidentId}`, { value: (_key, value) => handlers.value(viewOf<IncidentTimelineDoc>(value)), ready: handlers.ready });
  return () => link.unsubscribe(id);
};

const incidents = new IncidentList(
  {
    list: byId('incidents', HTMLElement),
    empty: byId('no-incidents', HTMLElement),
    summary: byId('summary', HTMLElement),
    latest: byId('latest-change', HTMLElement),
    heading: byId('incidents-title', HTMLElement),
  },
  { send: (command: ServiceCommand, serviceId: string) => sendCommand(command, serviceId, token()), watchTimeline },
);

tokenInput.value = storedToken();
tokenInput.addEventListener('change', () => {
  storeToken(token());
  link.restart();
});

link.subscribe('services', 'service-status', '>', { value: (key, value) => incidents.service(key, viewOf<ServiceStatusDoc>(value)), ready: () => incidents.ready() });
window.setInterval(() => incidents.tick(Date.now()), TICK_MS);
link.start();
