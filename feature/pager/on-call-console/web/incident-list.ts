import { IncidentCard, type CardActions } from './incident-card.js';
import { changeLabel, clockTime, INCIDENT_STATES, STATE_LABELS, type IncidentState } from './incident-words.js';
import type { IncidentStatus, ServiceStatusDoc } from './pager-views.js';
import { element } from './page-parts.js';

export interface ListParts {
  /** The list of open incidents, one card each. */
  readonly list: HTMLElement;
  /** Said when no incident is open. */
  readonly empty: HTMLElement;
  readonly summary: HTMLElement;
  /** The last change, in words, as it happens (a polite live region). */
  readonly latest: HTMLElement;
  /** Where the focus goes when the card holding it leaves. */
  readonly heading: HTMLElement;
}

/** Oldest incident first, then by service: a card keeps its place while its incident lasts. */
const byOpening = (left: IncidentCard, right: IncidentCard): number =>
  left.openedAt.localeCompare(right.openedAt) || left.serviceId.localeCompare(right.serviceId, 'en', { numeric: true });

/**
 * The open incidents of the `service-status` view, updated in place as it changes: a service that turns unhealthy
 * gets a card, one that turns healthy loses it. Changes after the first values are also said in words.
 */
export class IncidentList {
  private readonly services = new Map<string, ServiceStatusDoc>();
  private readonly cards = new Map<string, IncidentCard>();
  /** The view's current values have all arrived: what comes now are changes, worth saying. */
  private synced = false;

  constructor(
    private readonly parts: ListParts,
    private readonly actions: CardActions,
  ) {}

  /** A document of the view, keyed by service; `null` when the key is deleted. */
  service(key: string, document: ServiceStatusDoc | null): void {
    const before = openIncident(this.services.get(key));
    if (document) this.services.set(key, document);
    else this.services.delete(key);
    const after = openIncident(document ?? undefined);
    if (this.synced) this.announce(changeLabel(key, before, after));
    if (after) this.showCard(key, after);
    else this.removeCard(key);
    this.summarise();
  }

  ready(): void {
    this.synced = true;
    this.parts.list.dataset.sync = 'ready';
    this.summarise();
  }

  /** Says the next escalations again relative to now. */
  tick(now: number): void {
    for (const card of this.cards.values()) card.tick(now);
  }

  private showCard(serviceId: string, incident: IncidentStatus): void {
    const card = this.cards.get(serviceId);
    if (!card) {
      this.cards.set(serviceId, new IncidentCard(serviceId, incident, this.actions, Date.now()));
      this.place();
      return;
    }
    // A later incident of the service, its recovery unseen (a bucket keeps a key's last values only), may go elsewhere.
    const moves = card.openedAt !== incident.openedAt;
    card.show(incident, Date.now());
    if (moves) this.place();
  }

  private removeCard(serviceId: string): void {
    const card = this.cards.get(serviceId);
    if (!card) return;
    const hadFocus = card.node.contains(document.activeElement);
    card.dispose();
    card.node.remove();
    this.cards.delete(serviceId);
    if (hadFocus) this.parts.heading.focus();
  }

  /** Moves only the cards out of order, so that a card being used (its button focused) stays where it is. */
  private place(): void {
    const ordered = [...this.cards.values()].sort(byOpening);
    ordered.forEach((card, index) => {
      const there = this.parts.list.children[index];
      if (there !== card.node) this.parts.list.insertBefore(card.node, there ?? null);
    });
  }

  private summarise(): void {
    const counts: Record<IncidentState, number> = { unacknowledged: 0, acknowledged: 0, exhausted: 0 };
    for (const card of this.cards.values()) counts[card.state]++;
    const open = this.cards.size;
    const healthy = this.services.size - open;
    this.parts.empty.hidden = !this.synced || open > 0;
    const phrases = [
      open === 0 ? 'No open incidents' : plural(open, 'open incident'),
      ...INCIDENT_STATES.flatMap((state) => (counts[state] > 0 ? [`${counts[state]} ${STATE_LABELS[state].toLowerCase()}`] : [])),
      ...(healthy > 0 ? [`${plural(healthy, 'service')} healthy`] : []),
    ];
    this.parts.summary.textContent = this.synced ? phrases.join(' · ') : 'Loading…';
  }

  private announce(change: string | undefined): void {
    if (change === undefined) return;
    this.parts.latest.replaceChildren(element('span', 'latest-label', `Latest, at ${clockTime(Date.now())}: `), document.createTextNode(change));
  }
}

const openIncident = (document: ServiceStatusDoc | undefined): IncidentStatus | undefined =>
  document?.state === 'unhealthy' && document.incident ? document.incident : undefined;

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
