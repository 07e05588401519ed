import { alertsLabel, clockTime, incidentState, levelLabel, nextEscalationLabel, STATE_LABELS, targetLabel, timelineLabel, type IncidentState } from './incident-words.js';
import type { Problem } from './live-protocol.js';
import { DONE, type ServiceCommand } from './pager-commands.js';
import type { IncidentStatus, IncidentTimelineDoc } from './pager-views.js';
import { element, showOutcome, timeElement } from './page-parts.js';

export interface TimelineHandlers {
  readonly value: (timeline: IncidentTimelineDoc | null) => void;
  readonly ready: () => void;
}

/** What a card asks of the page: to send its commands, and to watch its incident's timeline. */
export interface CardActions {
  /** `undefined` when the command was accepted, else its problem details. */
  readonly send: (command: ServiceCommand, serviceId: string) => Promise<Problem | undefined>;
  /** Watches a timeline live until the returned function is called. */
  readonly watchTimeline: (serviceId: string, incidentId: string, handlers: TimelineHandlers) => () => void;
}

/**
 * One open incident: its service, state in colour and in words, level, next escalation, alerts and who was paged,
 * with its buttons; its timeline, when opened, follows the `incident-timeline` view live.
 */
export class IncidentCard {
  readonly node: HTMLLIElement;
  private stopTimeline: (() => void) | undefined;
  /** A command is on its way: a second click waits for its answer rather than sending it again. */
  private busy = false;

  constructor(
    readonly serviceId: string,
    private incident: IncidentStatus,
    private readonly actions: CardActions,
    now: number,
  ) {
    this.node = this.build();
    this.show(incident, now);
  }

  get openedAt(): string {
    return this.incident.openedAt;
  }

  get state(): IncidentState {
    return incidentState(this.incident);
  }

  show(incident: IncidentStatus, now: number): void {
    const another = incident.id !== this.incident.id;
    this.incident = incident;
    const state = incidentState(incident);
    this.node.dataset.state = state;
    this.node.dataset.incident = incident.id;
    this.set('.state-label', STATE_LABELS[state]);
    this.set('.message', incident.message);
    this.set('.level', levelLabel(incident));
    this.set('.alerts', alertsLabel(incident.alerts));
    this.set('.opened', clockTime(incident.openedAt));
    this.tick(now);
    const notified = incident.notified.map(targetLabel);
    const list = this.part('.notified');
    if (notified.join('\n') !== [...list.children].map((item) => item.textContent).join('\n')) {
      list.replaceChildren(...(notified.length ? notified : ['Nobody yet']).map((text) => element('li', '', text)));
    }
    const acknowledge = this.part('.acknowledge', HTMLButtonElement);
    // A disabled button loses the focus: it goes to the other button of the card rather than to nowhere.
    if (incident.acknowledged && document.activeElement === acknowledge) this.part('.healthy', HTMLButtonElement).focus();
    acknowledge.disabled = incident.acknowledged;
    if (another && this.stopTimeline) this.openTimeline();
  }

  /** The next escalation's time, said again relative to now. */
  tick(now: number): void {
    this.set('.next', nextEscalationLabel(this.incident, now));
  }

  /** Stops what the card watches; the list takes the node away. */
  dispose(): void {
    this.stopTimeline?.();
    this.stopTimeline = undefined;
  }

