/** Work on many items at once: answers one result per item, in the items' order. */
export type BatchWork<I, O> = (items: I[]) => Promise<O[]>;

/**
 * Group commit for one kind of statement. An item asked for while no batch is running is sent at
 * once, alone; items asked for while batches are running wait for one to finish and then go
 * together, up to `maxBatch` in one statement. Alone a request waits for nothing; under load each
 * statement, round trip and commit is shared by the requests that arrived meanwhile (on the public
 * intake, most of the database's and the server's time went to those, not to the rows).
 *
 * When a batch of several fails, each of its items is tried again on its own, so one bad item
 * fails alone and its error is its own.
 */
export function batchWhileBusy<I, O>(work: BatchWork<I, O>, { maxBatch = 64, concurrency = 1 } = {}): (item: I) => Promise<O> {
  type Waiting = { item: I; resolve: (output: O) => void; reject: (error: unknown) => void };
  const queue: Waiting[] = [];
  let running = 0;

  async function settle(batch: Waiting[]) {
    try {
      const outputs = await work(batch.map((waiting) => waiting.item));
      if (outputs.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${outputs.length} results`);
      batch.forEach((waiting, index) => waiting.resolve(outputs[index]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      await Promise.all(batch.map((waiting) => settle([waiting])));
    }
  }

  function next() {
    while (running < concurrency && queue.length > 0) {
      running++;
      void settle(queue.splice(0, maxBatch)).finally(() => {
        running--;
        next();
      });
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      next();
    });
}
