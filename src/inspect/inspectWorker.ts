/**
 * The inspection Worker (dist/inspect/worker.js): reads a model file and computes its report off the extension
 * host's thread, posting progress as it goes. Cancelling terminates the Worker (and with it the inspection threads
 * it started). No vscode here.
 */
import { parentPort } from "node:worker_threads";
import { float32Chunks } from "../models/decode";
import { inspectModelFile } from "../models/node/inspectFile";
import { openNodeFile, siblingOpener } from "../models/node/nodeFile";
import { openModel } from "../models/open";
import type { FromInspectWorker, ToInspectWorker } from "../protocol/inspectMessages";

const port = parentPort;
if (!port) throw new Error("inspectWorker.ts runs as a worker_threads Worker");

function post(message: FromInspectWorker): void {
  port!.postMessage(message);
}

async function withModel<T>(file: string, run: (model: Awaited<ReturnType<typeof openModel>>) => Promise<T>): Promise<T> {
  const siblings = siblingOpener(file);
  const opened = await openNodeFile(file);
  try {
    return await run(await openModel(opened, siblings.open));
  } finally {
    await opened.close();
    await siblings.closeAll();
  }
}

/** The first rows of a tensor that fit in `maxValues` (all of it when it fits), with their row-major shape. */
async function firstValues(file: string, name: string, maxValues: number): Promise<FromInspectWorker> {
  return withModel(file, async (model) => {
    const t = model.tensors.find((x) => x.name === name);
    if (!t?.data) return { type: "failed", message: `${name}: its values cannot be read (${t ? t.dtype : "no such tensor"})` };
    const shape = t.shape.length ? [...t.shape] : [1];
    const rowSize = shape.slice(1).reduce((a, b) => a * b, 1);
    if (rowSize > maxValues) return { type: "failed", message: `${name}: one row holds ${rowSize} values, more than the playground takes (${maxValues})` };
    shape[0] = Math.min(shape[0], Math.floor(maxValues / rowSize));
    const count = shape.reduce((a, b) => a * b, 1);
    const values: number[] = [];
    for await (const chunk of float32Chunks(t.data)) {
      for (let i = 0; i < chunk.length && values.length < count; i++) values.push(chunk[i]);
      if (values.length >= count) break;
    }
    return { type: "values", name: t.name, shape, values };
  });
}

port.on("message", (message: ToInspectWorker) => {
  const work =
    message.type === "inspect"
      ? (async () => {
          let last = 0;
          // The tensors are spread over inspection threads of their own (dist/inspect/tensors.js beside this file).
          const report = await inspectModelFile(message.file, message.file, {
            schemes: message.schemes,
            onProgress: (done, total) => {
              const now = Date.now();
              if (now - last < 100 && done < total) return;
              last = now;
              post({ type: "progress", done, total });
            },
          });
          return { type: "report", report } satisfies FromInspectWorker;
        })()
      : firstValues(message.file, message.tensor, message.maxValues);
  work.then(post, (error: unknown) => post({ type: "failed", message: error instanceof Error ? error.message : String(error) }));
});
