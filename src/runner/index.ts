/**
 * The runner's public surface: check a learner's file against an exercise and get a `CheckReport`.
 *
 *   const runner = new Runner({ timeoutMs: 2000, core: CORE_FUNCTIONS });
 *   const report = await runner.check({ packId, exercise, solutionFile });
 *   await runner.dispose();
 */
export { Runner, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS, defaultHostScript, type CheckRequest, type RunnerOptions } from "./runner";
export type { CoreFunctions } from "./coreFunctions";
export { SandboxStartError } from "./sandboxProcess";
export { compareValues, numbersMatch } from "./compare/compareValues";
export { formatValue, toReportJson } from "./compare/formatValue";
