import { clockTime } from './incident-words.js';
import type { Problem } from './live-protocol.js';

/** An element with its class, its text and its children: the page builds its nodes from text only, never from HTML. */
export const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string, ...children: Node[]): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  node.append(...children);
  return node;
};

/** A time of day for people, with the instant for machines. */
export const timeElement = (at: string): HTMLTimeElement => {
  const node = element('time', '', clockTime(at));
  node.dateTime = at;
  return node;
};

/** A command's answer in its box: a success as one sentence; a refusal with its title, detail, broken rule and failing fields. */
export const showOutcome = (box: HTMLElement, outcome: string | Problem): void => {
  box.replaceChildren();
  if (typeof outcome === 'string') {
    box.dataset.outcome = 'ok';
    delete box.dataset.status;
    box.append(element('p', 'outcome-detail', outcome));
    return;
  }
  box.dataset.outcome = 'problem';
  box.dataset.status = String(outcome.status);
  box.append(element('p', 'outcome-title', outcome.status > 0 ? `${outcome.title} (${outcome.status})` : outcome.title), element('p', 'outcome-detail', outcome.detail));
  if (outcome.rule) box.append(element('p', 'outcome-rule', `Rule: ${outcome.rule}`));
  if (outcome.errors?.length) {
    box.append(element('ul', 'outcome-errors', undefined, ...outcome.errors.map((error) => element('li', '', `${error.field}: ${error.messages.join('; ')}`))));
  }
};
