// The hotel manager's live board: wires the date, the access token, the live views and the forms.
import { BoardView } from './board-view.js';
import { CommandForms } from './commands.js';
import type { BookingDoc, CleanupDoc, RoomDoc } from './hotel-views.js';
import { LiveLink, type LinkStatus } from './live-link.js';
import type { LiveValue, Problem } from './live-protocol.js';

const TOKEN_KEY = 'live-board.access-token';
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

const dateInput = byId('board-date', HTMLInputElement);
const tokenInput = byId('access-token', HTMLInputElement);
const connection = byId('connection', HTMLElement);
const linkProblem = byId('link-problem', HTMLElement);
const board = byId('board', HTMLElement);
const roomOptions = byId('room-options', HTMLDataListElement);

const pad = (value: number): string => String(value).padStart(2, '0');
const today = (): string => {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};
const isDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

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

const fillRoomOptions = (rooms: readonly RoomDoc[]): void => {
  roomOptions.replaceChildren(
    ...rooms.map((room) => {
      const option = document.createElement('option');
      option.value = room.roomId;
      option.label = `${room.roomId} — ${room.name}`;
      return option;
    }),
  );
};

const viewOf = <D>(value: LiveValue | null): D | null => (value ? (value.view as D) : null);

const view = new BoardView(byId('rooms', HTMLElement), byId('summary', HTMLElement), fillRoomOptions);
const forms = new CommandForms([...document.querySelectorAll<HTMLFormElement>('form[data-command]')], token);
const link = new LiveLink({ url: liveUrl, status: showStatus, problem: showProblem });

let day: { readonly date: string; readonly ids: readonly string[] } | undefined;
let visits = 0;

/**
 * Shows another date: the old date's subscriptions end, the new ones start from the views' current
 * values. Each visit has ids of its own, so a late message of an earlier visit is never taken for this one.
 */
const showDay = (date: string): void => {
  if (day?.date === date) return;
  for (const id of day?.ids ?? []) link.unsubscribe(id);
  const visit = ++visits;
  const [bookings, cleaning] = [`bookings-${date}-${visit}`, `cleaning-${date}-${visit}`];
  day = { date, ids: [bookings, cleaning] };
  view.clearDay();
  board.dataset.sync = 'loading';
  const waiting = new Set([bookings, cleaning]);
  const ready = (id: string) => (): void => {
    waiting.delete(id);
    if (waiting.size === 0 && visit === visits) board.dataset.sync = 'ready';
  };
  link.subscribe(bookings, 'booking-board', `*.${date}`, {
    value: (key, value) => view.booking(key, viewOf<BookingDoc>(value)),
    ready: ready(bookings),
  });
  link.subscribe(cleaning, 'cleanup-schedule', date, {
    value: (_key, value) => view.schedule(viewOf<CleanupDoc>(value)),
    ready: ready(cleaning),
  });
  dateInput.value = date;
  forms.showDate(date);
  history.replaceState(null, '', `?date=${date}`);
};

dateInput.addEventListener('change', () => {
  if (isDate(dateInput.value)) showDay(dateInput.value);
});
byId('today', HTMLButtonElement).addEventListener('click', () => showDay(today()));
tokenInput.value = storedToken();
tokenInput.addEventListener('change', () => {
  storeToken(token());
  link.restart();
});

link.subscribe('rooms', 'room-list', '>', { value: (key, value) => view.room(key, viewOf<RoomDoc>(value)), ready: () => undefined });
const requested = new URLSearchParams(location.search).get('date');
showDay(isDate(requested) ? requested : today());
link.start();
