interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers requests for the database that arrive together into one query. Items
 * wait until the current I/O phase ends, or until one of the queries already
 * with the database returns, then go as one batch: under load a query serves
 * many requests, and alone a request is not delayed. `run` answers each item
 * of a batch by position (a result, or an Error for that item alone).
 */
export class BatchQueue<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly run: (items: T[]) => Promise<(R | Error)[]>,
    private readonly limits: { maxBatch: number; maxInFlight: number },
  ) {}

  push(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.limits.maxInFlight || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.waiting.length > 0 && this.inFlight < this.limits.maxInFlight) {
        const batch = this.waiting.splice(0, this.limits.maxBatch);
        this.inFlight++;
        void this.dispatch(batch).finally(() => {
          this.inFlight--;
          this.schedule();
        });
      }
    });
  }

  private async dispatch(batch: Waiting<T, R>[]): Promise<void> {
    let results: (R | Error)[];
    try {
      results = await this.run(batch.map((w) => w.item));
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    batch.forEach((w, i) => {
      const result = results[i];
      if (result === undefined) w.reject(new Error(`batch answered no result for item ${i}`));
      else if (result instanceof Error) w.reject(result);
      else w.resolve(result);
    });
  }
}
