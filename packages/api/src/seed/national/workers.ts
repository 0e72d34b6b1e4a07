import { Worker } from "node:worker_threads";
import type { BatchContext, BatchRequest, BuiltBatch } from "./batch";

/**
 * Batches made in worker threads: making the rows (the domain's rules per case) is the load's
 * largest cost and parallelises perfectly, since every patient's plan stands alone. Each worker
 * runs worker.ts through tsx (worker-entry.mjs).
 */
export class BatchWorkers {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private readonly all: Worker[] = [];

  constructor(count: number, context: BatchContext) {
    for (let i = 0; i < count; i++) {
      // A roomier young generation: a batch makes millions of short-lived objects, and the default
      // semi-space has the scavenger run (and copy survivors) several times as often.
      const w = new Worker(new URL("./worker-entry.mjs", import.meta.url), {
        workerData: context,
        resourceLimits: { maxYoungGenerationSizeMb: 96 },
      });
      w.unref();
      this.all.push(w);
      this.idle.push(w);
    }
  }

  async build(req: BatchRequest): Promise<BuiltBatch> {
    const w = this.idle.pop() ?? (await new Promise<Worker>((res) => this.waiting.push(res)));
    try {
      return await new Promise<BuiltBatch>((resolve, reject) => {
        const onError = (e: Error) => {
          w.off("message", onMessage);
          reject(e);
        };
        const onMessage = (m: { ok: true; batch: BuiltBatch } | { ok: false; error: string }) => {
          w.off("error", onError);
          if (m.ok) resolve(m.batch);
          else reject(new Error(m.error));
        };
        w.once("message", onMessage);
        w.once("error", onError);
        w.postMessage(req);
      });
    } finally {
      const next = this.waiting.shift();
      if (next) next(w);
      else this.idle.push(w);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
