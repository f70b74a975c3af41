/**
 * One inspection thread (dist/inspect/tensors.js, started by inspectFile.ts): opens the model file itself, then
 * inspects the tensors it is handed, one at a time, with the same code as a single-threaded inspection, so a
 * tensor's report is the same bits whichever thread made it. Closes its files and exits when told to "close";
 * a tensor in progress then stops at its next chunk.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ModelFileError } from "../file";
import { InspectCancelled, inspectOneTensor } from "../inspect";
import { openModel } from "../open";
import type { SchemeName } from "../schemes";
import { valueOps } from "../valueOps";
import { loadKernels } from "./loadKernels";
import { openNodeFile, siblingOpener } from "./nodeFile";
import type { FromTensorWorker, TensorWorkerData, ToTensorWorker } from "./tensorWorkerMessages";

const port = parentPort;
if (!port) throw new Error("tensorWorker.ts runs as a worker_threads Worker");
const { file, displayName, schemes } = workerData as TensorWorkerData;

const post = (message: FromTensorWorker) => port.postMessage(message);
const siblings = siblingOpener(file, displayName);
const opened = openNodeFile(file, displayName);
const model = opened.then((f) => openModel(f, siblings.open));
const ops = valueOps(loadKernels());
let closing = false;

async function inspect(slot: number, index: number): Promise<void> {
  try {
    const t = (await model).tensors[index];
    if (!t) throw new Error(`the model has no tensor #${index}`);
    const report = await inspectOneTensor(t, schemes as SchemeName[], ops, (bytes) => {
      if (closing) throw new InspectCancelled();
      post({ type: "progress", bytes });
    });
    post({ type: "report", slot, report });
  } catch (error) {
    if (error instanceof InspectCancelled) return;
    const e = error instanceof Error ? error : new Error(String(error));
    post({ type: "failed", slot, message: e.message, ...(e instanceof ModelFileError ? { file: e.file, offset: e.offset, reason: e.reason } : {}) });
  }
}

async function close(): Promise<void> {
  closing = true;
  await Promise.allSettled([opened.then((f) => f.close()), siblings.closeAll()]);
  port!.close();
}

port.on("message", (message: ToTensorWorker) => {
  if (message.type === "tensor") void inspect(message.slot, message.index);
  else void close();
});