  private build(): HTMLLIElement {
    const id = this.serviceId;
    const card = element('li', 'incident');
    card.dataset.service = id;
    card.setAttribute('aria-labelledby', `incident-${id}`);
    const header = element('header', 'incident-header');
    const title = element('h3', 'service', id);
    title.id = `incident-${id}`;
    header.append(title, element('p', 'state', undefined, element('span', 'state-label')));
    const facts = element('dl', 'facts');
    for (const [label, className] of [['Escalation', 'level'], ['Next escalation', 'next'], ['Alerts', 'alerts'], ['Opened', 'opened']] as const) {
      facts.append(element('div', 'fact', undefined, element('dt', '', label), element('dd', className)));
    }
    facts.append(element('div', 'fact notified-fact', undefined, element('dt', '', 'Notified'), element('dd', '', undefined, element('ul', 'notified'))));
    const buttons = element('div', 'buttons');
    buttons.append(
      this.button('acknowledge', 'Acknowledge', `Acknowledge ${id}`, () => void this.command('acknowledge-alert')),
      this.button('healthy secondary', 'Healthy', `Healthy: ${id} has recovered`, () => void this.command('mark-service-healthy')),
      this.button('timeline-toggle link', 'Timeline', `Timeline of ${id}'s incident`, () => this.toggleTimeline()),
    );
    const timeline = element('section', 'timeline', undefined, element('ol', 'timeline-entries'));
    timeline.id = `timeline-${id}`;
    timeline.hidden = true;
    timeline.setAttribute('aria-label', `Timeline of ${id}'s incident`);
    const toggle = this.part('.timeline-toggle', HTMLButtonElement, buttons);
    toggle.setAttribute('aria-controls', timeline.id);
    toggle.setAttribute('aria-expanded', 'false');
    const outcome = element('div', 'outcome');
    outcome.setAttribute('role', 'status');
    outcome.setAttribute('aria-live', 'polite');
    card.append(header, element('p', 'message'), facts, buttons, outcome, timeline);
    return card;
  }

  private button(className: string, text: string, label: string, click: () => void): HTMLButtonElement {
    const button = element('button', className, text);
    button.type = 'button';
    button.setAttribute('aria-label', label);
    button.addEventListener('click', click);
    return button;
  }

  /** The buttons stay enabled while a command is on its way: a disabled button would drop the keyboard's focus. */
  private async command(command: ServiceCommand): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.node.setAttribute('aria-busy', 'true');
    try {
      showOutcome(this.part('.outcome'), (await this.actions.send(command, this.serviceId)) ?? DONE[command](this.serviceId));
    } finally {
      this.busy = false;
      this.node.removeAttribute('aria-busy');
    }
  }

  private toggleTimeline(): void {
    if (this.stopTimeline) {
      this.stopTimeline();
      this.stopTimeline = undefined;
      this.part('.timeline').hidden = true;
      this.part('.timeline-toggle').setAttribute('aria-expanded', 'false');
      return;
    }
    this.openTimeline();
  }

  private openTimeline(): void {
    this.stopTimeline?.();
    const entries = this.part('.timeline-entries');
    entries.replaceChildren(element('li', 'timeline-note', 'Loading…'));
    let seen = false;
    this.stopTimeline = this.actions.watchTimeline(this.serviceId, this.incident.id, {
      value: (timeline) => {
        seen = true;
        entries.replaceChildren(
          ...(timeline?.entries ?? []).map((entry) => {
            const item = element('li', 'timeline-entry', undefined, timeElement(entry.at), document.createTextNode(' '), element('span', 'what', timelineLabel(entry)));
            item.dataset.what = entry.what;
            return item;
          }),
        );
      },
      // The timeline's projection may not have written the incident yet: it shows as soon as it does.
      ready: () => {
        if (!seen) entries.replaceChildren(element('li', 'timeline-note', 'Nothing recorded yet'));
      },
    });
    this.part('.timeline').hidden = false;
    this.part('.timeline-toggle').setAttribute('aria-expanded', 'true');
  }

  private set(selector: string, text: string): void {
    const node = this.part(selector);
    if (node.textContent !== text) node.textContent = text;
  }

  private part<T extends HTMLElement = HTMLElement>(selector: string, type?: { new (): T; prototype: T }, root: HTMLElement = this.node): T {
    const node = root.querySelector(selector);
    if (!(node instanceof (type ?? HTMLElement))) throw new Error(`the card of ${this.serviceId} has no ${selector}`);
    return node as T;
  }
}
