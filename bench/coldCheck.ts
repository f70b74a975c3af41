/**
 * A cold check as a user waits for it: the whole `compression-tutor check <file> --exercise <pack>/<id>` process
 * (Node start, loading the CLI bundle, the pack, the sandbox process with esbuild-wasm and QuickJS, compile,
 * run, compare, exit), against the bare cost of starting Node (`node -e 0`). The two are interleaved, one of
 * each per round, so that the machine's load moves both alike; medians with min and max.
 *
 * CPU time is the user + system time of the process and every child it waited for (the sandbox process). Each
 * command runs under a bash that reports its children's rusage (`times`, to the millisecond) and the wall time
 * around the command (`$EPOCHREALTIME`, to the microsecond), so bash's own start is in neither figure. Without
 * bash the figures come from /proc/self/stat's cutime and cstime around each spawnSync (Linux; one clock tick,
 * usually 10 ms, which at a 50 ms baseline moves the ratio by 0.2) and the wall time around it; elsewhere only
 * wall time is shown.
 *
 * Two checks are timed: the file checked before (its bundle and the exercise's come from the bench's own cache
 * folder, as after any earlier check), and the file edited every round (compiled, so esbuild-wasm starts).
 *
 * Target (issue 12): the CPU time of a cold check at most 3 × that of `node -e 0`.
 * Needs a build (`npm run build`). Run alone: `npx tsx bench/coldCheck.ts [rounds]`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface ColdCheckResult {
  exercise: string;
  rounds: number;
  node: { wallMs: Spread; cpuMs?: Spread };
  check: { wallMs: Spread; cpuMs?: Spread };
  /** The same check with the learner's file changed every round, so that its bundle is compiled (esbuild-wasm starts). */
  edited: { wallMs: Spread; cpuMs?: Spread };
  cpuRatio?: number;
  editedCpuRatio?: number;
  wallRatio: number;
  targetRatio: number;
  targetHolds?: boolean;
  loadAverage: { start: number; end: number };
}

const root = path.resolve(__dirname, "..");
const PACK = path.join(root, "exercises", "quantization-distillation");
export const COLD_CHECK_EXERCISE = "affine-quantization";
export const COLD_CHECK_TARGET_RATIO = 3;

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Milliseconds of CPU used by this process's waited-for children so far, or undefined off Linux. */
export function childrenCpuMs(ticksPerSecond: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces, hence the split at ") "): cutime is the 14th, cstime the 15th.
    const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

export function clockTicks(): number {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** What one timed command cost: wall time, and CPU time of it and the children it waited for where known. */
export interface TimedRun {
  status: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  cpuMs?: number;
}

/**
 * bash runs the command, then writes `times` (its children's user and system time, "0m0.123s" to the
 * millisecond) and `$EPOCHREALTIME` before and after (seconds with microseconds; a comma in some locales) to fd 3.
 */
const TIMED_BASH = 'start=$EPOCHREALTIME; "$@"; status=$?; end=$EPOCHREALTIME; { times; echo "$start $end"; } >&3; exit $status';

function bashSeconds(text: string): number {
  const match = /^(\d+)m([\d.,]+)s$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2].replace(",", ".")) : NaN;
}

let bashWorks: boolean | undefined;

/** Runs `node args` and times it: to the millisecond of CPU under bash, else with /proc's clock ticks. */
export function timedNode(args: string[], env: NodeJS.ProcessEnv, ticks: number): TimedRun {
  if (bashWorks !== false) {
    const start = performance.now();
    const run = spawnSync("bash", ["-c", TIMED_BASH, "bash", process.execPath, ...args], { stdio: ["ignore", "pipe", "pipe", "pipe"], encoding: "utf8", env });
    const wallAround = performance.now() - start;
    const lines = String(run.output?.[3] ?? "").trim().split("\n");
    // Line 1: bash's own times; line 2: its children's (user, system); line 3: the wall clock around the command.
    const cpu = (lines[1] ?? "").split(" ").map(bashSeconds);
    const wall = (lines[2] ?? "").split(" ").map((t) => Number(t.replace(",", ".")));
    if (!run.error && lines.length === 3 && cpu.length === 2 && wall.length === 2 && [...cpu, ...wall].every(Number.isFinite)) {
      bashWorks = true;
      const wallMs = (wall[1] - wall[0]) * 1000;
      return { status: run.status, stdout: String(run.stdout), stderr: String(run.stderr), wallMs: wallMs > 0 ? wallMs : wallAround, cpuMs: Math.round((cpu[0] + cpu[1]) * 1e6) / 1e3 };
    }
    if (bashWorks === undefined) bashWorks = false;
    else return { status: run.status, stdout: String(run.stdout), stderr: `${run.stderr}\n(bash's timing was unreadable: ${JSON.stringify(run.output?.[3])})`, wallMs: wallAround };
  }
  const cpuBefore = childrenCpuMs(ticks);
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: "utf8", env });
  const wallMs = performance.now() - start;
  const cpuAfter = childrenCpuMs(ticks);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, wallMs, cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

