/**
 * The runner: checks a learner's TypeScript file against an exercise. The learner's code is compiled and run
 * in a warm sandbox process (a fresh QuickJS runtime per run, a memory limit, time limits per call and per
 * run); only the raw returned values come back, checked on arrival (channel.ts). Expected values are
 * produced here (literals; the compute core in a Worker) or by the exercise's own sources in a second sandbox
 * process that never runs a learner's code, and compared here, so nothing the learner's code does inside the
 * sandbox can turn a wrong answer into a pass.
 *
 * Checks on one Runner run one at a time; run several Runners for parallel work (the CLI's `grade` does).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { CHECK_REPORT_VERSION, type CaseResult, type CheckReport, type CheckStatus, type ReportDiagnostic } from "../protocol/checkReport";
import { functionCaseCountText } from "../protocol/caseCounts";
import type { ExerciseSpec, Misconception } from "../protocol/exercise";
import type { CallOutcome, RunResult, SandboxCall } from "../protocol/runnerIpc";
import { CORE_FUNCTIONS } from "../core";
import type { CoreFunctions } from "./coreFunctions";
import { inProcessCore, OffThreadCore, type CoreCompute } from "./coreCompute";
import { compileDiagnostic, declarationDiagnostic, StackMapper } from "./diagnostics";
import { evaluateCheck } from "./evaluateCase";
import { ExpectedValues, type ProducedValue } from "./expectedValues";
import { learnerFiles } from "./learnerFiles";
import { orderCases } from "./orderCases";
import { megabytes, MEMORY_MB_RANGE, outOfRange, REPORT_VALUE_CHARS_PER_CASE, REPORT_VALUE_CHARS_PER_CHECK, TIMEOUT_MS_RANGE } from "./limits";
import { BundleStore, type BundleShelf } from "./bundleStore";
import { ReferenceTimes } from "./referenceTimes";
import { SandboxProcess, SandboxStartError } from "./sandboxProcess";
import { workedExampleFor } from "./workedExample";

export interface RunnerOptions {
  /** Wall-clock limit, in milliseconds, for loading the learner's file and for each call of it. Default 2000. */
  timeoutMs?: number;
  /** Memory limit of each run's QuickJS runtime, in MB (everything the code allocates counts). Default 256. */
  memoryMb?: number;
  /** The Node to start the sandbox with. Default: the current one. In VS Code pass `process.execPath`. */
  execPath?: string;
  /** Environment of the sandbox process. In VS Code pass `{ ELECTRON_RUN_AS_NODE: "1" }`. */
  env?: NodeJS.ProcessEnv;
  /**
   * Whether the sandbox process runs under Node's permission model where that Node has one (the CLI's
   * configuration). Default true. Electron (the extension) has none; tests pass false to run as it does.
   */
  nodePermissions?: boolean;
  /** Path of the built `dist/runner/host.js`. Default: found next to the running bundle. */
  hostScript?: string;
  log?: (line: string) => void;
  /** The compute core's functions by name; expected values with `from: "core"` call them. Default: the real core. */
  core?: CoreFunctions;
  /**
   * A folder for compiled bundles on disk (bundleStore.ts), so that a file compiled before (by name and text)
   * is not compiled again in a new process. Default: none (bundles are kept in the sandbox process only).
   */
  bundleStoreDir?: string;
  /** The runner serves one check and is disposed (the CLI's `check`): its sandboxes warm nothing up. */
  oneShot?: boolean;
  /**
   * Each call's time limit derives from the exercise's reference solution's time on that case (limits.ts:
   * 20 ×, at least 20 ms of CPU time, at most `timeoutMs`), measured once per exercise in the reference sandbox before
   * the first learner's run; without a reference every call gets `timeoutMs`. Default false: a flat
   * `timeoutMs` per call. `grade` turns it on, so a learner's endless loop costs a fraction of a second.
   */
  limitsFromReference?: boolean;
  /**
   * Another runner whose exercise sandbox, compute core and caches give this one's expected values (and
   * reference times): the runners of one `grade` or `validate` share one exercise sandbox, so each exercise's
   * values are produced once and only one such process starts. Dispose the runners together, after their
   * checks: disposing either stops the shared sandbox. Its limits must be this runner's.
   */
  expectedFrom?: Runner;
}

