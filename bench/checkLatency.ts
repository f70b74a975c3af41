/**
 * Check latency of the runner, for the benchmark table: the baseline cost of starting Node (`node -e 0`),
 * the cold check (the first check after a Runner starts: process start, esbuild-wasm initialisation, first
 * compile), and warm checks (p50/p95 over 50 checks, split into compile, run and compare), paced as a learner
 * saves and back to back; then the sandbox's engine per run, before (a fresh Worker) and after (a fresh
 * QuickJS runtime), interleaved (sandboxEngines.ts).
 * Targets: warm p50 at most 15 ms (issue 12), the first check of a new Runner under 600 ms (issue 7).
 *
 * Needs a build (`npm run build`): it runs the real dist/runner/host.js.
 * Run alone: `npx tsx bench/checkLatency.ts`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadPackFromDisk } from "../src/packs/node/loadPackFromDisk";
import type { CheckReport } from "../src/protocol/checkReport";
import { Runner } from "../src/runner";
import { runEngineComparison } from "./sandboxEngines";

export interface LatencyRow {
  metric: string;
  ms: number;
  /** What the number is compared with, when there is a target. */
  targetMs?: number;
  note?: string;
}

const PACK = path.resolve(__dirname, "..", "exercises", "quantization-distillation");
const EXERCISE = "affine-quantization";
const WARM_CHECKS = 50;
/** Issue 12: a warm check's p50 at most 15 ms (issue 7 had asked for 50). */
export const WARM_TARGET_MS = 15;
/**
 * The pause between paced warm checks: a learner saves at most a few times a second. Back-to-back checks
 * (no pause) are measured too: they show what a check costs when nothing can happen in between.
 */
const PACED_PAUSE_MS = 250;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function nodeStartBaseline(): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ["-e", "0"]);
    times.push(performance.now() - start);
  }
  return percentile(times, 50);
}

export async function runCheckLatencyBench(): Promise<LatencyRow[]> {
  const { pack, problems } = await loadPackFromDisk(PACK);
  const exercise = pack?.exercises.find((e) => e.id === EXERCISE);
  if (!pack || !exercise) throw new Error(`checkLatency: cannot load ${EXERCISE} from ${PACK}: ${problems.map((p) => p.message).join("; ")}`);
  const reference = fs.readFileSync(path.join(PACK, EXERCISE, "reference.ts"), "utf8");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-bench-"));
  const solution = path.join(dir, `${EXERCISE}.ts`);
  fs.writeFileSync(solution, reference);
  const cases = exercise.checks.reduce((n, c) => n + c.cases.length, 0);

  const rows: LatencyRow[] = [{ metric: "baseline: spawn `node -e 0` (p50 of 5)", ms: round(nodeStartBaseline()) }];
  const runner = new Runner({});
  try {
    const coldStart = performance.now();
    const cold = await runner.check({ packId: pack.id, exercise, solutionFile: solution });
    const coldMs = performance.now() - coldStart;
    if (cold.status !== "passed") throw new Error(`checkLatency: the reference did not pass: ${cold.cases.find((c) => c.status !== "passed")?.message}`);
    rows.push(
      {
        // In-process: Node's start, the CLI bundle's load and the pack's load are not in it; coldCheck.ts times those.
        metric: `first check of a new Runner, in-process (${EXERCISE}, ${cases} cases): total`,
        ms: round(coldMs),
        targetMs: 600,
        note: `${round(coldMs / rows[0].ms)} × node -e 0 (wall; the whole process: see the cold check section)`,
      },
      { metric: "cold: sandbox process start (Node and QuickJS; esbuild-wasm starts with the first build, in compile)", ms: round(runner.sandboxInfo?.startMs ?? NaN), note: `QuickJS ${round(runner.sandboxInfo?.engineInitMs ?? NaN)} ms` },
      { metric: "cold: compile", ms: round(cold.timings.compileMs) },
      { metric: "cold: run", ms: round(cold.timings.runMs) },
      { metric: "cold: compare (incl. reference run)", ms: round(cold.timings.compareMs) },
    );

    for (const [label, pauseMs] of [["paced, as a learner saves", PACED_PAUSE_MS], ["back to back", 0]] as const) {
      const reports: { totalMs: number; report: CheckReport }[] = [];
      for (let i = 0; i < WARM_CHECKS; i++) {
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
        // Different text every time, as when a learner edits: nothing may be served from a cache.
        const source = `${reference}\n// edit ${label} ${i}\n`;
        const start = performance.now();
        const report = await runner.check({ packId: pack.id, exercise, solutionFile: solution, source });
        reports.push({ totalMs: performance.now() - start, report });
      }
      const series = (pick: (r: { totalMs: number; report: CheckReport }) => number): number[] => reports.map(pick);
      const what = `warm check (${label}${pauseMs > 0 ? `, ${pauseMs} ms apart` : ""})`;
      for (const [name, values, target] of [
        ["total", series((r) => r.totalMs), WARM_TARGET_MS],
        ["compile", series((r) => r.report.timings.compileMs), undefined],
        ["run", series((r) => r.report.timings.runMs), undefined],
        ["compare", series((r) => r.report.timings.compareMs), undefined],
      ] as const) {
        const p50 = percentile([...values], 50);
        // The ratio to starting a bare Node holds better than the time itself on a loaded machine.
        const ratio = name === "total" ? { note: `${round(p50 / rows[0].ms)} × node -e 0` } : {};
        rows.push({ metric: `${what} p50: ${name}`, ms: round(p50), ...(target ? { targetMs: target } : {}), ...ratio });
        rows.push({ metric: `${what} p95: ${name}`, ms: round(percentile([...values], 95)) });
      }
    }
  } finally {
    await runner.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // The sandbox's engine before (a fresh Worker per run) and after (a fresh QuickJS runtime per run).
  rows.push(...(await runEngineComparison()));
  rows.push({ metric: "machine load average (1 min) at the end", ms: round(os.loadavg()[0]), note: `${os.availableParallelism()} cores; not a time` });
  return rows;
}

if (require.main === module) {
  runCheckLatencyBench().then(
    (rows) => {
      for (const r of rows) console.log(`${r.metric.padEnd(72)} ${String(r.ms).padStart(9)}${r.targetMs ? `  (target < ${r.targetMs})` : ""}${r.note ? `  ${r.note}` : ""}`);
    },
    (error: unknown) => {
      console.error(String(error));
      process.exitCode = 1;
    },
  );
}
