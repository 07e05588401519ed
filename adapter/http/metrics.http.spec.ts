import { CommandCounters } from '@adapter/event-store/command-counters';
import { memoryText, prometheusText } from './metrics.http';

describe('metrics in the Prometheus text format', () => {
  it('writes every counter with its help, its type and one series per slice', () => {
    const counters = new CommandCounters();
    Object.assign(counters.of('/hotel/book-room'), { handled: 12, retried: 3, reads: 4, eventsRead: 5 });
    counters.of('/hotel/cleanup').handled = 1;
    const lines = prometheusText(counters.entries()).split('\n');
    expect(lines).toEqual(
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
    expect(lines.filter((line) => line.startsWith('# HELP'))).toHaveLength(4);
    expect(lines.at(-1)).toBe('');
  });

  it('writes the process memory as gauges', () => {
    const lines = memoryText({ rss: 300, heapUsed: 120, heapTotal: 200, external: 7, arrayBuffers: 5 }).split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        '# TYPE process_resident_memory_bytes gauge',
        'process_resident_memory_bytes 300',
        'nodejs_heap_size_used_bytes 120',
        'nodejs_heap_size_total_bytes 200',
        'nodejs_external_memory_bytes 7',
      ]),
    );
  });
});
