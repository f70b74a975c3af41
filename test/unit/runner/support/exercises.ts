/** Exercises built in code for the runner's tests (the packs loader is tested on its own). */
import type { CheckSpec, ExerciseSpec } from "../../../../src/protocol/exercise";

export function exercise(id: string, checks: CheckSpec[], extra: Partial<ExerciseSpec> = {}): ExerciseSpec {
  return {
    id,
    title: id,
    summary: "",
    prompt: "",
    starter: "",
    hints: [],
    showReferenceAfterPass: false,
    chart: "none",
    sourceFiles: {},
    checks,
    ...extra,
  };
}

export function check(partial: Partial<CheckSpec> & Pick<CheckSpec, "function" | "cases">): CheckSpec {
  return {
    id: partial.function,
    expected: { from: "literal" },
    comparison: { kind: "value" },
    tolerance: {},
    misconceptions: [],
    reveal: "full",
    ...partial,
  };
}

/** `answer(x) = 2x` on three inputs: what every hostile fixture is checked against. */
export const doubling = exercise("doubling", [
  check({
    function: "answer",
    cases: [
      { id: "one", name: "answer(1)", input: [1], expected: 2 },
      { id: "three", name: "answer(3)", input: [3], expected: 6 },
      { id: "half", name: "answer(0.5)", input: [0.5], expected: 1 },
    ],
  }),
]);
