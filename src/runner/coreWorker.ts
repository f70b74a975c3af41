/**
 * The Worker that computes expected values with the compute core off the runner's main thread
 * (dist/runner/core.js; see coreCompute.ts). It answers each case as soon as it has it, so a case that takes
 * too long is the one the runner names.
 */
import { parentPort } from "node:worker_threads";
import { CORE_FUNCTIONS } from "../core";
import type { FromCoreWorker, ToCoreWorker } from "./coreCompute";
import { computeCoreCase, type CoreFunctions } from "./coreFunctions";

const port = parentPort;
if (!port) throw new Error("core.js: must be started as a worker thread by the runner");
port.on("message", ({ fn, jobs }: ToCoreWorker) => {
  for (const [index, job] of jobs.entries()) {
    const message: FromCoreWorker = { index, produced: computeCoreCase(CORE_FUNCTIONS as CoreFunctions, fn, job.args, job.pick) };
    port.postMessage(message);
  }
});