export interface CheckRequest {
  packId: string;
  exercise: ExerciseSpec;
  /** Path of the learner's file. */
  solutionFile: string;
  /** Unsaved editor text; overrides the file on disk. */
  source?: string;
  signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT_MS = 2000;
export const DEFAULT_MEMORY_MB = 256;

/**
 * Finds dist/runner/host.js from a bundle in dist/ (extension, CLI), in dist/runner, or from the sources.
 * COMPRESSION_TUTOR_HOST_SCRIPT names another build (the tests build their own into a temp folder).
 */
export function defaultHostScript(): string {
  const fromEnvironment = process.env.COMPRESSION_TUTOR_HOST_SCRIPT;
  if (fromEnvironment) {
    if (!fs.existsSync(fromEnvironment)) throw new SandboxStartError(`COMPRESSION_TUTOR_HOST_SCRIPT names ${fromEnvironment}, which does not exist`);
    return fromEnvironment;
  }
  const candidates = [
    path.join(__dirname, "runner", "host.js"),
    path.join(__dirname, "host.js"),
    path.resolve(__dirname, "..", "..", "dist", "runner", "host.js"),
  ];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new SandboxStartError(`the runner's sandbox script is missing (looked for ${candidates.join(", ")}); run \`npm run build\` first`);
  return found;
}

/**
 * The sandbox gets almost nothing of the caller's environment (no NODE_OPTIONS, no tokens): only what Windows
 * needs to start a process, plus what the caller adds (ELECTRON_RUN_AS_NODE in VS Code).
 */
function sandboxEnvironment(extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ["SystemRoot", "SYSTEMROOT", "TEMP", "TMP", "TMPDIR"]) if (process.env[name] !== undefined) env[name] = process.env[name];
  return { ...env, ...(extra ?? {}) };
}

/** sha256 of the files' contents (a missing file counts as empty): what the built code is, for store keys. */
function hashOfFiles(files: string[]): string {
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file.length > 0 && fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0)).update("\0");
  }
  return hash.digest("hex");
}

function elapsed(start: number): number {
  return Math.round((performance.now() - start) * 100) / 100;
}

