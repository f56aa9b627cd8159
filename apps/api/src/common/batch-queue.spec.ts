import { BatchQueue } from './batch-queue';

describe('BatchQueue', () => {
  it('sends items pushed together as one batch and answers each by position', async () => {
    const batches: number[][] = [];
    const queue = new BatchQueue<number, string>(
      async (items) => {
        batches.push(items);
        return items.map((n) => (n === 3 ? new Error('three') : `#${n}`));
      },
      { maxBatch: 10, maxInFlight: 2 },
    );
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => queue.push(n)));
    expect(batches).toEqual([[1, 2, 3, 4]]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['#1', '#2', 'three', '#4']);
  });

  it('keeps at most maxInFlight batches with the database and gathers what arrives meanwhile', async () => {
    const batches: number[][] = [];
    let inFlight = 0;
    let most = 0;
    const queue = new BatchQueue<number, number>(
      async (items) => {
        batches.push(items);
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight--;
        return items;
      },
      { maxBatch: 3, maxInFlight: 2 },
    );
    const first = [1, 2, 3, 4, 5, 6, 7].map((n) => queue.push(n));
    await new Promise((resolve) => setImmediate(resolve));
    const later = [8, 9].map((n) => queue.push(n));
    expect(await Promise.all([...first, ...later])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(2);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
  });

  it('a failed batch fails each of its items, and the queue goes on', async () => {
    let calls = 0;
    const queue = new BatchQueue<number, number>(
      async (items) => {
        if (++calls === 1) throw new Error('connection lost');
        return items;
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    await expect(Promise.all([queue.push(1), queue.push(2)])).rejects.toThrow('connection lost');
    await expect(queue.push(3)).resolves.toBe(3);
  });
});
