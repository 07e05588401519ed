import { cliOutput } from './cli-output';
import { ProgressBar, renderProgress } from './progress-bar';

describe('the progress line', () => {
  it('shows done / total, the rate since the start and the time left at that rate', () => {
    expect(renderProgress('rebuild booking-board', 'messages', { done: 5_000, total: 20_000 }, 2_000, 8)).toBe(
      'rebuild booking-board [##------] 5,000/20,000 messages  2,500/s  ETA 0:06',
    );
    expect(renderProgress('r', 'messages', { done: 100, total: 100 }, 1_000, 4)).toBe('r [####] 100/100 messages  100/s  done');
    expect(renderProgress('r', 'messages', { done: 0, total: 10 }, 0, 4)).toBe('r [----] 0/10 messages  0/s  ETA --:--');
    expect(renderProgress('r', 'messages', { done: 1, total: 7_201 }, 1_000, 4)).toBe('r [----] 1/7,201 messages  1/s  ETA 2:00:00');
  });

  it('is redrawn in place on a terminal, and written as plain lines every 2 s elsewhere', () => {
    let clock = 0;
    const written: string[] = [];
    const sink = (isTTY: boolean) => ({ isTTY, write: (text: string) => written.push(text) });
    const plain = new ProgressBar(cliOutput(sink(false), sink(false)), 'r', 'messages', () => clock);
    for (let at = 0; at <= 4_000; at += 500) {
      clock = at;
      plain.update({ done: at, total: 4_000 });
    }
    plain.finish();
    expect(written).toEqual([
      'r [------------------------] 0/4,000 messages  0/s  ETA --:--\n',
      'r [############------------] 2,000/4,000 messages  1,000/s  ETA 0:02\n',
      'r [########################] 4,000/4,000 messages  1,000/s  done\n',
      'r [########################] 4,000/4,000 messages  1,000/s  done\n',
    ]);
    written.length = 0;
    const tty = new ProgressBar(cliOutput(sink(true), sink(true)), 'r', 'messages', () => clock);
    tty.update({ done: 1, total: 2 });
    tty.finish();
    expect(written).toEqual(['\r\u001b[2Kr [############------------] 1/2 messages  0/s  ETA --:--', '\r\u001b[2Kr [########################] 1/1 messages  0/s  done\n']);
  });
});
