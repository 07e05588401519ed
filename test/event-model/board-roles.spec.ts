import { BOARDS } from '@app/boards';
import { NOTIFICATION_BOARD } from '@feature/notification/notification.board';
import type { Board } from '@libs/event-model/board';
import { APP_ROLE, roleProblems, rolesOf, roleStreams, runnerOf, serverOf } from '@libs/event-model/board-roles';

const withRoles = (roles: Board['roles']): Board[] => BOARDS.map((board) => (board === NOTIFICATION_BOARD ? { ...board, roles } : board));
const notificationRoles = NOTIFICATION_BOARD.roles ?? [];

describe('the roles that run the boards\' slices', () => {
  it('put every notification slice in exactly one role, and serve each board\'s commands and queries from one role', () => {
    expect(roleProblems(BOARDS)).toEqual([]);
    const named = notificationRoles.flatMap(({ slices }) => slices);
    expect([...named].sort()).toEqual(NOTIFICATION_BOARD.slices.map(({ name }) => name).sort());
  });

  it('leave the slices of boards without roles, and every view\'s projector, to the app\'s own role', () => {
    expect(rolesOf(BOARDS).map(({ name }) => name)).toEqual([APP_ROLE, 'front', 'operation-handler', 'email-bot', 'slack-bot', 'saga-handler']);
    const status = NOTIFICATION_BOARD.slices.find(({ name }) => name === 'notification-status')!;
    expect(runnerOf(BOARDS, status)).toBe(APP_ROLE);
    expect(serverOf(BOARDS, status)).toBe('front');
    const hotel = BOARDS.find(({ name }) => name === 'hotel')!;
    expect(hotel.slices.map((slice) => runnerOf(BOARDS, slice))).toEqual(hotel.slices.map(() => APP_ROLE));
  });

  it('read from the declarations which streams each role writes and reads', () => {
    const bot = roleStreams(BOARDS, 'email-bot');
    expect(bot.writes.map(({ name }) => name)).toEqual(['NOTIFICATION_EMAILS']);
    expect(bot.writesSubjects).toEqual(['notification.email.*']);
    expect(bot.reads.map(({ name }) => name)).toEqual(['NOTIFICATION_EMAILS', 'NOTIFICATION_EMAIL_OPS']);
    const front = roleStreams(BOARDS, 'front');
    expect(front.writesSubjects).toEqual(['notification.recipient.*', 'notification.request.*']);
    expect(front.queries.map(({ name }) => name)).toEqual(['notification-status', 'sent-emails']);
    expect(roleStreams(BOARDS, 'saga-handler').writes.map(({ name }) => name)).toEqual(['NOTIFICATION_SAGAS', 'NOTIFICATION']);
  });

  it('name a slice left out, a slice in two roles, a slice that does not exist, and a role named twice or as the app\'s', () => {
    const [front, handler, ...others] = notificationRoles;
    expect(
      roleProblems(
        withRoles([
          { ...front!, slices: front!.slices.filter((name) => name !== 'sent-emails') },
          { ...handler!, slices: [...handler!.slices, 'send-email', 'no-such-slice'] },
          ...others,
          { name: APP_ROLE, description: 'taken', slices: [] },
          { name: 'slack-bot', description: 'twice', slices: [] },
        ]),
      ),
    ).toEqual([
      'role operation-handler names no-such-slice, which is no slice of notification',
      'notification declares a role "app", the name of the app\'s own role',
      'role slack-bot is declared twice',
      'notification\'s slice send-email is in more than one role: operation-handler, email-bot',
      'notification\'s slice sent-emails is in no role',
      'notification\'s commands and queries are served by more than one role (front, app): its controllers serve them together',
    ]);
  });

  it('name a board whose commands and queries more than one role would serve', () => {
    const [front, handler, ...others] = notificationRoles;
    const split = withRoles([{ ...front!, slices: front!.slices.filter((name) => name !== 'sent-emails') }, { ...handler!, slices: [...handler!.slices, 'sent-emails'] }, ...others]);
    expect(roleProblems(split)).toEqual(['notification\'s commands and queries are served by more than one role (front, operation-handler): its controllers serve them together']);
  });
});
