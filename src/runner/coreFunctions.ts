/**
 * The compute core as the runner sees it: a record of named functions, called as
 * `core[fn](...case.input, ...extraArgs)` to produce expected values (and misconceptions' wrong values) in the
 * runner's own process. Injected through `RunnerOptions.core` so tests can use a small fake.
 */
export type CoreFunction = (...args: never[]) => unknown;
export type CoreFunctions = Readonly<Record<string, CoreFunction>>;

/** Follows a property path such as "scale" or "memory.total" (also "0" for an array index). */
export function pickPath(value: unknown, pick: string | undefined): unknown {
  if (!pick) return value;
  let current = value;
  for (const key of pick.split(".")) {
    if (current === null || typeof current !== "object" || !(key in (current as object))) {
      throw new Error(`has no property path "${pick}" (stopped at "${key}")`);
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
