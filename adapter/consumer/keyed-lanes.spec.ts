import { KeyedLanes } from './keyed-lanes';

/** A task that records its start and end and finishes when told to. */
const gate = (log: string[], name: string) => {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    open: () => open(),
    task: async () => {
      log.push(`start ${name}`);
      await opened;
      log.push(`end ${name}`);
    },
  };
};

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('keyed lanes', () => {
  it('runs different keys at once, and one key strictly in the order pushed', async () => {
    const log: string[] = [];
    const lanes = new KeyedLanes(8);
    const a1 = gate(log, 'a1');
    const a2 = gate(log, 'a2');
    const b1 = gate(log, 'b1');
    lanes.push('a', a1.task);
    lanes.push('a', a2.task);
    lanes.push('b', b1.task);
    await turn();
    expect(log).toEqual(['start a1', 'start b1']);
    a2.open();
    await turn();
    expect(log).toEqual(['start a1', 'start b1']);
    a1.open();
    b1.open();
    await lanes.idle();
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log).toContain('end a2');
  });

  it('never runs more than its limit at once', async () => {
    const lanes = new KeyedLanes(3);
    let running = 0;
    let most = 0;
    for (let index = 0; index < 20; index++) {
      lanes.push(`k${index % 7}`, async () => {
        running++;
        most = Math.max(most, running);
        await turn();
        running--;
      });
    }
    expect(lanes.size).toBe(20);
    await lanes.idle();
    expect(most).toBe(3);
    expect(lanes.size).toBe(0);
  });

  it('goes on after a task fails, and tells when it has room again', async () => {
    const lanes = new KeyedLanes(1);
    const done: string[] = [];
    lanes.push('a', () => Promise.reject(new Error('boom')));
    lanes.push('a', async () => {
      done.push('after the failure');
      await turn();
    });
    lanes.push('b', async () => {
      done.push('b');
      await turn();
    });
    await lanes.whenBelow(2);
    expect(lanes.size).toBeLessThan(2);
    await lanes.idle();
    expect([...done].sort()).toEqual(['after the failure', 'b']);
  });
});
