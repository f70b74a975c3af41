/**
 * Wait budgets that scale with how fast this machine is right now. A fixed 30 s locator wait held on an idle
 * machine and failed at load 13; instead, a short CPU probe is timed against what it takes on an idle machine,
 * and every budget is multiplied by that ratio (never below 1, at most 8).
 */
/** The probe on this project's 2-core machine with nothing else running (about 33 ms at load 8). */
const IDLE_PROBE_MS = 20;

function probeMs(): number {
  const started = performance.now();
  let x = 0;
  for (let i = 0; i < 2_000_000; i++) x = (x + Math.sqrt(i)) % 1e9;
  if (x < 0) throw new Error("unreachable");
  return performance.now() - started;
}

let factor: number | undefined;

/** How much slower than idle the machine is (measured once, the median of three probes). */
export function slowdown(): number {
  if (factor === undefined) {
    const samples = [probeMs(), probeMs(), probeMs()].sort((a, b) => a - b);
    factor = Math.min(8, Math.max(1, samples[1] / IDLE_PROBE_MS));
    if (process.env.E2E_SLOWDOWN) factor = Math.max(factor, Number(process.env.E2E_SLOWDOWN) || 1);
  }
  return factor;
}

/** `idleMs` (the budget on an idle machine) scaled by the measured slowdown. */
export function budget(idleMs: number): number {
  return Math.round(idleMs * slowdown());
}
