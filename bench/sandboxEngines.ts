/**
 * The sandbox's engine, before and after: a fresh Node Worker with a `vm` context per run (how learner code
 * ran before QuickJS) against a fresh QuickJS runtime per run (quickjsEngine.ts), on the same compiled
 * bundle and the same calls, interleaved so both see the same machine load. Per run: wall time and CPU time
 * of this process (Worker threads included). The Worker here is the bare minimum of the old path (boot,
 * context, evaluate, call, terminate), so the comparison flatters it if anything.
 *
 * Also every built-in exercise's reference checked as a learner's file, to show each check stays under a
 * second with the reference interpreted by QuickJS.
 *
 * Run alone: `npx tsx bench/sandboxEngines.ts`.
 */
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { loadPackFromDisk } from "../src/packs/node/loadPackFromDisk";
import type { SandboxCall } from "../src/protocol/runnerIpc";
import { Runner } from "../src/runner";
import { runBundle } from "../src/runner/sandbox/quickjsEngine";

const PACKS = ["quantization-distillation", "compression-in-practice"].map((p) => path.resolve(__dirname, "..", "exercises", p));
const ROUNDS = 20;
/** A check slower than this is named in the table with what its reference does. */
export const CHECK_BUDGET_MS = 1000;

/** The old per-run Worker, reduced to what every run paid: boot, a vm context, evaluation, calls. */
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const vm = require("node:vm");
const context = vm.createContext(Object.create(null));
parentPort.once("message", ({ code, calls }) => {
  const module = { exports: {} };
  vm.runInContext("(function (exports, module) {" + code + "\\n})", context)(module.exports, module);
  const out = calls.map((c) => { const v = module.exports[c.fn](...JSON.parse(JSON.stringify(c.args))); return ArrayBuffer.isView(v) ? Array.from(v) : v; });
  parentPort.postMessage(out);
});`;

function runInWorker(code: string, calls: SandboxCall[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 }, env: {} });
    worker.once("message", () => void worker.terminate().then(() => resolve()));
    worker.once("error", reject);
    worker.postMessage({ code, calls });
  });
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

export interface EngineRow {
  metric: string;
  ms: number;
  note?: string;
}

async function exerciseBundle(packDir: string, exerciseId: string): Promise<{ code: string; calls: SandboxCall[] }> {
  const { pack } = await loadPackFromDisk(packDir);
  const exercise = pack?.exercises.find((e) => e.id === exerciseId);
  if (!exercise) throw new Error(`sandboxEngines: no exercise ${exerciseId} in ${packDir}`);
  const built = await esbuild.build({ entryPoints: [path.join(packDir, exerciseId, "reference.ts")], bundle: true, write: false, format: "cjs", platform: "neutral", target: "es2022", logLevel: "silent" });
  const calls = exercise.checks.flatMap((check) => check.cases.map((c) => ({ fn: check.function, args: c.input })));
  return { code: built.outputFiles[0].text, calls };
}

/** Worker+vm against QuickJS on affine-quantization's reference and its cases, interleaved. */
export async function runEngineComparison(): Promise<EngineRow[]> {
  const { code, calls } = await exerciseBundle(PACKS[0], "affine-quantization");
  const limits = { timeoutMs: 2000, memoryMb: 256 };
  // One of each first: module compilation and caches are not what a run costs.
  await runInWorker(code, calls);
  await runBundle(code, calls, limits);
  const worker = { wall: [] as number[], cpu: [] as number[] };
  const quickjs = { wall: [] as number[], cpu: [] as number[] };
  const bareWorker = { wall: [] as number[], cpu: [] as number[] };
  const bareQuickjs = { wall: [] as number[], cpu: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    for (const [series, run] of [
      [worker, () => runInWorker(code, calls)],
      [quickjs, () => runBundle(code, calls, limits)],
      [bareWorker, () => runInWorker("", [])],
      [bareQuickjs, () => runBundle("", [], limits)],
    ] as const) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      await run();
      series.wall.push(performance.now() - start);
      series.cpu.push(cpuMs(cpu));
    }
  }
  const what = `affine-quantization reference, ${calls.length} calls, median of ${ROUNDS} interleaved`;
  return [
    { metric: `before: bare Worker + vm context (boot, nothing run), wall, median of ${ROUNDS} interleaved`, ms: round(median(bareWorker.wall)) },
    { metric: "before: bare Worker + vm context, CPU (all threads)", ms: round(median(bareWorker.cpu)) },
    { metric: "after: bare QuickJS runtime (instance, runtime, context, prelude), wall", ms: round(median(bareQuickjs.wall)), note: `${round(median(bareWorker.wall) / median(bareQuickjs.wall))} × faster` },
    { metric: "after: bare QuickJS runtime, CPU", ms: round(median(bareQuickjs.cpu)), note: `${round(median(bareWorker.cpu) / median(bareQuickjs.cpu))} × less CPU` },
    { metric: `before: fresh Worker + vm context per run, wall (${what})`, ms: round(median(worker.wall)) },
    { metric: "before: fresh Worker + vm context per run, CPU (all threads)", ms: round(median(worker.cpu)) },
    { metric: "after: fresh QuickJS runtime per run, wall", ms: round(median(quickjs.wall)), note: `${round(median(worker.wall) / median(quickjs.wall))} × faster` },
    { metric: "after: fresh QuickJS runtime per run, CPU", ms: round(median(quickjs.cpu)), note: `${round(median(worker.cpu) / median(quickjs.cpu))} × less CPU` },
  ];
}

export interface ReferenceRow {
  exercise: string;
  cases: number;
  checkMs: number;
  runMs: number;
  status: string;
  withinBudget: boolean;
}

/** Every built-in exercise's reference checked as a learner's file (warm runner, second check measured). */
export async function runReferenceTimes(): Promise<ReferenceRow[]> {
  const rows: ReferenceRow[] = [];
  const runner = new Runner({});
  try {
    for (const packDir of PACKS) {
      const { pack } = await loadPackFromDisk(packDir);
      if (!pack) continue;
      for (const exercise of pack.exercises) {
        const file = path.join(packDir, exercise.id, "reference.ts");
        if (!fs.existsSync(file)) continue;
        // The first check also runs the reference for expected values (cached after): the second is a learner's.
        await runner.check({ packId: pack.id, exercise, solutionFile: file });
        const report = await runner.check({ packId: pack.id, exercise, solutionFile: file, source: `${fs.readFileSync(file, "utf8")}\n// again\n` });
        rows.push({
          exercise: `${pack.id}/${exercise.id}`,
          cases: report.summary.total,
          checkMs: round(report.timings.totalMs),
          runMs: round(report.timings.runMs),
          status: report.status,
          withinBudget: report.timings.totalMs < CHECK_BUDGET_MS,
        });
      }
    }
  } finally {
    await runner.dispose();
  }
  return rows;
}

if (require.main === module) {
  (async () => {
    for (const r of await runEngineComparison()) console.log(`${r.metric.padEnd(100)} ${String(r.ms).padStart(9)}${r.note ? `  ${r.note}` : ""}`);
    for (const r of await runReferenceTimes()) console.log(`${r.exercise.padEnd(60)} ${String(r.cases).padStart(5)} cases  check ${String(r.checkMs).padStart(8)} ms  run ${String(r.runMs).padStart(8)} ms  ${r.status}${r.withinBudget ? "" : "  OVER 1 s"}`);
  })().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