export class Runner {
  private readonly sandbox: SandboxProcess;
  private readonly referenceSandbox: SandboxProcess;
  private readonly expected: ExpectedValues;
  /** Present when each call's limit derives from the reference's time (RunnerOptions.limitsFromReference). */
  private readonly referenceTimes: ReferenceTimes | undefined;
  private readonly bundleStore: BundleStore | undefined;
  private readonly oneShot: boolean;
  private offThreadCore: OffThreadCore | undefined;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: RunnerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
    const wrong = outOfRange(this.timeoutMs, TIMEOUT_MS_RANGE) ?? outOfRange(this.memoryMb, MEMORY_MB_RANGE);
    if (wrong) throw new RangeError(wrong);
    const hostScript = options.hostScript ?? defaultHostScript();
    const sandboxOptions = {
      execPath: options.execPath ?? process.execPath,
      env: sandboxEnvironment(options.env),
      hostScript,
      nodePermissions: options.nodePermissions ?? true,
      oneShot: options.oneShot,
    };
    const log = options.log ?? (() => undefined);
    this.oneShot = options.oneShot ?? false;
    this.bundleStore = options.bundleStoreDir === undefined ? undefined : new BundleStore(options.bundleStoreDir, log);
    this.sandbox = new SandboxProcess({ ...sandboxOptions, log });
    // Expected values never come from a process that has run a learner's code: an exercise's own sources
    // run in a sandbox process of their own (started with the first check that needs it).
    const shared = options.expectedFrom;
    if (shared) {
      this.referenceSandbox = shared.referenceSandbox;
      this.expected = shared.expected;
      this.referenceTimes = options.limitsFromReference ? (shared.referenceTimes ?? new ReferenceTimes((entry, source, calls) => shared.runExerciseSource(entry, source, calls))) : undefined;
      return;
    }
    this.referenceSandbox = new SandboxProcess({ ...sandboxOptions, log: (line) => log(`reference sandbox: ${line}`) });
    const core = this.coreCompute(options, hostScript);
    const kept = this.bundleStore && { store: this.bundleStore, coreVersion: this.offThreadCore && hashOfFiles([path.join(path.dirname(hostScript), "core.js")]), engineVersion: hashOfFiles([hostScript, path.join(path.dirname(hostScript), "quickjs.wasm")]) };
    this.expected = new ExpectedValues(core, (entry, source, calls) => this.runExerciseSource(entry, source, calls), kept);
    if (options.limitsFromReference) this.referenceTimes = new ReferenceTimes((entry, source, calls) => this.runExerciseSource(entry, source, calls));
  }

  /**
   * The real core computes in a Worker (dist/runner/core.js, next to host.js) under the per-call time limit
   * for each case; a core given in code (tests) computes in-process.
   */
  private coreCompute(options: RunnerOptions, hostScript: string): CoreCompute {
    if (options.core) return inProcessCore(options.core);
    const script = path.join(path.dirname(hostScript), "core.js");
    if (fs.existsSync(script)) {
      this.offThreadCore = new OffThreadCore(script, this.timeoutMs);
      return this.offThreadCore.compute;
    }
    options.log?.(`${script} is missing, so the compute core runs on this thread without a time budget`);
    return inProcessCore(CORE_FUNCTIONS as CoreFunctions);
  }

  /** Starts the sandbox processes ahead of the first check (optional: `check` starts them too). */
  async start(): Promise<void> {
    await Promise.all([this.sandbox.start(), this.referenceSandbox.start()]);
  }

  /** How the sandbox process started: esbuild-wasm and QuickJS initialisation times, permission model, start time. */
  get sandboxInfo(): SandboxProcess["startInfo"] {
    return this.sandbox.startInfo;
  }

  check(request: CheckRequest): Promise<CheckReport> {
    const next = this.queue.then(
      () => this.checkNow(request),
      () => this.checkNow(request),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  async dispose(): Promise<void> {
    await Promise.all([this.sandbox.dispose(), this.referenceSandbox.dispose(), this.offThreadCore?.dispose()]);
  }

  private limits(): { timeoutMs: number; memoryMb: number } {
    return { timeoutMs: this.timeoutMs, memoryMb: this.memoryMb };
  }

  /**
   * Runs `entry` in the shelf's own sandbox (learner code in one, the exercise's sources in the other), with
   * its bundle from the store when this name and text were compiled before, and stores a fresh clean build.
   */
  private async runStored(shelf: BundleShelf, entry: string, text: string, calls: SandboxCall[], callTimeoutsMs?: number[]): Promise<RunResult> {
    const sandbox = shelf === "learner" ? this.sandbox : this.referenceSandbox;
    const key = this.bundleStore && BundleStore.keyOf(shelf, entry, text);
    const stored = key === undefined ? undefined : this.bundleStore?.read(key);
    // The entry's text goes with the run, so the sandbox does not ask for it (one round trip less a check).
    const result = await sandbox.run(entry, calls, { ...this.limits(), callTimeoutsMs }, learnerFiles(entry, new Map([[entry, text]])), stored ? { bundle: stored } : { entryText: text });
    if (key !== undefined && !stored && result.bundleCode !== undefined && result.errors.length === 0 && result.warnings.length === 0) {
      this.bundleStore?.write(key, { code: result.bundleCode, sourceMap: result.sourceMap });
    }
    return result;
  }

  private async runExerciseSource(entry: string, source: string, calls: SandboxCall[]): Promise<{ outcomes?: CallOutcome[]; compileError?: string }> {
    const result = await this.runStored("exercise", entry, source, calls);
    if (result.errors.length > 0) {
      const e = result.errors[0];
      return { compileError: `${e.file ?? entry}:${e.line ?? 1}: ${e.text}` };
    }
    if (result.loadFailure) return { outcomes: calls.map(() => result.loadFailure as CallOutcome) };
    return { outcomes: result.outcomes };
  }

  private async checkNow(request: CheckRequest): Promise<CheckReport> {
    request.signal?.throwIfAborted();
    const start = performance.now();
    const { exercise } = request;
    const entry = path.resolve(request.solutionFile);
    const report: CheckReport = {
      version: CHECK_REPORT_VERSION,
      packId: request.packId,
      exerciseId: exercise.id,
      file: entry,
      status: "error",
      cases: [],
      diagnostics: [],
      summary: { passed: 0, failed: 0, errored: 0, total: 0 },
      timings: { compileMs: 0, runMs: 0, compareMs: 0, totalMs: 0 },
      finishedAt: "",
    };

    let entryText = request.source;
    if (entryText === undefined) {
      try {
        entryText = await fsp.readFile(entry, "utf8");
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return this.finish(report, start, [
          { file: entry, line: 1, column: 1, severity: "error", source: "compile", message: code === "ENOENT" ? `the solution file does not exist: ${entry}` : `cannot read ${entry}: ${code ?? String(error)}` },
        ]);
      }
    }

    const calls = exercise.checks.flatMap((check) => check.cases.map((c) => ({ fn: check.function, args: c.input })));
    // The reference sandbox boots while the learner's code compiles and runs (a no-op once it is running).
    // Not for a one-shot check: its exercise's values may all come from the store, and then it is never needed.
    if (!this.oneShot && (exercise.reference !== undefined || exercise.misconceptions !== undefined)) this.referenceSandbox.start().catch(() => undefined);
    let learner: RunResult;
    try {
      const callTimeoutsMs = await this.referenceTimes?.limitsFor(exercise, calls, this.timeoutMs);
      request.signal?.throwIfAborted();
      learner = await this.runStored("learner", entry, entryText, calls, callTimeoutsMs);
    } catch (crash) {
      if (crash instanceof SandboxStartError) throw crash;
      // The sandbox process stopped, stopped answering, or sent something the channel refused: the message
      // says which (never a guess about why). The next check starts a new sandbox.
      request.signal?.throwIfAborted();
      const message = `your code could not be checked: ${crash instanceof Error ? crash.message : String(crash)}`;
      report.cases = this.allCases(exercise, "error", message);
      return this.finish(report, start, [{ file: entry, line: 1, column: 1, severity: "error", source: "runtime", message }]);
    }
    request.signal?.throwIfAborted();
    report.timings.compileMs = Math.round(learner.compileMs * 100) / 100;
    report.timings.runMs = Math.round(learner.runMs * 100) / 100;
    const diagnostics = [...learner.errors, ...learner.warnings].map((m) => compileDiagnostic(m, entry));
    if (learner.errors.length > 0 || !learner.outcomes) {
      report.cases = this.allCases(exercise, "error", `not run: your file does not compile (${learner.errors[0]?.text ?? "unknown error"})`);
      return this.finish(report, start, diagnostics);
    }

    const compareStart = performance.now();
    const mapper = new StackMapper(learner.sourceMap, entry);
    if (learner.loadFailure) diagnostics.push(this.loadFailureDiagnostic(learner, mapper, entry));
    const results: CaseResult[] = [];
    let callIndex = 0;
    const exerciseCaseTotal = exercise.checks.reduce((n, check) => n + check.cases.length, 0);
    for (const check of exercise.checks) {
      const expectedValues = await this.expected.valuesFor(check.expected, exercise, check, `the expected values of check ${check.id}`);
      const misconceptionCache = new Map<string, Promise<ProducedValue[]>>();
      const misconceptionValues = (m: Misconception): Promise<ProducedValue[]> => {
        let values = misconceptionCache.get(m.id);
        if (!values) {
          values = this.expected.valuesFor(m.variant, exercise, check, `misconception ${m.id}`);
          misconceptionCache.set(m.id, values);
        }
        return values;
      };
      const checkResults: CaseResult[] = [];
      const outcomes = learner.outcomes.slice(callIndex, callIndex + check.cases.length);
      callIndex += check.cases.length;
      for (const { result, stack } of await evaluateCheck(check, outcomes, expectedValues, misconceptionValues)) {
        checkResults.push(result);
        if (stack) {
          const position = mapper.positionOf(stack);
          if (position) diagnostics.push({ ...position, severity: "error", source: "runtime", message: result.message });
        }
      }
      results.push(...checkResults);
      const wrong = orderCases(checkResults, (r) => check.cases.find((c) => c.id === r.id)?.input ?? r.input).filter((r) => r.status !== "passed");
      if (wrong.length > 0 && !learner.loadFailure) {
        // Counted over the whole exercise, as every view counts cases (protocol/caseCounts).
        const summary = `${functionCaseCountText(wrong.length, exerciseCaseTotal, check.function)}; ${wrong[0].message}`;
        diagnostics.push(declarationDiagnostic(entry, entryText, check.function, summary));
      }
    }
    const inputs = new Map(exercise.checks.flatMap((check) => check.cases.map((c) => [`${check.id}\0${c.id}`, c.input] as const)));
    report.cases = orderCases(results, (r) => inputs.get(`${r.checkId}\0${r.id}`) ?? r.input);
    limitShownValues(report.cases);
    const workedExample = await workedExampleFor(exercise, report.cases, this.expected);
    if (workedExample) report.workedExample = workedExample;
    report.timings.compareMs = elapsed(compareStart);
    return this.finish(report, start, dedupe(diagnostics));
  }

  private loadFailureDiagnostic(learner: RunResult, mapper: StackMapper, entry: string): ReportDiagnostic {
    const failure = learner.loadFailure as Exclude<CallOutcome, { kind: "returned" }>;
    const position = failure.kind === "threw" ? mapper.positionOf(failure.stack) : undefined;
    return { ...(position ?? { file: entry, line: 1, column: 1 }), severity: "error", source: "runtime", message: `your file failed while loading: ${failure.message}` };
  }

  private allCases(exercise: ExerciseSpec, status: CheckStatus, message: string): CaseResult[] {
    return exercise.checks.flatMap((check) =>
      check.cases.map((c) => ({
        id: c.id,
        checkId: check.id,
        function: check.function,
        name: c.name,
        status,
        input: (c.reveal ?? check.reveal) === "category-only" ? [] : c.input,
        message,
        reveal: c.reveal ?? check.reveal,
      })),
    );
  }

  private finish(report: CheckReport, start: number, diagnostics: ReportDiagnostic[]): CheckReport {
    report.diagnostics = diagnostics;
    const count = (s: CheckStatus): number => report.cases.filter((c) => c.status === s).length;
    report.summary = { passed: count("passed"), failed: count("failed"), errored: count("error"), total: report.cases.length };
    const compileFailed = diagnostics.some((d) => d.source === "compile" && d.severity === "error");
    report.status = compileFailed || report.summary.errored > 0 ? "error" : report.summary.failed > 0 ? "failed" : "passed";
    if (report.summary.total === 0 && !compileFailed) report.status = "error";
    report.timings.totalMs = elapsed(start);
    report.finishedAt = new Date().toISOString();
    return report;
  }
}

/**
 * A report carries each case's returned value for the panel's diffs and charts, and a class's grades carry
 * every report: past a size, a value is left out (its verdict stays) so that one learner's enormous answers
 * cannot make a report, or a class's results, too large to write. Real answers are far smaller (every built-in
 * reference's check shows at most 11 KB of values in all, measured).
 */
function limitShownValues(cases: CaseResult[]): void {
  let shown = 0;
  for (const c of cases) {
    if (c.actual === undefined) continue;
    const size = JSON.stringify(c.actual)?.length ?? 0;
    if (size <= REPORT_VALUE_CHARS_PER_CASE && shown + size <= REPORT_VALUE_CHARS_PER_CHECK) {
      shown += size;
      continue;
    }
    delete c.actual;
    c.message += ` (your value, ${megabytes(size)} as JSON, is too large to show in the report)`;
  }
}

function dedupe(diagnostics: ReportDiagnostic[]): ReportDiagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.source}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
