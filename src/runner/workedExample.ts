/**
 * Hint 3 on the learner's own case: when an exercise's reference exports `explain<Function>` (for `softmax`,
 * `explainSoftmax`) with the checked function's parameters, returning the computation step by step as a string
 * (or lines), the runner calls it in the sandbox on the smallest failing case the learner may see in full, and
 * the report carries the text. The reference computes it, so the learner sees the right steps for their input.
 */
import type { CaseResult, WorkedExample } from "../protocol/checkReport";
import type { CheckSpec, ExerciseSpec } from "../protocol/exercise";
import type { ExpectedValues } from "./expectedValues";
import { formatArguments } from "./compare/formatValue";

/** The export that explains `fn`: `softmax` → `explainSoftmax`, `q4_0Quantize` → `explainQ4_0Quantize`. */
export function explainExportOf(fn: string): string {
  return `explain${fn.charAt(0).toUpperCase()}${fn.slice(1)}`;
}

/** At most this much text comes back from the sandbox for a worked example. */
const MAX_WORKED_EXAMPLE_CHARS = 4000;

/**
 * The worked example for the first failing case of `ordered` (the report's order: smallest first) that is
 * revealed in full, or undefined when the reference has no explain export for its function or it fails.
 */
export async function workedExampleFor(exercise: ExerciseSpec, ordered: readonly CaseResult[], expected: ExpectedValues): Promise<WorkedExample | undefined> {
  if (exercise.reference === undefined) return undefined;
  const failing = ordered.find((r) => r.status !== "passed" && r.reveal === "full");
  if (!failing) return undefined;
  const check = exercise.checks.find((c) => c.id === failing.checkId);
  const spec = check?.cases.find((c) => c.id === failing.id);
  if (!check || !spec || !/\bexport\s+function\s+explain/.test(exercise.reference)) return undefined;
  const exportName = explainExportOf(check.function);
  if (!new RegExp(`\\bexport\\s+function\\s+${exportName}\\b`).test(exercise.reference)) return undefined;
  const oneCase: CheckSpec = { ...check, cases: [spec], misconceptions: [] };
  const [produced] = await expected.valuesFor({ from: "reference", file: "reference", export: exportName }, exercise, oneCase, `the worked example ${exportName}`);
  if (!produced?.ok) return undefined;
  const value = produced.value;
  const text = Array.isArray(value) && value.every((line) => typeof line === "string") ? value.join("\n") : typeof value === "string" ? value : undefined;
  if (text === undefined || text.trim() === "") return undefined;
  return {
    checkId: check.id,
    caseId: spec.id,
    call: `${check.function}${formatArguments(spec.input)}`,
    text: text.length > MAX_WORKED_EXAMPLE_CHARS ? `${text.slice(0, MAX_WORKED_EXAMPLE_CHARS)}…` : text,
  };
}
