import fc from 'fast-check';
import { InvalidSubjectToken, toEntityId } from '@libs/ids/entity-id';
import { deadLetterSubject } from './dead-letter.stream';
import { HOTEL_STREAM, hotelCommandSubject, roomDaySubject, roomDaySubjectFilter, roomSubject, roomSubjectFilter } from './hotel.stream';

/** What NATS needs of a literal subject token: non-empty, no separator, no wildcard, no whitespace or control character. */
const isLiteralToken = (token: string): boolean => token.length > 0 && !/[.*>\s\p{Cc}]/u.test(token);

/** Strings that look like ids, and strings built from everything that must never reach a subject. */
const candidate = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', '7', '_', '-', '.', '*', '>', ' ', '\t', '\n', '\u0000', '\u007f', 'é', '\u2028', '𝟙'), maxLength: 70 }),
  fc.string({ unit: 'grapheme', maxLength: 70 }),
  fc.constantFrom('', '.', '..', 'a..b', 'a.b', '*', '>', ' 1', '1 ', 'a\u0000b', 'x'.repeat(65)),
);
const dates = fc.constantFrom('2022-12-12', '2000-01-01', '2100-12-31', '2024-02-29');

describe('subjects built from ids', () => {
  it('hold exactly the expected literal tokens for every id the edges accept, and refuse every other id', () => {
    fc.assert(
      fc.property(candidate, dates, (raw, date) => {
        const accepted = toEntityId(raw) !== undefined;
        if (!accepted) {
          expect(() => roomSubject(raw)).toThrow(InvalidSubjectToken);
          expect(() => roomDaySubject(raw, date)).toThrow(InvalidSubjectToken);
          expect(() => roomDaySubjectFilter(raw)).toThrow(InvalidSubjectToken);
          return;
        }
        expect(roomSubject(raw).split('.')).toEqual(['hotel', 'room', raw]);
        expect(roomDaySubject(raw, date).split('.')).toEqual(['hotel', 'room-day', raw, date]);
        expect(roomDaySubjectFilter(raw).split('.')).toEqual(['hotel', 'room-day', raw, '*']);
        for (const subject of [roomSubject(raw), roomDaySubject(raw, date)]) expect(subject.split('.').every(isLiteralToken)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('take non-negative integers as their decimal token and refuse every other number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER + 1, Infinity, NaN)), (number) => {
        const id = toEntityId(number);
        if (Number.isSafeInteger(number) && number >= 0) expect(roomSubject(id ?? '').split('.')).toEqual(['hotel', 'room', String(Math.abs(number))]);
        else expect(id).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('refuse dates that are not on the calendar, wherever a date goes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom('2023-02-30', '2022-13-01', '1999-12-31', '2101-01-01', '2022-12-12 ', '2022.12.12', '', '*', '>'),
          fc.string({ unit: fc.constantFrom('2', '0', '1', '-', '.', '*', ' '), minLength: 10, maxLength: 10 }).filter((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text)),
        ),
        (date) => {
          expect(() => roomDaySubject('1', date)).toThrow(InvalidSubjectToken);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('take every day the calendar has between 2000 and 2100, leap days included, and no other', () => {
    const onCalendar = (year: number, month: number, day: number): boolean => {
      const date = new Date(Date.UTC(year, month - 1, day));
      return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    };
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        if (onCalendar(year, month, day)) expect(roomDaySubject('1', date)).toBe(`hotel.room-day.1.${date}`);
        else expect(() => roomDaySubject('1', date)).toThrow(InvalidSubjectToken);
      }),
      { numRuns: 2_000, examples: [[2000, 2, 29], [2024, 2, 29], [2100, 2, 29], [2023, 2, 29], [2022, 4, 31], [2022, 12, 31]] },
    );
  });

  it('never build a command or dead-letter subject with a wildcard or an empty token', () => {
    fc.assert(
      fc.property(candidate, (name) => {
        for (const build of [hotelCommandSubject, deadLetterSubject]) {
          let subject: string;
          try {
            subject = build(name);
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidSubjectToken);
            continue;
          }
          expect(subject.split('.').every(isLiteralToken)).toBe(true);
          expect(subject.endsWith(`.${name}`)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the hotel stream\'s entities', () => {
  it('hold every event type of the stream on exactly one kind of entity, each with a contract', () => {
    const placed = HOTEL_STREAM.entities.flatMap((entity) => entity.eventTypes);
    expect([...placed].sort()).toEqual([...HOTEL_STREAM.eventTypes].sort());
    expect(Object.keys(HOTEL_STREAM.contracts ?? {}).sort()).toEqual([...HOTEL_STREAM.eventTypes].sort());
  });

  it('build their subjects from their templates', () => {
    expect(roomSubject('7')).toBe('hotel.room.7');
    expect(roomDaySubject('7', '2022-12-12')).toBe('hotel.room-day.7.2022-12-12');
    expect(roomSubjectFilter()).toBe('hotel.room.*');
    expect(roomDaySubjectFilter()).toBe('hotel.room-day.*.*');
  });
});
