/**
 * `compression-tutor validate` of each built-in pack as a whole process, as an author waits for it: with the
 * default jobs (one per core), with `--jobs 1`, and with twice the default, interleaved round by round so the
 * machine's load moves all three alike; medians with min and max of wall time and of CPU time (the process and
 * its sandbox processes, from /proc/self/stat's cutime and cstime; Linux only). Each setting runs twice a
 * round: with an empty cache folder (the pack validated for the first time) and with the cache folder of an
 * earlier run of the same pack (validated again: nothing changed, so nothing is compiled and the exercises'
 * own sources do not run).
 *
 * Targets (issue 12): at most 5 s wall with the default jobs, and more jobs never slower than fewer: a setting
 * with more jobs is slower when its median is above the slowest round of the nearest setting that starts fewer
 * runners (jobs beyond the cores start one runner per core, as the default does).
 * Needs a build (`npm run build`). Run alone: `npx tsx bench/validatePack.ts [rounds]`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { childrenCpuMs, clockTicks, spread, type Spread } from "./coldCheck";

export const VALIDATE_TARGET_S = 5;

export interface ValidateRow {
  pack: string;
  /** "first" (empty cache folder) or "again" (the cache folder of an earlier run). */
  cache: "first" | "again";
  exercises: number;
  /** Per jobs setting ("default (2)", "--jobs 1", "--jobs 4"): wall and CPU seconds. */
  runs: { jobs: string; wallS: Spread; cpuS?: Spread }[];
  /** The default jobs' median wall time is within the target. */
  withinTarget: boolean;
  /** No setting with more jobs has a larger median wall time than one with fewer. */
  moreJobsNeverSlower: boolean;
  loadAverage: { start: number; end: number };
}

const root = path.resolve(__dirname, "..");

export function runValidateBench(rounds = 3, log: (line: string) => void = () => undefined): ValidateRow[] {
  const cli = path.join(root, "dist", "cli.js");
  if (!fs.existsSync(cli)) throw new Error(`validatePack: ${cli} does not exist; run npm run build first`);
  const cores = os.availableParallelism();
  const settings = [
    { jobs: "--jobs 1", args: ["--jobs", "1"], count: 1 },
    { jobs: `default (${cores})`, args: [], count: cores },
    { jobs: `--jobs ${cores * 2} (starts ${cores}: one per core)`, args: ["--jobs", String(cores * 2)], count: cores * 2 },
  ];
  const ticks = clockTicks();
  const packs = fs.readdirSync(path.join(root, "exercises")).filter((d) => fs.existsSync(path.join(root, "exercises", d, "pack.json")));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-validate-bench-"));
  try {
    return packs.flatMap((pack) => {
      const dir = path.join(root, "exercises", pack);
      const exercises = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "exercise.json"))).length;
      const warmCache = path.join(work, `${pack}-again`);
      const validate = (args: string[], cache: string): void => {
        const run = spawnSync(process.execPath, [cli, "validate", dir, ...args], { encoding: "utf8", env: { ...process.env, COMPRESSION_TUTOR_CACHE: cache } });
        if (run.status !== 0) throw new Error(`validatePack: validate ${pack} ${args.join(" ")} exited ${run.status}: ${run.stdout}${run.stderr}`);
      };
      validate([], warmCache); // unmeasured: fills the cache folder the "again" runs use
      const modes = (["first", "again"] as const).map((cache) => ({ cache, samples: settings.map(() => ({ wall: [] as number[], cpu: [] as number[] })) }));
      let cpuKnown = true;
      const loadStart = os.loadavg()[0];
      let fresh = 0;
      for (let round = 0; round < rounds; round++) {
        // A different setting goes first each round, so that none always runs on a machine the others warmed.
        for (let k = 0; k < settings.length; k++) {
          const i = (k + round) % settings.length;
          for (const mode of modes) {
            const cache = mode.cache === "again" ? warmCache : path.join(work, `${pack}-first-${fresh++}`);
            const cpuBefore = childrenCpuMs(ticks);
            const start = performance.now();
            validate(settings[i].args, cache);
            const wall = performance.now() - start;
            const cpuAfter = childrenCpuMs(ticks);
            mode.samples[i].wall.push(wall / 1000);
            if (cpuBefore === undefined || cpuAfter === undefined) cpuKnown = false;
            else mode.samples[i].cpu.push((cpuAfter - cpuBefore) / 1000);
            log(`validate ${pack} ${settings[i].jobs}, ${mode.cache}: ${(wall / 1000).toFixed(1)} s`);
          }
        }
      }
      const loadAverage = { start: loadStart, end: os.loadavg()[0] };
      return modes.map(({ cache, samples }) => {
        const runs = settings.map((s, i) => ({ jobs: s.jobs, wallS: spread(samples[i].wall), ...(cpuKnown ? { cpuS: spread(samples[i].cpu) } : {}) }));
        // "Slower" means beyond the noise of the fewer jobs' own rounds: a median above the slowest of them. Jobs
        // beyond the cores start the same runners as the default (one per core), the same work, so each setting is
        // held against the nearest setting that starts fewer runners.
        const byRunners = settings.map((s, i) => ({ runners: Math.min(s.count, cores), median: runs[i].wallS.median, max: runs[i].wallS.max })).sort((a, b) => a.runners - b.runners);
        const moreJobsNeverSlower = byRunners.every((b) => {
          const fewer = byRunners.filter((a) => a.runners < b.runners).at(-1);
          return !fewer || b.median <= fewer.max;
        });
        return {
          pack,
          cache,
          exercises,
          runs,
          withinTarget: runs[1].wallS.median <= VALIDATE_TARGET_S,
          moreJobsNeverSlower,
          loadAverage,
        };
      });
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const rows = runValidateBench(Number(process.argv[2]) || 3, (line) => console.error(line));
  for (const row of rows) {
    console.log(`${row.pack}, ${row.cache === "first" ? "first validation (empty cache folder)" : "validated again"} (${row.exercises} exercises; load average ${row.loadAverage.start.toFixed(1)} → ${row.loadAverage.end.toFixed(1)})`);
    for (const r of row.runs) {
      const s = (x: Spread | undefined) => (x ? `${x.median.toFixed(2)} [${x.min.toFixed(2)}–${x.max.toFixed(2)}]` : "—");
      console.log(`  ${r.jobs.padEnd(14)} wall ${s(r.wallS)} s   CPU ${s(r.cpuS)} s`);
    }
    console.log(`  default within ${VALIDATE_TARGET_S} s: ${row.withinTarget ? "yes" : "no"}; more jobs never slower: ${row.moreJobsNeverSlower ? "yes" : "no"}`);
  }
}
