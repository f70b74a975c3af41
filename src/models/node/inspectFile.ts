/**
 * Inspects a model file on disk, spreading its tensors over worker threads (tensorWorker.ts, built as
 * dist/inspect/tensors.js): each thread opens the file itself and is handed the next tensor whenever it is free.
 * Every tensor is inspected whole by one thread with the same code as on a single thread, and the reports are
 * put back in the file's order before the totals are added, so the report is the same bits for any number of
 * threads (only the progress order differs). One tensor is one thread's work: a file of one huge tensor runs on
 * one thread.
 *
 * Memory: each thread holds what a single-threaded inspection holds (inspect.ts: one read of at most 8 MiB, its
 * values decoded to float32, at most 32 MiB, and a copy of them in the kernels' memory, plus one float64 per
 * channel of the tensor at hand), so at most `threads` times that; threads are capped at MAX_THREADS.
 */
import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { ModelFileError } from "../file";
import { InspectCancelled, InspectReport, TensorReport, assembleReport, inspectModel, progressTotal } from "../inspect";
import { openModel } from "../open";
import type { SchemeName } from "../schemes";
import type { ModelIndex } from "../tensor";
import { loadKernels } from "./loadKernels";
import { openNodeFile, siblingOpener } from "./nodeFile";
import type { FromTensorWorker, TensorWorkerData, ToTensorWorker } from "./tensorWorkerMessages";

/** More threads than this add memory (see above) without speed: the reads and the memory bus are shared. */
export const MAX_THREADS = 4;

/** Below this many bytes of values, starting threads (about 0.1 s) costs more than they save: one thread, unless told. */
export const MIN_BYTES_FOR_THREADS = 64 * 1024 * 1024;

export interface InspectFileOptions {
  schemes: readonly SchemeName[];
  filter?: (name: string) => boolean;
  onProgress?: (done: number, total: number) => void;
  /** Checked after every chunk: the inspection stops with InspectCancelled once it returns true. */
  isCancelled?: () => boolean;
  /**
   * Threads to use (default: the cores this process may use, at most MAX_THREADS, for files with at least
   * MIN_BYTES_FOR_THREADS of values); 1 inspects on this thread.
   */
  threads?: number;
  /** The built inspection thread's script (default: dist/inspect/tensors.js beside the running bundle). */
  workerScript?: string;
}

/**
 * Every core (at most MAX_THREADS), unless the machine is already saturated (one-minute load average at or above
 * the core count): then one. On a saturated machine a second thread made the 1 GB benchmark slower, not faster
 * (1.30 s against 1.03 s of wall time at load 8 on 2 cores): its start and its share of the caches cost more than
 * it gained.
 * os.loadavg() is [0, 0, 0] on Windows, where this is every core.
 */
export function defaultThreads(): number {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  if (os.loadavg()[0] >= cores) return 1;
  return Math.max(1, Math.min(MAX_THREADS, cores));
}

/** dist/inspect/tensors.js as seen from dist/cli.js, dist/extension.js and dist/inspect/worker.js; undefined from sources. */
export function findTensorWorkerScript(): string | undefined {
  return [path.join(__dirname, "inspect", "tensors.js"), path.join(__dirname, "tensors.js")].find((f) => fs.existsSync(f));
}

/**
 * Inspects the model file at `file` (errors cite `displayName`), on up to `threads` worker threads when the
 * built script is there and the file has more than one tensor to read (and, by default, enough values to be
 * worth the threads' start), on this thread otherwise.
 */
export async function inspectModelFile(file: string, displayName: string, options: InspectFileOptions): Promise<InspectReport> {
  const siblings = siblingOpener(file, displayName);
  const opened = await openNodeFile(file, displayName);
  try {
    const model = await openModel(opened, siblings.open);
    const indices = model.tensors.flatMap((t, i) => ((options.filter?.(t.name) ?? true) ? [i] : []));
    const reading = indices.filter((i) => model.tensors[i].data && model.tensors[i].params > 0);
    const valueBytes = reading.reduce((n, i) => n + model.tensors[i].bytes, 0);
    const threads = Math.min(options.threads ?? (valueBytes >= MIN_BYTES_FOR_THREADS ? defaultThreads() : 1), reading.length);
    const script = options.workerScript ?? findTensorWorkerScript();
    if (threads < 2 || !script) {
      return await inspectModel(displayName, model, { schemes: options.schemes, filter: options.filter, onProgress: options.onProgress, isCancelled: options.isCancelled, kernels: loadKernels() });
    }
    const reports = await inspectOnThreads(script, threads, { file, displayName, schemes: [...options.schemes] }, model, indices, options);
    return assembleReport(displayName, model.format, reports);
  } finally {
    await opened.close();
    await siblings.closeAll();
  }
}

function errorOf(m: Extract<FromTensorWorker, { type: "failed" }>): Error {
  return m.file !== undefined && m.reason !== undefined ? new ModelFileError(m.file, m.offset, m.reason) : new Error(m.message);
}

/**
 * Hands the tensors out in file order to whichever thread is free. When one fails, no tensor after it is handed
 * out, the ones before it finish, and the error of the first failing tensor in file order is thrown: the same
 * error a single-threaded inspection throws.
 */
async function inspectOnThreads(
  script: string,
  threads: number,
  data: TensorWorkerData,
  model: ModelIndex,
  indices: number[],
  options: InspectFileOptions,
): Promise<TensorReport[]> {
  const total = progressTotal(indices.map((i) => model.tensors[i]));
  const reports: TensorReport[] = new Array(indices.length);
  const workers: Worker[] = [];
  const exited = new Set<Worker>();
  let done = 0;
  let next = 0;
  let running = 0;
  let failure: { slot: number; error: Error } | undefined;
  try {
    await new Promise<void>((resolve, settleWithError) => {
      let stopped = false; // cancelled, or a thread broke: nothing more is handed out
      const reject = (error: unknown) => {
        stopped = true;
        settleWithError(error);
      };
      const handOut = (worker: Worker) => {
        if (stopped) return;
        if (next < indices.length && (!failure || next < failure.slot)) {
          running++;
          const slot = next++;
          worker.postMessage({ type: "tensor", slot, index: indices[slot] } satisfies ToTensorWorker);
        } else if (running === 0) {
          if (failure) reject(failure.error);
          else resolve();
        }
      };
      for (let k = 0; k < threads; k++) {
        const worker = new Worker(script, { workerData: data });
        workers.push(worker);
        worker.on("message", (m: FromTensorWorker) => {
          if (m.type === "progress") {
            if (options.isCancelled?.()) return reject(new InspectCancelled());
            done += m.bytes;
            options.onProgress?.(done, total);
            return;
          }
          running--;
          if (m.type === "report") reports[m.slot] = m.report;
          else if (!failure || m.slot < failure.slot) failure = { slot: m.slot, error: errorOf(m) };
          handOut(worker);
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          exited.add(worker);
          if (running > 0) reject(new Error(`an inspection thread stopped (exit code ${code}) before its tensor was done`));
        });
        handOut(worker);
      }
    });
    return reports;
  } finally {
    await Promise.all(workers.map((w) => (exited.has(w) ? undefined : closeWorker(w))));
  }
}

/** Asks a thread to close its files and exit; one that does not within a second is terminated. */
async function closeWorker(worker: Worker): Promise<void> {
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  worker.postMessage({ type: "close" } satisfies ToTensorWorker);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, 1000)));
  await Promise.race([exited, timeout]);
  clearTimeout(timer);
  await worker.terminate();
}
