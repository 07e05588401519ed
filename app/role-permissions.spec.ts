import { rolesOf } from '@libs/event-model/board-roles';
import { BOARDS } from './boards';
import { roleNatsPermissions } from './role-permissions';

const roles = rolesOf(BOARDS)
  .map(({ name }) => name)
  .filter((name) => name !== 'app');

describe('the NATS permissions of each role, derived from the slices it runs', () => {
  it('let the email bot write the email event stream and read the email operation stream, nothing of the client operation stream', () => {
    const { publish, subscribe, allowResponses } = roleNatsPermissions(BOARDS, 'email-bot');
    expect(publish).toEqual(expect.arrayContaining(['notification.email.*', '$JS.API.DIRECT.GET.NOTIFICATION_EMAIL_OPS', '$JS.API.CONSUMER.MSG.NEXT.NOTIFICATION_EMAIL_OPS.effect-send-email']));
    expect(publish.filter((subject) => subject.startsWith('notification.'))).toEqual(['notification.email.*']);
    expect(publish.filter((subject) => /NOTIFICATION_REQUESTS|notification\.request/.test(subject))).toEqual([]);
    expect(publish).toContain('outbox.email.>');
    expect(publish).toContain('timers.email-bot.>');
    expect(publish).not.toContain('outbox.>');
    expect(subscribe).toEqual(['_INBOX_email-bot.>']);
    expect(allowResponses).toBeUndefined();
  });

  it('let the front alone take commands, answer them, and write the client operation stream', () => {
    for (const role of roles) {
      const { publish, subscribe, allowResponses } = roleNatsPermissions(BOARDS, role);
      const front = role === 'front';
      expect(subscribe.includes('cmd.notification.>')).toBe(front);
      expect(allowResponses === true).toBe(front);
      expect(publish.includes('notification.request.*')).toBe(front);
    }
    expect(roleNatsPermissions(BOARDS, 'front').publish).toEqual(expect.arrayContaining(['$JS.API.DIRECT.GET.KV_view-notification-status.>', '$JS.API.STREAM.INFO.KV_projectors']));
  });

  it('let no role create, change or delete a stream or a consumer it does not own, nor publish into another\'s inboxes', () => {
    for (const role of roles) {
      const { publish, subscribe } = roleNatsPermissions(BOARDS, role);
      expect(publish.filter((subject) => /\$JS\.API\.(STREAM\.(CREATE|UPDATE|DELETE)|ACCOUNT)|^_INBOX|^\$JS\.API\.>$|^>$/.test(subject))).toEqual([]);
      expect(publish.filter((subject) => subject.includes('STREAM.PURGE')).every((subject) => subject.endsWith(`TIMERS_${role.toUpperCase().replace(/-/g, '_')}`))).toBe(true);
      expect(subscribe.filter((subject) => subject.startsWith('_INBOX'))).toEqual([`_INBOX_${role}.>`]);
    }
  });

  it('give the saga handler its process\'s lease and both streams it writes, the saga\'s and the notification\'s', () => {
    const { publish } = roleNatsPermissions(BOARDS, 'saga-handler');
    expect(publish).toEqual(expect.arrayContaining(['notification.saga.*', 'notification.notification.*', '$KV.projectors.lease.process-notification-saga']));
    expect(publish).not.toContain('notification.recipient.*');
  });

  it('leave the app\'s own role to the app user', () => {
    expect(() => roleNatsPermissions(BOARDS, 'app')).toThrow('the app role runs as the app\'s own user: use appNatsPermissions');
  });
});
