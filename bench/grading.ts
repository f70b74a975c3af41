/**
 * Grading throughput, for the benchmark table: `grade --jobs 1` against the default (one job per core) on a
 * generated class (correct, wrong, hostile and partly missing learners) × the ten seed exercises.
 * Target (issue 7): 100 learners × 10 seed exercises under 60 s on two cores.
 *
 * Needs a build (`npm run build`). Run alone: `npx tsx bench/grading.ts [learners]` (default 100).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../src/cli/main";
import type { GradeResult } from "../src/cli/grade/gradeResult";
import { generateClass } from "../test/unit/cli/support/generateClass";
import { writeSeedPack } from "../test/unit/cli/support/seedPack";

export interface GradingRow {
  metric: string;
  value: number;
  unit: "s" | "checks/s" | "learners" | "load" | "×";
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

export async function runGradingBench(learners = 100): Promise<GradingRow[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-grading-bench-"));
  try {
    const pack = writeSeedPack(BUILT_IN_PACK, work);
    const submissions = path.join(work, "submissions");
    generateClass(submissions, learners, BUILT_IN_PACK, WRONG_SOLUTIONS);
    const serial = await gradeOnce(pack, submissions, 1, path.join(work, "jobs-1.json"));
    const parallel = await gradeOnce(pack, submissions, undefined, path.join(work, "jobs-default.json"));
    const checks = serial.result.learners.reduce((n, l) => n + l.exercises.filter((e) => e.status !== "missing").length, 0);
    return [
      { metric: "learners × 10 seed exercises", value: learners, unit: "learners" },
      { metric: "grade --jobs 1", value: Math.round(serial.seconds * 10) / 10, unit: "s" },
      { metric: `grade (default --jobs ${parallel.result.jobs})`, value: Math.round(parallel.seconds * 10) / 10, unit: "s", targetS: learners === 100 ? 60 : undefined },
      { metric: "throughput, --jobs 1", value: Math.round((checks / serial.seconds) * 10) / 10, unit: "checks/s" },
      { metric: "throughput, default jobs", value: Math.round((checks / parallel.seconds) * 10) / 10, unit: "checks/s" },
      // Measured side by side in one run, so it holds better than either time on a shared machine.
      { metric: "speed-up of the default jobs over --jobs 1", value: Math.round((serial.seconds / parallel.seconds) * 100) / 100, unit: "×" },
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
