import { parentPort, workerData } from "node:worker_threads";
import { buildBatch, type BatchContext, type BatchRequest } from "./batch";
import { uuidV7Sequence } from "./ids";

// One worker of BatchWorkers: makes the batches it is sent with the context it was started with.
const context = workerData as BatchContext;
const newId = uuidV7Sequence();
parentPort!.on("message", (req: BatchRequest) => {
  try {
    const batch = buildBatch(context, req, newId);
    // The tables' bytes move to the main thread rather than being copied.
    parentPort!.postMessage(
      { ok: true, batch },
      batch.tables.map((t) => t.data.buffer as ArrayBuffer),
    );
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
  }
});
