/**
 * The order a learner reads cases in: the smallest failing case first (fewest input numbers, then smallest
 * magnitudes), then the other failures, then the passes, each group otherwise in pack order.
 */
import type { CaseResult } from "../protocol/checkReport";
import type { Json } from "../protocol/json";

function inputSize(value: Json): { leaves: number; magnitude: number } {
  if (Array.isArray(value)) {
    return value.reduce<{ leaves: number; magnitude: number }>((sum, v) => {
      const inner = inputSize(v);
      return { leaves: sum.leaves + inner.leaves, magnitude: sum.magnitude + inner.magnitude };
    }, { leaves: 0, magnitude: 0 });
  }
  if (value !== null && typeof value === "object") return inputSize(Object.values(value));
  if (typeof value === "number") return { leaves: 1, magnitude: Math.abs(value) };
  if (typeof value === "string") return { leaves: 1, magnitude: value.length };
  return { leaves: 1, magnitude: 0 };
}

/**
 * @param inputOf the case's real input (a hidden case's report shows none, but it still has a size)
 */
export function orderCases(cases: readonly CaseResult[], inputOf: (c: CaseResult) => Json[] = (c) => c.input): CaseResult[] {
  const indexed = cases.map((c, index) => ({ c, index, size: inputSize(inputOf(c)) }));
  const failing = indexed.filter((x) => x.c.status !== "passed");
  failing.sort((a, b) => a.size.leaves - b.size.leaves || a.size.magnitude - b.size.magnitude || a.index - b.index);
  const smallest = failing.slice(0, 1);
  const others = failing.slice(1).sort((a, b) => a.index - b.index);
  const passing = indexed.filter((x) => x.c.status === "passed");
  return [...smallest, ...others, ...passing].map((x) => x.c);
}
