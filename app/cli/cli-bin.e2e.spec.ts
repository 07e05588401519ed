import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess, showingAppOutput } from '@test/faults/app-process';
import { jsonLines, npxCli } from '@test/cli-run';
import { booking } from '@test/hotel.requests';

/**
 * `npx nats-event-model` as a person runs it after `npm run build`, next to the built app with its embedded
 * server: no --server and no NATS_URL, so it logs in as the operator through `<DATA_DIR>/nats/operator.url`.
 * The rebuild creates, seals, switches and removes buckets as the operator, and the app, as its own `app`
 * user with its exact permissions, goes on projecting into the rebuilt bucket.
 */
describe('the built CLI next to the app and its embedded server', () => {
  let dataDir: string;
  let app: AppProcess;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cli-bin-'));
    env = { DATA_DIR: dataDir, NATS_URL: '' };
    app = await AppProcess.start('app', '', { ...env, EMBEDDED_NATS_PORT: '0' });
  }, 90_000);

  afterAll(async () => {
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const book = async (room: number, date: string): Promise<number> => {
    const response = await fetch(`${app.baseUrl}/mutation/book-room`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(booking(room, 1, date)),
    });
    expect(response.status).toBe(201);
    const { sequence } = (await response.json()) as { sequence: number };
    expect((await fetch(`${app.baseUrl}/query/booking/${room}/${date}?sequence=${sequence}`)).status).toBe(200);
    return sequence;
  };

  it('shows, rebuilds and shows again through the embedded server, as the operator', async () => {
    await showingAppOutput(
      () => [app],
      async () => {
        await book(1, '2033-03-03');
        const help = await npxCli(['--help'], env);
        expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining('nats-event-model <command> [arguments] [options]') });

        const history = await npxCli(['history', 'hotel.room-day.1.2033-03-03'], env);
        expect(history.code).toBe(0);
        expect(jsonLines(history)[0]).toMatchObject({ type: 'hotel.RoomBooked.v2', subject: 'hotel.room-day.1.2033-03-03' });

        const rebuild = await npxCli(['rebuild', 'booking-board', '--grace', '500'], env);
        expect(rebuild).toMatchObject({ code: 0, stdout: expect.stringContaining('view-booking-board -> view-booking-board-green') });
        expect(rebuild.stderr).toMatch(/^rebuild booking-board \[#+\] .* done$/m);

        await book(2, '2033-03-03');
        const view = await npxCli(['view', 'booking-board', '*.2033-03-03'], env);
        expect(jsonLines<{ key: string }>(view).map(({ key }) => key)).toEqual(['1.2033-03-03', '2.2033-03-03']);
        const consumers = await npxCli(['consumers'], env);
        expect(consumers.stdout).toMatch(/view-booking-board\s+view\s+hotel\.room-day\.\*\.\*\s+0\s+-\s+\d+\s+bucket view-booking-board-green, held by/);
      },
    );
  }, 90_000);

  it('says where it looked when there is no server to log in to', async () => {
    const missing = await npxCli(['consumers'], { DATA_DIR: join(dataDir, 'elsewhere'), NATS_URL: '' });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`the embedded server's login ${join(dataDir, 'elsewhere', 'nats', 'operator.url')} cannot be read (it does not exist)`);
  });
});
