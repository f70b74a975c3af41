/**
 * The compute core as the runner sees it: a record of named functions, called as
 * `core[fn](...case.input, ...extraArgs)` to produce expected values (and misconceptions' wrong values) in the
 * runner's own process. Injected through `RunnerOptions.core` so tests can use a small fake.
 */
import { pickPath } from "../protocol/exercise";
import { formatValue } from "./compare/formatValue";

export type CoreFunction = (...args: never[]) => unknown;
export type CoreFunctions = Readonly<Record<string, CoreFunction>>;

/** One case's value from the core, or why there is none. Inputs are copied: a core function may not change the pack. */
export function computeCoreCase(functions: CoreFunctions, fn: string, args: unknown[], pick: string | undefined): { ok: true; value: unknown } | { ok: false; message: string } {
  const f = Object.prototype.hasOwnProperty.call(functions, fn) ? functions[fn] : undefined;
  if (typeof f !== "function") return { ok: false, message: `the compute core has no function \`${fn}\`` };
  try {
    const result = (f as (...a: unknown[]) => unknown)(...structuredClone(args));
    return { ok: true, value: pickPath(result, pick) };
  } catch (error) {
    return { ok: false, message: `core.${fn}${formatValue(args)} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