export function runColdCheckBench(rounds = 9, log: (line: string) => void = () => undefined): ColdCheckResult {
  const cli = path.join(root, "dist", "cli.js");
  if (!fs.existsSync(cli)) throw new Error(`coldCheck: ${cli} does not exist; run npm run build first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-cold-"));
  const solution = path.join(dir, `${COLD_CHECK_EXERCISE}.ts`);
  fs.copyFileSync(path.join(PACK, COLD_CHECK_EXERCISE, "reference.ts"), solution);
  const ticks = clockTicks();
  const edited = path.join(dir, "edited", `${COLD_CHECK_EXERCISE}.ts`);
  fs.mkdirSync(path.dirname(edited));
  const commands = {
    node: ["-e", "0"],
    check: [cli, "check", solution, "--exercise", path.join(PACK, COLD_CHECK_EXERCISE)],
    edited: [cli, "check", edited, "--exercise", path.join(PACK, COLD_CHECK_EXERCISE)],
  };
  // A cache folder of the bench's own: the first (unmeasured) check stores the exercise's bundles and the
  // solution's, as any earlier check of them would; `edited` changes the solution's text every round.
  const env = { ...process.env, COMPRESSION_TUTOR_CACHE: path.join(dir, "cache") };
  spawnSync(process.execPath, commands.check, { encoding: "utf8", env });
  const samples = {
    node: { wall: [] as number[], cpu: [] as number[] },
    check: { wall: [] as number[], cpu: [] as number[] },
    edited: { wall: [] as number[], cpu: [] as number[] },
  };
  const loadStart = os.loadavg()[0];
  let cpuKnown = true;
  try {
    for (let round = 0; round < rounds; round++) {
      // Alternate which goes first, so neither always follows the other's caches or load.
      const order = round % 2 ? (["edited", "check", "node"] as const) : (["node", "check", "edited"] as const);
      fs.writeFileSync(edited, `${fs.readFileSync(solution, "utf8")}\n// edit ${round}\n`);
      for (const which of order) {
        const run = timedNode(commands[which], env, ticks);
        if (run.status !== 0) throw new Error(`coldCheck: ${which} exited ${run.status}: ${(run.stderr || run.stdout).slice(0, 1000)}`);
        samples[which].wall.push(run.wallMs);
        if (run.cpuMs === undefined) cpuKnown = false;
        else samples[which].cpu.push(run.cpuMs);
      }
      log(`cold check round ${round + 1}/${rounds}: node -e 0 ${samples.node.wall.at(-1)!.toFixed(0)} ms, check ${samples.check.wall.at(-1)!.toFixed(0)} ms, edited ${samples.edited.wall.at(-1)!.toFixed(0)} ms wall`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const node = { wallMs: spread(samples.node.wall), ...(cpuKnown ? { cpuMs: spread(samples.node.cpu) } : {}) };
  const check = { wallMs: spread(samples.check.wall), ...(cpuKnown ? { cpuMs: spread(samples.check.cpu) } : {}) };
  const editedRun = { wallMs: spread(samples.edited.wall), ...(cpuKnown ? { cpuMs: spread(samples.edited.cpu) } : {}) };
  const cpuRatio = node.cpuMs && check.cpuMs && node.cpuMs.median > 0 ? check.cpuMs.median / node.cpuMs.median : undefined;
  const editedCpuRatio = node.cpuMs && editedRun.cpuMs && node.cpuMs.median > 0 ? editedRun.cpuMs.median / node.cpuMs.median : undefined;
  return {
    exercise: COLD_CHECK_EXERCISE,
    rounds,
    node,
    check,
    edited: editedRun,
    cpuRatio,
    editedCpuRatio,
    wallRatio: check.wallMs.median / node.wallMs.median,
    targetRatio: COLD_CHECK_TARGET_RATIO,
    targetHolds: cpuRatio === undefined ? undefined : cpuRatio <= COLD_CHECK_TARGET_RATIO,
    loadAverage: { start: loadStart, end: os.loadavg()[0] },
  };
}

if (require.main === module) {
  const result = runColdCheckBench(Number(process.argv[2] ?? 9), (line) => console.error(line));
  console.log(JSON.stringify(result, null, 2));
}
