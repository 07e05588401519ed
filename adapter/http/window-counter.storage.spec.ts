import { WindowCounterStorage } from './window-counter.storage';

describe('the rate limiter\'s window counts', () => {
  const WINDOW = 60_000;
  let now: number;

  beforeEach(() => {
    now = Date.UTC(2032, 0, 1);
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  const hits = async (storage: WindowCounterStorage, key: string, count: number) => {
    const answers = [];
    for (let i = 0; i < count; i++) answers.push(await storage.increment(key, WINDOW, 3, WINDOW));
    return answers;
  };

  it('lets a client through up to its limit, then blocks it until its window ends, with the seconds left', async () => {
    const storage = new WindowCounterStorage();
    const answers = await hits(storage, 'a', 4);
    expect(answers.map((answer) => answer.isBlocked)).toEqual([false, false, false, true]);
    expect(answers[3]).toMatchObject({ totalHits: 4, timeToBlockExpire: 60 });
    now += 45_500;
    expect(await storage.increment('a', WINDOW, 3, WINDOW)).toMatchObject({ isBlocked: true, timeToBlockExpire: 15 });
  });

  it('counts each client on its own', async () => {
    const storage = new WindowCounterStorage();
    await hits(storage, 'a', 4);
    expect((await hits(storage, 'b', 3)).every((answer) => !answer.isBlocked)).toBe(true);
  });

  it('gives a client a fresh budget once its window and block are over', async () => {
    const storage = new WindowCounterStorage();
    await hits(storage, 'a', 4);
    now += WINDOW;
    expect((await hits(storage, 'a', 3)).map((answer) => answer.isBlocked)).toEqual([false, false, false]);
  });

  it('keeps a block longer than the window for its whole duration', async () => {
    const storage = new WindowCounterStorage();
    for (let i = 0; i < 4; i++) await storage.increment('a', 1_000, 3, 10_000);
    now += 5_000;
    expect(await storage.increment('a', 1_000, 3, 10_000)).toMatchObject({ isBlocked: true, timeToBlockExpire: 5 });
    now += 5_000;
    expect(await storage.increment('a', 1_000, 3, 10_000)).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('counts no request of a blocked client, so a flood does not lengthen its block', async () => {
    const storage = new WindowCounterStorage();
    const answers = await hits(storage, 'busy', 1_000);
    expect(answers.at(-1)).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 60 });
  });
});
