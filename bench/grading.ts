/**
 * Grading throughput, for the benchmark table: `grade --jobs 1` against the default (one job per core) on a
 * generated class (correct, wrong, hostile and partly missing learners) × the ten seed exercises, in which a
 * fifth of the learners (every fifth from the third) loop forever: `while (true) {}` opens every other
 * exported function of each of their files, the rest of the file is their own.
 * Targets (issue 12): at least 40 checks per second on two cores, and the default jobs not slower than one.
 *
 * Needs a build (`npm run build`). Run alone: `npx tsx bench/grading.ts [learners]` (default 100).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { main } from "../src/cli/main";
import type { GradeResult } from "../src/cli/grade/gradeResult";
import { generateClass } from "../test/unit/cli/support/generateClass";
import { writeSeedPack } from "../test/unit/cli/support/seedPack";

export interface GradingRow {
  metric: string;
  value: number;
  unit: "s" | "checks/s" | "learners" | "files" | "load" | "×";
  targetS?: number;
}

const BUILT_IN_PACK = path.resolve(__dirname, "..", "exercises", "quantization-distillation");
const WRONG_SOLUTIONS = path.resolve(__dirname, "..", "test", "unit", "cli", "fixtures", "seed-wrong");

async function gradeOnce(pack: string, submissions: string, jobs: number | undefined, out: string): Promise<{ seconds: number; result: GradeResult }> {
  const args = ["grade", pack, submissions, "--out", out, ...(jobs ? ["--jobs", String(jobs)] : [])];
  let errors = "";
  const start = performance.now();
  const code = await main(args, { stdout: () => undefined, stderr: (t) => void (errors += t), isTerminal: false, cwd: process.cwd() });
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0) throw new Error(`grading: grade exited ${code}: ${errors}`);
  return { seconds, result: JSON.parse(fs.readFileSync(out, "utf8")) as GradeResult };
}

/** Every other exported function of `source` (the first, the third, …) loops forever before its own code. */
export function withEndlessLoops(source: string): string {
  const file = ts.createSourceFile("solution.ts", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const bodies = file.statements
    .filter((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword) && s.body !== undefined)
    .filter((_, i) => i % 2 === 0)
    .map((f) => (f.body as ts.Block).getStart(file) + 1);
  let out = source;
  for (const at of bodies.reverse()) out = `${out.slice(0, at)}\n  while (true) {}${out.slice(at)}`;
  return out;
}

/** The looping fifth of the class: learners 3, 8, 13, …; returns how many files now loop. */
export function makeAFifthLoop(submissions: string): number {
  let files = 0;
  for (const [i, learner] of fs.readdirSync(submissions).sort().entries()) {
    if (i % 5 !== 2) continue;
    for (const name of fs.readdirSync(path.join(submissions, learner))) {
      const file = path.join(submissions, learner, name);
      const looping = withEndlessLoops(fs.readFileSync(file, "utf8"));
      if (!looping.includes("while (true) {}")) continue;
      fs.writeFileSync(file, looping);
      files++;
    }
  }
  return files;
}

export async function runGradingBench(learners = 100): Promise<GradingRow[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-grading-bench-"));
  try {
    const pack = writeSeedPack(BUILT_IN_PACK, work);
    const submissions = path.join(work, "submissions");
    generateClass(submissions, learners, BUILT_IN_PACK, WRONG_SOLUTIONS);
    const loopingFiles = makeAFifthLoop(submissions);
    // Interleaved A B B A, so that a load that rises or falls during the run moves both alike; the mean of each pair.
    const serialTimes: number[] = [];
    const parallelTimes: number[] = [];
    let serial: { seconds: number; result: GradeResult } | undefined;
    let parallel: { seconds: number; result: GradeResult } | undefined;
    const loadStart = os.loadavg()[0];
    for (const jobs of [1, undefined, undefined, 1]) {
      const run = await gradeOnce(pack, submissions, jobs, path.join(work, `jobs-${jobs ?? "default"}.json`));
      if (jobs === 1) (serial = run), serialTimes.push(run.seconds);
      else (parallel = run), parallelTimes.push(run.seconds);
    }
    if (!serial || !parallel) throw new Error("grading: no runs");
    serial = { ...serial, seconds: (serialTimes[0] + serialTimes[1]) / 2 };
    parallel = { ...parallel, seconds: (parallelTimes[0] + parallelTimes[1]) / 2 };
    const checks = serial.result.learners.reduce((n, l) => n + l.exercises.filter((e) => e.status !== "missing").length, 0);
    return [
      { metric: "learners × 10 seed exercises", value: learners, unit: "learners" },
      { metric: "files with an endless loop (a fifth of the learners)", value: loopingFiles, unit: "files" },
      { metric: "grade --jobs 1 (mean of 2, interleaved)", value: Math.round(serial.seconds * 10) / 10, unit: "s" },
      { metric: `grade (default --jobs ${parallel.result.jobs}; mean of 2, interleaved)`, value: Math.round(parallel.seconds * 10) / 10, unit: "s" },
      { metric: "throughput, --jobs 1", value: Math.round((checks / serial.seconds) * 10) / 10, unit: "checks/s" },
      { metric: "throughput, default jobs", value: Math.round((checks / parallel.seconds) * 10) / 10, unit: "checks/s" },
      // Measured side by side in one run, so it holds better than either time on a shared machine.
      { metric: "speed-up of the default jobs over --jobs 1", value: Math.round((serial.seconds / parallel.seconds) * 100) / 100, unit: "×" },
      { metric: `machine load average (1 min) at the start, ${os.availableParallelism()} cores`, value: Math.round(loadStart * 10) / 10, unit: "load" },
      { metric: `machine load average (1 min) at the end, ${os.availableParallelism()} cores`, value: Math.round(os.loadavg()[0] * 10) / 10, unit: "load" },
    ];
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runGradingBench(Number(process.argv[2]) || 100).then(
    (rows) => rows.forEach((r) => console.log(`${r.metric.padEnd(42)} ${String(r.value).padStart(8)} ${r.unit}${r.targetS ? `  (target < ${r.targetS} s)` : ""}`)),
    (error: unknown) => {
      console.error(String(error));
      process.exitCode = 1;
    },
  );
}
