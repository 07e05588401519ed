import type { BookingDoc, CleanupDoc, RoomDoc } from './hotel-views.js';

type Cleaning = CleanupDoc['rooms'][number];

/** How a room's cell reads: a state for the colours (`data-*` attributes) and a label for people. */
export interface RoomCell {
  readonly availability: 'free' | BookingDoc['availability'];
  readonly availabilityLabel: string;
  readonly cleaning: 'none' | Cleaning['status'];
  readonly cleaningLabel: string;
}

export const describeRoom = (booking: BookingDoc | undefined, cleaning: Cleaning | undefined): RoomCell => ({
  availability: booking?.availability ?? 'free',
  availabilityLabel: availabilityLabel(booking),
  cleaning: cleaning?.status ?? 'none',
  cleaningLabel: cleaningLabel(booking, cleaning),
});

const availabilityLabel = (booking: BookingDoc | undefined): string => {
  switch (booking?.availability) {
    case undefined:
      return 'Free';
    case 'booked':
      return `Booked — client ${booking.clientId}`;
    case 'available':
      return `Ready — client ${booking.clientId}`;
    case 'occupied':
      return `Occupied — client ${booking.clientId}`;
  }
};

const cleaningLabel = (booking: BookingDoc | undefined, cleaning: Cleaning | undefined): string => {
  if (cleaning?.status === 'scheduled') return `Scheduled — team ${cleaning.team}`;
  if (cleaning?.status === 'cleaned') return `Cleaned — team ${cleaning.team}`;
  // The bot schedules every booking within moments: a booked room without a team is waiting for it.
  return booking ? 'Awaiting a team' : 'Nothing to clean';
};

const byRoomId = (left: string, right: string): number => left.localeCompare(right, 'en', { numeric: true });

/** The board's grid of rooms for one date, updated in place as the views change. */
export class BoardView {
  private readonly rooms = new Map<string, RoomDoc>();
  private readonly bookings = new Map<string, BookingDoc>();
  private readonly cleanings = new Map<string, Cleaning>();
  private readonly cells = new Map<string, HTMLElement>();

  constructor(
    private readonly grid: HTMLElement,
    private readonly summary: HTMLElement,
    private readonly roomsChanged: (rooms: readonly RoomDoc[]) => void,
  ) {}

  room(key: string, room: RoomDoc | null): void {
    if (room) this.rooms.set(key, room);
    else this.rooms.delete(key);
    this.roomsChanged([...this.rooms.values()].sort((left, right) => byRoomId(left.roomId, right.roomId)));
    this.render();
  }

  /** Keys are `<roomId>.<date>`; ids never hold a dot, so the room is the first token. */
  booking(key: string, booking: BookingDoc | null): void {
    const roomId = key.split('.')[0] ?? key;
    if (booking) this.bookings.set(roomId, booking);
    else this.bookings.delete(roomId);
    this.render();
  }

  schedule(schedule: CleanupDoc | null): void {
    this.cleanings.clear();
    for (const room of schedule?.rooms ?? []) this.cleanings.set(room.roomId, room);
    this.render();
  }

  /** Another date: what the board knew of the previous one no longer applies. */
  clearDay(): void {
    this.bookings.clear();
    this.cleanings.clear();
    this.render();
  }

  private render(): void {
    const ids = new Set([...this.rooms.keys(), ...this.bookings.keys(), ...this.cleanings.keys()]);
    for (const [id, cell] of this.cells) {
      if (ids.has(id)) continue;
      cell.remove();
      this.cells.delete(id);
    }
    const counts = { free: 0, booked: 0, available: 0, occupied: 0 };
    for (const id of [...ids].sort(byRoomId)) {
      const state = describeRoom(this.bookings.get(id), this.cleanings.get(id));
      counts[state.availability]++;
      const cell = this.cells.get(id) ?? this.createCell(id);
      this.fill(cell, this.rooms.get(id)?.name ?? 'Unlisted room', state);
      this.grid.append(cell);
    }
    this.summary.textContent =
      ids.size === 0
        ? 'No rooms yet'
        : `${ids.size} rooms · ${counts.free} free · ${counts.booked} booked · ${counts.available} ready · ${counts.occupied} occupied`;
  }

  private createCell(id: string): HTMLElement {
    const cell = element('article', 'room');
    cell.dataset.room = id;
    const header = element('header', 'room-header');
    header.append(element('span', 'room-number', id), element('h3', 'room-name'));
    cell.append(header, stateLine('availability', 'Booking'), stateLine('cleaning', 'Cleaning'));
    this.cells.set(id, cell);
    return cell;
  }

  private fill(cell: HTMLElement, name: string, state: RoomCell): void {
    cell.dataset.availability = state.availability;
    cell.dataset.cleaning = state.cleaning;
    setText(cell, '.room-name', name);
    setText(cell, '.availability .value', state.availabilityLabel);
    setText(cell, '.cleaning .value', state.cleaningLabel);
  }
}

const element = (tag: string, className: string, text?: string): HTMLElement => {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

const stateLine = (kind: string, label: string): HTMLElement => {
  const line = element('p', `state ${kind}`);
  line.append(element('span', 'label', label), element('span', 'value'));
  return line;
};

const setText = (root: HTMLElement, selector: string, text: string): void => {
  const node = root.querySelector(selector);
  if (node && node.textContent !== text) node.textContent = text;
};
