/**
 * `npm run bench`: every benchmark in one table. Each figure is a median of several runs, and every comparison
 * is a ratio against a baseline measured in the same run (these machines are noisy: absolute times move,
 * ratios hold better). Benchmarks are not tests: nothing here fails on a slow machine.
 *
 * Writes the table to stdout and to out/bench/latest.md (the README shows the latest one), and the raw rows to
 * out/bench/latest.json. `--quick` shrinks the sizes for a smoke run; `--only cold,core,latency,models,grading,validate,extension,playground`.
 * The last section lists every target with its figure and whether it holds in this run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCheckLatencyBench } from "./checkLatency";
import { runColdCheckBench } from "./coldCheck";
import { CHECK_BUDGET_MS, runReferenceTimes } from "./sandboxEngines";
import { runCoreKernelBench } from "./coreKernels";
import { measureBundleSizes, recordedExtensionMetrics } from "./extensionStats";
import { runGradingBench } from "./grading";
import { runValidateBench, VALIDATE_TARGET_S } from "./validatePack";
import { formatInspectBench, runInspectBench } from "./inspectModel";
import { runPlaygroundBench } from "./playground";

const root = path.resolve(__dirname, "..");
const quick = process.argv.includes("--quick");
const onlyArg = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const selected = (name: string) => !onlyArg || onlyArg.split(",").includes(name);

function table(headers: string[], rows: (string | number | undefined)[][]): string {
  const cells = rows.map((r) => r.map((c) => (c === undefined ? "" : typeof c === "number" ? formatNumber(c) : c)));
  return [`| ${headers.join(" | ")} |`, `| ${headers.map(() => "---").join(" | ")} |`, ...cells.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.availableParallelism()} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}, load average ${os.loadavg()[0].toFixed(1)} at start`;
}

async function main(): Promise<void> {
  const sections: string[] = [`Machine: ${machine()}. Run: ${new Date().toISOString()}${quick ? " (--quick sizes)" : ""}.`];
  const raw: Record<string, unknown> = {};
  const targets: { target: string; measured: string; holds: boolean | undefined }[] = [];
  const emit = (title: string, body: string) => {
    const section = `### ${title}\n\n${body}`;
    console.log(`\n${section}`);
    sections.push(section);
  };

  if (selected("cold")) {
    const cold = runColdCheckBench(quick ? 5 : 11, (line) => console.error(line));
    raw.cold = cold;
    const ms = (s: { median: number; min: number; max: number } | undefined) => (s ? `${formatNumber(s.median)} [${formatNumber(s.min)}–${formatNumber(s.max)}]` : "—");
    emit(
      `Cold check as a whole process (\`compression-tutor check\` of ${cold.exercise}'s reference, interleaved with \`node -e 0\`, ${cold.rounds} rounds; median [min–max]; load average ${cold.loadAverage.start.toFixed(1)} → ${cold.loadAverage.end.toFixed(1)})`,
      table(
        ["process", "CPU ms (incl. the sandbox process)", "wall ms"],
        [
          ["`node -e 0`", ms(cold.node.cpuMs), ms(cold.node.wallMs)],
          ["`compression-tutor check`, the file checked before (its bundle and the exercise's stored)", ms(cold.check.cpuMs), ms(cold.check.wallMs)],
          ["`compression-tutor check`, the file edited (compiled: esbuild-wasm starts)", ms(cold.edited.cpuMs), ms(cold.edited.wallMs)],
          ["ratio of medians (file checked before)", cold.cpuRatio === undefined ? "—" : `${formatNumber(cold.cpuRatio)} ×`, `${formatNumber(cold.wallRatio)} ×`],
          ["ratio of medians (file edited)", cold.editedCpuRatio === undefined ? "—" : `${formatNumber(cold.editedCpuRatio)} ×`, `${formatNumber(cold.edited.wallMs.median / cold.node.wallMs.median)} ×`],
        ],
      ),
    );
    targets.push({ target: `cold check CPU ≤ ${cold.targetRatio} × \`node -e 0\``, measured: cold.cpuRatio === undefined ? "CPU time not measurable here" : `${formatNumber(cold.cpuRatio)} ×`, holds: cold.targetHolds });
  }
  if (selected("latency")) {
    const rows = await runCheckLatencyBench();
    raw.latency = rows;
    const warm = rows.find((r) => r.metric.includes("paced") && r.metric.endsWith("p50: total"));
    if (warm?.targetMs) targets.push({ target: `warm check p50 ≤ ${warm.targetMs} ms (runner API, paced)`, measured: `${formatNumber(warm.ms)} ms`, holds: warm.ms <= warm.targetMs });
    emit("Check latency (runner API, affine-quantization, correct solution)", table(["metric", "ms", "target ms", "note"], rows.map((r) => [r.metric, r.ms, r.targetMs, r.note])));
    const references = await runReferenceTimes();
    raw.references = references;
    emit(
      `Every built-in exercise's reference checked as a learner's file (warm runner; QuickJS interprets it; budget ${CHECK_BUDGET_MS} ms a check)`,
      table(["exercise", "cases", "check ms", "run ms", "status", "under 1 s"], references.map((r) => [r.exercise, r.cases, r.checkMs, r.runMs, r.status, r.withinBudget ? "yes" : "NO"])),
    );
  }
  if (selected("core")) {
    const rows = await runCoreKernelBench(quick ? { size: 1 << 20, rows: 2048, repeats: 3 } : {});
    raw.core = rows;
    for (const r of rows) targets.push({ target: `${r.kernel}: ${r.target}`, measured: `${formatNumber(r.ratioToNumpy ?? NaN)} × numpy, ${formatNumber(r.ratioToCopy)} × a copy (${r.path})`, holds: r.targetHolds });
    const withSpread = (s: { median: number; min: number; max: number } | undefined) => (s ? `${formatNumber(s.median)} [${formatNumber(s.min)}–${formatNumber(s.max)}]` : "—");
    emit(
      "Core kernels (float32; core, WebAssembly on typed arrays, WebAssembly on arena arrays in place, numpy and copy interleaved; ratios of median CPU time of the fastest exact path)",
      table(
        ["kernel", "values", "core CPU ms", "wasm CPU ms [min–max]", "arena CPU ms [min–max]", "GB/s", "numpy CPU ms", "× numpy (<1 faster)", "copy CPU ms", "× copy", "target", "holds"],
        rows.map((r) => [
          r.kernel,
          r.values,
          r.core.median,
          withSpread(r.wasm),
          withSpread(r.inMemory),
          r.gbPerSecond,
          r.numpyCpuMs,
          r.ratioToNumpy,
          r.copyCpuMs,
          r.ratioToCopy,
          r.target,
          r.targetHolds === undefined ? "—" : r.targetHolds ? "yes" : "no",
        ]),
      ),
    );
  }
  if (selected("models")) {
    const result = runInspectBench({ bytes: quick ? 2.7e8 : 1e9, repeats: quick ? 3 : 5, log: (l) => console.error(l) });
    raw.models = result;
    emit(`inspect of a generated ${(result.fileBytes / 1e9).toFixed(2)} GB safetensors file vs cat (interleaved; target ≤ 2 × cat)`, formatInspectBench(result));
  }
  if (selected("grading")) {
    const rows = await runGradingBench(quick ? 10 : 100);
    raw.grading = rows;
    const throughput = rows.find((r) => r.metric === "throughput, default jobs");
    const serial = rows.find((r) => r.metric.startsWith("grade --jobs 1"));
    const parallel = rows.find((r) => r.metric.startsWith("grade (default"));
    // Issue 12: at least 40 checks per second on 2 cores, and more jobs never slower than fewer.
    if (throughput) targets.push({ target: "grade: ≥ 40 checks/s with the default jobs", measured: `${formatNumber(throughput.value)} checks/s`, holds: throughput.value >= 40 });
    if (serial && parallel) targets.push({ target: "grade: the default jobs not slower than --jobs 1", measured: `${formatNumber(parallel.value)} s vs ${formatNumber(serial.value)} s`, holds: parallel.value <= serial.value });
    emit("Grading throughput (compression-tutor grade)", table(["metric", "value", "unit", "target s"], rows.map((r) => [r.metric, r.value, r.unit, r.targetS])));
  }
  if (selected("validate")) {
    const rows = runValidateBench(quick ? 1 : 3, (line) => console.error(line));
    raw.validate = rows;
    const s = (x: { median: number; min: number; max: number } | undefined) => (x ? `${formatNumber(x.median)} [${formatNumber(x.min)}–${formatNumber(x.max)}]` : "—");
    for (const row of rows) {
      const when = row.cache === "first" ? "first validation" : "validated again";
      targets.push({ target: `validate ${row.pack} (${when}): ≤ ${VALIDATE_TARGET_S} s wall with the default jobs`, measured: `${formatNumber(row.runs[1].wallS.median)} s`, holds: row.withinTarget });
      targets.push({
        target: `validate ${row.pack} (${when}): more jobs never slower (median not above the slowest round of the setting that starts fewer runners)`,
        measured: row.runs.map((r) => `${r.jobs} ${s(r.wallS)} s`).join(", "),
        holds: row.moreJobsNeverSlower,
      });
    }
    emit(
      `validate of the built-in packs as whole processes (jobs settings interleaved; median [min–max] of ${quick ? 1 : 3}; first validation with an empty cache folder, and again with the folder of an earlier run)`,
      table(
        ["pack", "cache", "jobs", "wall s", "CPU s (incl. sandboxes)", "load average"],
        rows.flatMap((row) => row.runs.map((r) => [`${row.pack} (${row.exercises} exercises)`, row.cache, r.jobs, s(r.wallS), s(r.cpuS), `${row.loadAverage.start.toFixed(1)} → ${row.loadAverage.end.toFixed(1)}`])),
      ),
    );
  }
  if (selected("playground")) {
    const rows = runPlaygroundBench(root, quick);
    raw.playground = rows;
    emit(
      "Playground (browser figures from the last e2e run; Node: the pure model's compute alone)",
      table(["measurement", "values", "ms", "target ms", "where"], rows.map((r) => [r.measurement, r.values, r.ms ?? "not measured yet (run test/e2e/playground.test.ts)", r.targetMs, r.where])),
    );
  }
  if (selected("extension")) {
    const { sizes, extensionLoad } = measureBundleSizes(root);
    const metrics = recordedExtensionMetrics(root);
    raw.extension = { sizes, extensionLoad, metrics };
    // Issue 12: activation (bundle load plus activate()) at most 50 ms. The load is measured here; the whole
    // as VS Code reports it only by the packaged e2e run (its figure, when recorded, decides).
    const reported = metrics["e2e.activationMsReportedByVSCode"];
    targets.push({
      target: "activation ≤ 50 ms (bundle load + `activate()`)",
      measured: `bundle load ${formatNumber(extensionLoad.cpuMs.median)} ms CPU [${formatNumber(extensionLoad.cpuMs.min)}–${formatNumber(extensionLoad.cpuMs.max)}] (production, Node; first window, no code cache yet: ${formatNumber(extensionLoad.firstWindowCpuMs.median)} ms)${reported === undefined ? "; `activate()`: see the integration log" : `; VS Code reported ${formatNumber(reported)} ms in the last e2e run`}`,
      holds: reported === undefined ? undefined : reported <= 50,
    });
    const sizeTable = table(["bundle", "file", "minified KiB", "gzipped KiB"], sizes.map((s) => [s.bundle, s.file, s.minifiedBytes / 1024, s.gzippedBytes / 1024]));
    const metricRows = Object.entries(metrics).map(([k, v]) => [k, v]);
    const metricTable = metricRows.length
      ? table(["metric (from the last integration/e2e run)", "ms"], metricRows)
      : "No integration/e2e metrics recorded yet: run `npm test` first (they land in out/test-results/metrics.json).";
    emit("Extension", `${sizeTable}\n\n${metricTable}`);
  }

  if (targets.length > 0)
    emit(
      `Targets (this run; load average ${os.loadavg()[0].toFixed(1)} at the end)`,
      table(["target", "measured", "holds"], targets.map((t) => [t.target, t.measured, t.holds === undefined ? "—" : t.holds ? "yes" : "no"])),
    );

  const dir = path.join(root, "out", "bench");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "latest.md"), sections.join("\n\n") + "\n");
  fs.writeFileSync(path.join(dir, "latest.json"), JSON.stringify(raw, null, 2));
  console.log(`\nwritten: ${path.relative(root, path.join(dir, "latest.md"))}`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
