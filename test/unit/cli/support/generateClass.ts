/**
 * Writes a class of learners for grading tests and benchmarks: one folder per learner with an
 * `<exercise-id>.ts` per seed exercise. Deterministic: learner i is correct, wrong, hostile or partly
 * absent according to i, so a result can be checked against what was generated.
 */
import fs from "node:fs";
import path from "node:path";
import { scanExports } from "../../../../src/sourceScan/scanExports";

export const SEED_EXERCISES = [
  "affine-quantization",
  "int4-scale",
  "memory-savings",
  "quantization-mse",
  "best-clipping",
  "temperature-softmax",
  "kl-divergence",
  "combined-loss",
  "adapter-optimizer-memory",
  "compression-checklist",
] as const;

export type SubmissionKind = "correct" | "wrong" | "hostile-loop" | "hostile-throw" | "hostile-exit" | "hostile-output" | "missing" | "syntax-error";

/** What learner `index` submits for exercise `exerciseIndex`. */
export function submissionKind(index: number, exerciseIndex: number): SubmissionKind {
  switch (index % 10) {
    case 6:
    case 7:
      return "wrong";
    case 8: {
      const hostile: SubmissionKind[] = ["hostile-loop", "hostile-throw", "hostile-exit", "hostile-output", "syntax-error"];
      return hostile[exerciseIndex % hostile.length];
    }
    case 9:
      return exerciseIndex % 3 === 0 ? "missing" : exerciseIndex % 3 === 1 ? "wrong" : "correct";
    default:
      return "correct";
  }
}

function exportedFunctions(source: string): string[] {
  return scanExports(source).exports.flatMap((e) => (e.isFunction ? [e.name] : []));
}

function hostileSource(kind: SubmissionKind, functions: string[]): string {
  const body: Record<string, string> = {
    "hostile-loop": "for (;;) {}",
    "hostile-throw": "throw 42;",
    "hostile-exit": "(globalThis as any).process.exit(0); return 0 as any;",
    "hostile-output": "for (let i = 0; i < 20; i++) console.log(megabyte); return 0 as any;",
  };
  if (kind === "syntax-error") return `export function ${functions[0]}(: number {\n  return 1;\n}\n`;
  // The flood prints one megabyte built once, so it stays a flood of output: building twenty new megabytes
  // per call computes thousands of times as long as the reference, a timeout under grade's limits (docs/grading.md).
  const prefix = kind === "hostile-output" ? 'const megabyte = "x".repeat(1_000_000);\n' : "";
  return prefix + functions.map((f) => `export function ${f}(...args: any[]): any {\n  ${body[kind]}\n}\n`).join("\n");
}

export function learnerName(index: number): string {
  return `learner-${String(index + 1).padStart(3, "0")}`;
}

/**
 * Correct learners submit the solutions of `fixtures/seed-right/` (beside `wrongDir`), written apart from the
 * pack's references: a copy of the reference would pass even when the reference itself is wrong, and the
 * grades would then confirm the reference by itself. Without that folder, the references are copied.
 *
 * @param packDir the built-in pack (its references stand in when there is no seed-right folder; hostile files take their function names)
 * @param wrongDir a folder of one wrong solution per seed exercise
 */
export function generateClass(outDir: string, learners: number, packDir: string, wrongDir: string): void {
  fs.mkdirSync(outDir, { recursive: true });
  for (let i = 0; i < learners; i++) {
    const folder = path.join(outDir, learnerName(i));
    fs.mkdirSync(folder, { recursive: true });
    SEED_EXERCISES.forEach((id, e) => {
      const kind = submissionKind(i, e);
      const reference = fs.readFileSync(path.join(packDir, id, "reference.ts"), "utf8");
      const file = path.join(folder, `${id}.ts`);
      if (kind === "missing") return;
      const right = path.join(path.dirname(wrongDir), "seed-right", `${id}.ts`);
      if (kind === "correct") fs.writeFileSync(file, fs.existsSync(right) ? fs.readFileSync(right, "utf8") : reference);
      else if (kind === "wrong") fs.copyFileSync(path.join(wrongDir, `${id}.ts`), file);
      else fs.writeFileSync(file, hostileSource(kind, exportedFunctions(reference)));
    });
  }
}
