import { setTimeout as sleep } from 'node:timers/promises';
import { roomDaySubject } from '@stream/hotel.stream';
import { booking } from '@test/hotel.requests';
import type { BookingOutcome } from './booking-load';
import { putJson } from './cluster-app';

/** One room-day booked by several clients at once, and what each was answered. */
export interface ContendedRound {
  readonly round: number;
  readonly subject: string;
  readonly statuses: readonly number[];
}

export interface ContendedBookingsOptions {
  /** Clients booking the same room-day at the same time. */
  readonly rivals: number;
  /** The first contended date; each round of 5 rooms takes the next day. */
  readonly firstDate: string;
}

/**
 * Rounds of rival clients, each round booking one fresh room-day of the demo hotel at the same
 * time, until stopped: at most one of them may be told 201, and the room-day holds at most one booking.
 */
export class ContendedBookings {
  readonly rounds: ContendedRound[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  private constructor(
    private readonly baseUrl: () => string,
    private readonly options: ContendedBookingsOptions,
  ) {
    this.loop = this.run();
  }

  static start(baseUrl: string | (() => string), options: ContendedBookingsOptions): ContendedBookings {
    return new ContendedBookings(typeof baseUrl === 'string' ? () => baseUrl : baseUrl, options);
  }

  async stop(): Promise<ContendedRound[]> {
    this.running = false;
    await this.loop;
    return this.rounds;
  }

  /** The rounds' answers as booking outcomes, to check them against the stream with the load's. */
  outcomes(): BookingOutcome[] {
    return this.rounds.flatMap(({ round, subject, statuses }) => statuses.map((status) => ({ index: -1 - round, subject, status, ms: 0 })));
  }

  private async run(): Promise<void> {
    const first = Date.parse(`${this.options.firstDate}T00:00:00Z`);
    for (let round = 0; this.running; round++) {
      const room = 1 + (round % 5);
      const date = new Date(first + Math.floor(round / 5) * 86_400_000).toISOString().slice(0, 10);
      const statuses = await Promise.all(
        Array.from({ length: this.options.rivals }, (_, rival) => putJson(`${this.baseUrl()}/mutation/book-room`, booking(room, `rival-${round}-${rival}`, date))),
      );
      this.rounds.push({ round, subject: roomDaySubject(String(room), date), statuses });
      await sleep(statuses.some((status) => status === 0 || status >= 500) ? 100 : 10);
    }
  }
}
