/**
 * The `categories` comparison: the learner returns a list of strings (a checklist), and every category of the
 * exercise must be covered by at least one entry containing one of its keywords, case-insensitively.
 */
import type { Comparison } from "../../protocol/exercise";
import { typeNameOf } from "./typeNameOf";

type CategoriesComparison = Extract<Comparison, { kind: "categories" }>;

export type CategoriesResult = { equal: true } | { equal: false; detail: string; missing: string[] };

export function compareCategories(actual: unknown, comparison: CategoriesComparison): CategoriesResult {
  if (!Array.isArray(actual) || actual.some((entry) => typeof entry !== "string")) {
    return { equal: false, detail: `expected a list of strings, got ${typeNameOf(actual)}`, missing: comparison.categories.map((c) => c.label) };
  }
  const entries = (actual as string[]).map((e) => e.toLowerCase());
  const missing = comparison.categories.filter((category) => !entries.some((entry) => category.keywords.some((k) => entry.includes(k.toLowerCase()))));
  const minItems = comparison.minItems ?? 0;
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`nothing in your list covers: ${missing.map((c) => c.label).join("; ")}`);
  if (entries.length < minItems) problems.push(`list at least ${minItems} items (you have ${entries.length})`);
  return problems.length === 0 ? { equal: true } : { equal: false, detail: problems.join("; "), missing: missing.map((c) => c.label) };
}
