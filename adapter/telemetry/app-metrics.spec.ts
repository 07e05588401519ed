import { AppMetrics, outcomeOf } from './app-metrics';

const lines = async (metrics: AppMetrics): Promise<string[]> => (await metrics.text()).split('\n');

describe('the app\'s metrics in the Prometheus text format', () => {
  it('writes the command path\'s counters with their help, their type and one series per slice, as the benches read them', async () => {
    const metrics = new AppMetrics();
    Object.assign(metrics.commands.of('/hotel/book-room'), { handled: 12, retried: 3, reads: 4, eventsRead: 5 });
    metrics.commands.of('/hotel/cleanup').handled = 1;
    const text = await lines(metrics);
    expect(text).toEqual(
      expect.arrayContaining([
        '# TYPE commands_handled_total counter',
        'commands_handled_total{slice="/hotel/book-room"} 12',
        'commands_handled_total{slice="/hotel/cleanup"} 1',
        'command_retries_total{slice="/hotel/book-room"} 3',
        'command_retries_total{slice="/hotel/cleanup"} 0',
        'command_reads_total{slice="/hotel/book-room"} 4',
        'command_events_read_total{slice="/hotel/book-room"} 5',
      ]),
    );
    expect(text.filter((line) => line.startsWith('# HELP command'))).toHaveLength(5);
  });

  it('counts each answered command in the duration histogram by command, trigger and outcome', async () => {
    const metrics = new AppMetrics();
    metrics.commandAnswered('book-room', 'http', 'ok', 0.004);
    metrics.commandAnswered('book-room', 'http', 'ok', 0.02);
    metrics.commandAnswered('book-room', 'http', 'refused', 0.003);
    metrics.commandAnswered('schedule-cleaning', 'automation', 'ok', 0.002);
    const text = await lines(metrics);
    expect(text).toEqual(
      expect.arrayContaining([
        '# TYPE command_duration_seconds histogram',
        'command_duration_seconds_bucket{le="0.005",command="book-room",trigger="http",outcome="ok"} 1',
        'command_duration_seconds_bucket{le="0.025",command="book-room",trigger="http",outcome="ok"} 2',
        'command_duration_seconds_count{command="book-room",trigger="http",outcome="ok"} 2',
        'command_duration_seconds_count{command="book-room",trigger="http",outcome="refused"} 1',
        'command_duration_seconds_count{command="schedule-cleaning",trigger="automation",outcome="ok"} 1',
      ]),
    );
  });

  it('counts stored events per stream and type, and the live clients connected', async () => {
    const metrics = new AppMetrics();
    metrics.eventsPublished('HOTEL', ['RoomCleanedUp', 'RoomAvailable']);
    metrics.eventsPublished('HOTEL', ['RoomBooked']);
    metrics.eventsPublished('HOTEL', ['RoomBooked']);
    metrics.liveClients.inc();
    metrics.liveClients.inc();
    metrics.liveClients.dec();
    expect(await lines(metrics)).toEqual(
      expect.arrayContaining([
        'events_published_total{stream="HOTEL",type="RoomBooked"} 2',
        'events_published_total{stream="HOTEL",type="RoomAvailable"} 1',
        'live_clients 1',
      ]),
    );
  });

  it('includes the process\'s memory and Node.js figures under their usual names', async () => {
    const text = await lines(new AppMetrics());
    for (const name of ['process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_heap_size_total_bytes', 'nodejs_external_memory_bytes', 'process_cpu_seconds_total']) {
      expect(text.some((line) => new RegExp(`^${name} \\d+`).test(line))).toBe(true);
    }
  });

  it('keeps two apps\' metrics apart in one process', async () => {
    const first = new AppMetrics();
    const second = new AppMetrics();
    first.eventsPublished('HOTEL', ['RoomBooked']);
    expect(await lines(first)).toContain('events_published_total{stream="HOTEL",type="RoomBooked"} 1');
    expect((await second.text())).not.toContain('type="RoomBooked"');
  });

  it.each([
    [201, 'ok'],
    [200, 'ok'],
    [400, 'invalid'],
    [413, 'invalid'],
    [401, 'unauthorized'],
    [409, 'refused'],
    [429, 'rate-limited'],
    [503, 'unavailable'],
    [504, 'unavailable'],
    [404, 'rejected'],
    [500, 'failed'],
  ])('names a reply of status %i as outcome %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });
});
