/** Runs `work` on every item with `lanes` in flight: a closed loop, each lane taking the next item once its last is done. */
export const inLanes = async <T>(items: readonly T[], lanes: number, work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  await Promise.all(Array.from({ length: lanes }, async () => {
    for (let index = next++; index < items.length; index = next++) await work(items[index]!);
  }));
};
