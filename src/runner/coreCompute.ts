/**
 * Expected values from the compute core, computed under a time budget. The real core runs in a Worker
 * thread of the runner's process (never on the extension host's or the CLI's main thread): a pack can make
 * the core compute for minutes (one generated `clipSearch` case took 110 s), so every case gets the run's
 * per-call limit, and a case that exceeds it stops that Worker and becomes an error naming the case; the
 * remaining cases continue in a fresh Worker. A core given in code (tests) runs in-process.
 */
import type { Worker } from "node:worker_threads";
import { computeCoreCase, type CoreFunctions } from "./coreFunctions";
import type { ProducedValue } from "./expectedValues";

export interface CoreJob {
  args: unknown[];
  pick?: string;
  /** Where the case is, for the message when it takes too long: "case big of check clip". */
  where: string;
}

/** Computes `core[fn](...job.args)` for each job, in order. */
export type CoreCompute = (fn: string, jobs: CoreJob[]) => Promise<ProducedValue[]>;

/** Messages between OffThreadCore and its Worker (coreWorker.ts). */
export type ToCoreWorker = { fn: string; jobs: { args: unknown[]; pick?: string }[] };
export type FromCoreWorker = { index: number; produced: ProducedValue };

export function inProcessCore(functions: CoreFunctions): CoreCompute {
  return (fn, jobs) => Promise.resolve(jobs.map((job) => computeCoreCase(functions, fn, job.args, job.pick)));
}

export class OffThreadCore {
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly script: string,
    private readonly budgetMs: number,
  ) {}

  readonly compute: CoreCompute = (fn, jobs) => {
    const next = this.queue.then(() => this.computeNow(fn, jobs));
    this.queue = next.catch(() => undefined);
    return next;
  };

  private startWorker(): Worker {
    // Required when the first Worker starts: a check whose expected values are stored never starts one.
    const { Worker } = require("node:worker_threads") as typeof import("node:worker_threads");
    const worker = new Worker(this.script, { env: {} });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private async computeNow(fn: string, jobs: CoreJob[]): Promise<ProducedValue[]> {
    const produced: ProducedValue[] = [];
    while (produced.length < jobs.length) {
      const from = produced.length;
      const worker = this.worker ?? this.startWorker();
      worker.ref();
      const batch = await new Promise<{ values: ProducedValue[]; stuck?: string }>((resolve) => {
        const values: ProducedValue[] = [];
        const finish = (stuck?: string): void => {
          clearTimeout(timer);
          worker.off("message", onMessage);
          worker.off("error", onError);
          worker.off("exit", onExit);
          resolve({ values, stuck });
        };
        // The budget starts again with each case: it is per case, as the learner's limit is per call.
        const arm = (): NodeJS.Timeout => setTimeout(() => finish(`took longer than ${this.budgetMs} ms`), this.budgetMs);
        let timer = arm();
        const onMessage = (m: FromCoreWorker): void => {
          values.push(m.produced);
          clearTimeout(timer);
          if (from + values.length === jobs.length) finish();
          else timer = arm();
        };
        const onError = (error: Error): void => finish(`stopped: ${error.message}`);
        const onExit = (code: number): void => finish(`stopped (exit code ${code})`);
        worker.on("message", onMessage);
        worker.on("error", onError);
        worker.on("exit", onExit);
        const message: ToCoreWorker = { fn, jobs: jobs.slice(from).map(({ args, pick }) => ({ args, pick })) };
        worker.postMessage(message);
      });
      produced.push(...batch.values);
      if (batch.stuck) {
        // The Worker is still computing (or gone): it is replaced, and the stuck case is an error.
        void worker.terminate();
        this.worker = undefined;
        const job = jobs[produced.length];
        produced.push({ ok: false, message: `core.${fn} ${batch.stuck} on ${job.where}, so the case cannot be checked; make its input smaller` });
      } else worker.unref();
    }
    return produced;
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}
