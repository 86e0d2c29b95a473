import { describe, expect, it } from 'vitest';
import { batchWhileBusy } from './batch-while-busy.js';

/** Work that records each batch it is given and finishes when told to. */
function recordingWork() {
  const batches: number[][] = [];
  const finish: (() => void)[] = [];
  const work = (items: number[]) => {
    batches.push(items);
    return new Promise<string[]>((resolve, reject) => {
      finish.push(() => (items.includes(13) ? reject(new Error('unlucky')) : resolve(items.map((item) => `done ${item}`))));
    });
  };
  return { work, batches, finishNext: () => finish.shift()!() };
}

const settled = <T>(promise: Promise<T>) => promise.then((value) => ({ value }), (error: Error) => ({ error: error.message }));
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('batchWhileBusy', () => {
  it('sends an item at once when idle, and groups those asked for meanwhile, each answered with its own result', async () => {
    const { work, batches, finishNext } = recordingWork();
    const run = batchWhileBusy(work);
    const first = run(1);
    const rest = [run(2), run(3), run(4)];
    expect(batches).toEqual([[1]]);
    finishNext();
    expect(await first).toBe('done 1');
    await tick();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    finishNext();
    expect(await Promise.all(rest)).toEqual(['done 2', 'done 3', 'done 4']);
  });

  it('keeps to its concurrency and batch size', async () => {
    const { work, batches, finishNext } = recordingWork();
    const run = batchWhileBusy(work, { concurrency: 2, maxBatch: 2 });
    const all = [1, 2, 3, 4, 5, 6].map((item) => run(item));
    expect(batches).toEqual([[1], [2]]);
    finishNext();
    await tick();
    expect(batches).toEqual([[1], [2], [3, 4]]);
    finishNext();
    finishNext();
    await tick();
    finishNext();
    expect(await Promise.all(all)).toEqual(['done 1', 'done 2', 'done 3', 'done 4', 'done 5', 'done 6']);
    expect(batches).toEqual([[1], [2], [3, 4], [5, 6]]);
  });

  it('tries each item of a failed batch on its own: the bad one fails alone', async () => {
    const { work, batches, finishNext } = recordingWork();
    const run = batchWhileBusy(work);
    const first = run(1);
    const rest = [12, 13, 14].map((item) => settled(run(item)));
    finishNext();
    await first;
    await tick();
    finishNext(); // the batch [12, 13, 14] fails
    await tick();
    expect(batches.slice(2)).toEqual([[12], [13], [14]]);
    finishNext();
    finishNext();
    finishNext();
    expect(await Promise.all(rest)).toEqual([{ value: 'done 12' }, { error: 'unlucky' }, { value: 'done 14' }]);
  });
});
