/**
 * Loads a pack in a worker_threads Worker, so that reading, parsing and validating a pack found in the workspace
 * never blocks the extension host's thread. The Worker has its own heap limit and a time budget: a pack that
 * exhausts either costs that pack (one problem at its pack.json), never the extension.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { PackProblem } from "../../protocol/packProblem";
import type { PackLoadResult } from "../loadPack";
import type { PackLimits } from "../limits";
import type { LoadPackRequest, LoadPackResponse } from "./loadPackMessages";

export interface WorkerLoadOptions {
  /** Path of the built worker script (dist/packs/loadPackWorker.js). */
  workerScript: string;
  /** Wall-clock budget for one pack; the Worker is terminated after it. */
  timeoutMs?: number;
  /** The Worker's V8 heap (old generation), MB. */
  maxHeapMb?: number;
  limits?: Partial<PackLimits>;
}

export const DEFAULT_WORKER_TIMEOUT_MS = 20_000;
export const DEFAULT_WORKER_HEAP_MB = 256;

export function loadPackInWorker(dir: string, options: WorkerLoadOptions): Promise<PackLoadResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WORKER_TIMEOUT_MS;
  const maxHeapMb = options.maxHeapMb ?? DEFAULT_WORKER_HEAP_MB;
  const manifest = path.join(dir, "pack.json");
  const failed = (message: string): PackLoadResult => ({ problems: [problemAt(manifest, message)] });

  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(options.workerScript, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 32 } });
    const finish = (result: PackLoadResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish(failed(`loading the pack took longer than ${timeoutMs / 1000} s and was stopped; a pack is small teaching material, so look for a huge or deeply nested file`)),
      timeoutMs,
    );
    worker.on("message", (response: LoadPackResponse) => {
      if (response.type === "loaded") finish({ ...(response.pack ? { pack: response.pack } : {}), problems: response.problems });
      else finish(failed(`the pack could not be loaded: ${response.message}`));
    });
    worker.on("error", (error: Error & { code?: string }) =>
      finish(
        failed(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? `loading the pack needed more than ${maxHeapMb} MB and was stopped; a pack is small teaching material, so look for a huge file or generator`
            : `the pack could not be loaded: ${error.message}`,
        ),
      ),
    );
    worker.on("exit", (code) => finish(failed(`the pack loader stopped unexpectedly (exit code ${code})`)));
    const request: LoadPackRequest = { type: "loadPack", dir, ...(options.limits ? { limits: options.limits } : {}) };
    worker.postMessage(request);
  });
}

function problemAt(file: string, message: string): PackProblem {
  return { file, line: 1, column: 1, severity: "error", code: "load-failed", message };
}
