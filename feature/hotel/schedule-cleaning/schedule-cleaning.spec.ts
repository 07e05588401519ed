import { DeciderSpecification, recorded } from '@libs/testing/given-when-then';
import type { HotelEvent } from '@model/hotel/hotel.events';
import { scheduleCleaning, type ScheduleCleaning } from './schedule-cleaning.decider';
import { assignTeam, CLEANING_TEAMS, onRoomBooked } from './schedule-cleaning.reactor';

const roomBooked = { type: 'RoomBooked' as const, data: { roomId: '1', clientId: '1', date: '2022-12-12' } };
const schedule: ScheduleCleaning = { type: 'ScheduleCleaning', data: { roomId: '1', date: '2022-12-12', team: 'blue' } };
const spec = DeciderSpecification.for(scheduleCleaning);

describe('bot schedule cleaning for the date', () => {
  it('react to booking: a booking asks for its cleaning', () => {
    const [booked] = recorded<HotelEvent>([roomBooked]);
    expect(booked && onRoomBooked(booked)).toEqual([
      { type: 'ScheduleCleaning', data: { roomId: '1', date: '2022-12-12', team: assignTeam('1', '2022-12-12') } },
    ]);
  });

  it('other events ask for nothing', () => {
    const [registered] = recorded<HotelEvent>([{ type: 'RoomRegistered', data: { roomId: '1', name: 'Room 1' } }]);
    expect(registered && onRoomBooked(registered)).toEqual([]);
  });

  it('assign the team for the date: always the same team for a room and date, rotating over days', () => {
    expect(assignTeam('1', '2022-12-12')).toBe(assignTeam('1', '2022-12-12'));
    expect(CLEANING_TEAMS).toContain(assignTeam('1', '2022-12-12'));
    const week = ['2022-12-12', '2022-12-13', '2022-12-14'].map((date) => assignTeam('1', date));
    expect(new Set(week).size).toBe(CLEANING_TEAMS.length);
  });

  it('schedule plan contains the room: a booked room gets its cleaning', () =>
    spec.given([roomBooked]).when(schedule).then([{ type: 'CleanupScheduled', data: schedule.data }]));

  it('a cleaning is scheduled once, whatever team a repeat asks for', () =>
    spec
      .given([roomBooked, { type: 'CleanupScheduled', data: schedule.data }])
      .when({ ...schedule, data: { ...schedule.data, team: 'green' } })
      .thenNothingHappens());

  it('a room that is not booked gets no cleaning', () => spec.given([]).when(schedule).thenRefuses('room-must-be-booked'));
});
