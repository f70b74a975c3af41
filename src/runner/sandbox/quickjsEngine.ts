/**
 * Runs one compiled bundle in a fresh QuickJS runtime (quickjs-emscripten, release-sync build): the engine
 * where learner and pack code execute. QuickJS is a separate JavaScript engine compiled to WebAssembly; the
 * code inside it has the language's built-ins and nothing else: no `process`, no `require`, no host realm
 * whose constructors could be reached, no `WebAssembly`, no timers, no I/O. The only things that cross the
 * bridge are strings: the arguments as JSON text in, each outcome as JSON text out (prelude.ts encodes,
 * resultCodec.ts decodes and checks).
 *
 * Every run gets its own WebAssembly instance (its own linear memory, freed with it), a QuickJS memory limit
 * (every allocation of the runtime counts: objects, strings, ArrayBuffers, typed arrays), a stack limit, and
 * an interrupt handler that stops the code at the per-call deadline and at the whole run's. The compiled
 * WebAssembly module is shared: instantiating it takes a few milliseconds, against ~100 ms of CPU for a
 * fresh Node Worker.
 */
import fs from "node:fs";
import path from "node:path";
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime, type QuickJSSyncVariant } from "quickjs-emscripten-core";
import { SANDBOX_BUNDLE_NAME, type CallOutcome, type SandboxCall } from "../../protocol/runnerIpc";
import { QUICKJS_STACK_BYTES, REFERENCE_LIMIT_FACTOR, REFERENCE_LIMIT_FLOOR_MS, wholeRunLimitMs } from "../limits";
import { PRELUDE_SOURCE } from "./prelude";
import { decodeOutcome, RunBudget } from "./resultCodec";

/** The QuickJS WebAssembly file's name next to the sandbox's bundle (esbuild.config.mjs copies it there). */
export const QUICKJS_WASM_NAME = "quickjs.wasm";

export interface EngineLimits {
  /** Limit of loading the bundle, and of each call without its own. */
  timeoutMs: number;
  memoryMb: number;
  /**
   * Each call's own limit in CPU time (from the reference's time, limits.ts), below `timeoutMs`, which stays
   * its wall-clock limit and the run's.
   */
  callTimeoutsMs?: number[];
}

/** This process's CPU time so far, in µs (user and system, all threads: while a call runs only it computes). */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** Call `index`'s limit: its own where given (and sane), else the run's. */
function callLimitMs(limits: EngineLimits, index: number): number {
  const own = limits.callTimeoutsMs?.[index];
  return typeof own === "number" && own > 0 && own <= limits.timeoutMs ? own : limits.timeoutMs;
}

export interface EngineRun {
  outcomes: CallOutcome[];
  loadFailure?: CallOutcome;
}

/**
 * The release-sync variant, put together from its two parts by static imports: the package's own variant
 * object loads its Emscripten module with a dynamic `import()`, which a bundler resolves to the ES module
 * build (it needs `import.meta.url`, absent in the CommonJS bundle this code ships in).
 */
type Loaded<F> = F extends () => Promise<infer T> ? T : never;
// require(), not import: the package's subpath exports need a moduleResolution this project does not use.
const { QuickJSFFI } = require("@jitl/quickjs-wasmfile-release-sync/ffi") as { QuickJSFFI: Loaded<QuickJSSyncVariant["importFFI"]> };
const emscriptenModule = require("@jitl/quickjs-wasmfile-release-sync/emscripten-module") as Loaded<QuickJSSyncVariant["importModuleLoader"]>;
const RELEASE_SYNC: QuickJSSyncVariant = {
  type: "sync",
  importFFI: () => Promise.resolve(QuickJSFFI),
  importModuleLoader: () => Promise.resolve(emscriptenModule),
};

function wasmFile(): string {
  const shipped = path.join(__dirname, QUICKJS_WASM_NAME);
  if (fs.existsSync(shipped)) return shipped;
  // From the sources (tests, tsx): the installed package's file. A variable, so bundlers leave it alone.
  const fromPackage = "@jitl/quickjs-wasmfile-release-sync/wasm";
  return require.resolve(fromPackage);
}

let compiled: Promise<WebAssembly.Module> | undefined;

/** WebAssembly pages are 64 KiB. The QuickJS build starts with 16 MB of linear memory. */
const PAGES_PER_MB = 16;
const ENGINE_BASE_PAGES = 16 * PAGES_PER_MB;

/** Compiles QuickJS's WebAssembly once per process; returns how long that took. */
export async function loadEngine(): Promise<number> {
  const start = performance.now();
  compiled ??= WebAssembly.compile(fs.readFileSync(wasmFile()));
  await compiled;
  return performance.now() - start;
}

/** Why a call or the load stopped from outside the learner's realm. */
type Stop = { kind: "timeout" } | { kind: "memory" } | { kind: "stack" } | { kind: "crashed"; message: string };

class Session {
  private deadline = Infinity;
  private runDeadline = Infinity;
  /** The call's limit in this process's CPU time (µs), for limits derived from the reference; else Infinity. */
  private cpuDeadline = Infinity;
  /**
   * The wall-clock time before which the CPU limit cannot have been reached by the call itself. process.cpuUsage()
   * counts every thread, and V8 compiles QuickJS's WebAssembly in the background after a hot call, so a call of
   * microseconds could otherwise be charged for that compiling; the calling thread cannot compute for longer than
   * the clock has run, so CPU is only compared once the call has run for its limit.
   */
  private cpuClockFloor = Infinity;
  interrupted: "call" | "cpu" | "run" | undefined;

  constructor(
    readonly runtime: QuickJSRuntime,
    readonly context: QuickJSContext,
    private readonly memoryBytes: number,
  ) {
    runtime.setInterruptHandler(() => {
      const now = performance.now();
      if (now > this.runDeadline) this.interrupted = "run";
      else if (now > this.deadline) this.interrupted = "call";
      else if (this.overCpuDeadline(now)) this.interrupted = "cpu";
      return this.interrupted !== undefined;
    });
  }

  startRun(limitMs: number): void {
    this.runDeadline = performance.now() + limitMs;
  }

  /**
   * `limitMs` of wall-clock time, and with `cpuLimitMs` also that much of this process's CPU time: a limit
   * derived from the reference is counted in CPU time, which a busy machine does not eat into (the process
   * does nothing else while a call runs), so an honest call is not stopped because others took the cores.
   */
  startCall(limitMs: number, cpuLimitMs?: number): void {
    this.deadline = performance.now() + limitMs;
    this.cpuDeadline = cpuLimitMs === undefined ? Infinity : cpuMicros() + cpuLimitMs * 1000;
    this.cpuClockFloor = cpuLimitMs === undefined ? Infinity : performance.now() + cpuLimitMs;
  }

  /**
   * Whether the call has computed past its CPU limit, checked once it returned: a call can outrun its limit
   * between two of the engine's interrupt checks (a few long native calls, such as twenty
   * million-character `repeat`s, run a loop of only twenty turns), and past its limit it has not returned
   * in time all the same.
   */
  overCpuLimit(): boolean {
    if (!this.overCpuDeadline(performance.now())) return false;
    this.interrupted = "cpu";
    return true;
  }

  private overCpuDeadline(now: number): boolean {
    return this.cpuDeadline !== Infinity && now > this.cpuClockFloor && cpuMicros() > this.cpuDeadline;
  }

  get expired(): boolean {
    return this.interrupted !== undefined || performance.now() > this.deadline || performance.now() > this.runDeadline || this.overCpuDeadline(performance.now());
  }

  /** Calls a function of the prelude; returns the string it answered, or why it stopped. */
  callForText(fn: QuickJSHandle, ...args: QuickJSHandle[]): { text: string } | { stop: Stop } {
    try {
      const result = this.context.callFunction(fn, this.context.undefined, ...args);
      if (result.error) return { stop: this.whyStopped(result.error) };
      const value = result.value;
      if (this.context.typeof(value) !== "string") return { stop: { kind: "crashed", message: "the sandbox's bridge answered with something other than text" } };
      return { text: this.context.getString(value) };
    } catch (hostError) {
      return { stop: this.hostFailure(hostError) };
    }
  }

  /** Runs queued promise jobs until `done()` or the deadline. */
  drainJobs(done: () => boolean): Stop | undefined {
    try {
      while (!done() && this.runtime.hasPendingJob()) {
        if (this.expired) return { kind: "timeout" };
        const result = this.runtime.executePendingJobs(1000);
        if (result.error) return this.whyStopped(result.error);
      }
    } catch (hostError) {
      return this.hostFailure(hostError);
    }
    return undefined;
  }

  /** An exception that escaped the prelude (which catches everything the learner's code throws). */
  private whyStopped(error: QuickJSHandle): Stop {
    if (this.interrupted) return { kind: "timeout" };
    // Describing the error may itself need memory; the runtime is discarded after this anyway.
    this.runtime.setMemoryLimit(this.memoryBytes + 32 * 1024 * 1024);
    let message = "an unknown error";
    try {
      const dumped = this.context.dump(error) as { name?: unknown; message?: unknown } | unknown;
      if (dumped && typeof dumped === "object" && typeof (dumped as { message?: unknown }).message === "string") {
        const { name, message: text } = dumped as { name?: unknown; message: string };
        message = `${typeof name === "string" ? name : "Error"}: ${text}`;
      } else message = String(dumped);
    } catch {
      // keep the generic message
    }
    if (/out of memory/.test(message)) return { kind: "memory" };
    if (/stack overflow/.test(message)) return { kind: "stack" };
    return { kind: "crashed", message: message.slice(0, 500) };
  }

  /** The WebAssembly itself failed: the host's native stack ran out, or the engine trapped. */
  private hostFailure(error: unknown): Stop {
    if (this.interrupted) return { kind: "timeout" };
    if (error instanceof RangeError && /call stack/i.test(error.message)) return { kind: "stack" };
    if (error instanceof Error && /out of memory|OOM|Cannot enlarge memory|Out of bounds memory/i.test(error.message)) return { kind: "memory" };
    return { kind: "crashed", message: `the JavaScript engine failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500) };
  }
}

function stopMessage(stop: Stop, limits: EngineLimits, interrupted: Session["interrupted"], calls: number, loading: boolean, index: number): string {
  switch (stop.kind) {
    case "timeout": {
      if (interrupted === "run") return `did not finish: the whole run took longer than its limit of ${wholeRunLimitMs(limits.timeoutMs, calls)} ms (${limits.timeoutMs} ms per call)`;
      if (loading) return `did not finish within ${limits.timeoutMs} ms while loading your file (top-level code); look for an endless loop`;
      if (interrupted === "cpu") {
        const limit = callLimitMs(limits, index);
        return `did not return within ${limit} ms of computing (its limit: ${REFERENCE_LIMIT_FACTOR} × the reference solution's time on this case, at least ${REFERENCE_LIMIT_FLOOR_MS} ms); look for an endless loop`;
      }
      return `did not return within ${limits.timeoutMs} ms; look for an endless loop or a promise that never settles`;
    }
    case "memory":
      return `ran out of memory (limit ${limits.memoryMb} MB for the run, counting arrays, typed arrays and strings); look for an array or string that grows without end`;
    case "stack":
      return "ran out of stack (recursion too deep for the sandbox); look for a recursion without a base case, or use a loop";
    case "crashed":
      return `stopped the sandbox: ${stop.message}`;
  }
}

function outcomeOfStop(stop: Stop, message: string): CallOutcome {
  return stop.kind === "timeout" ? { kind: "timeout", message } : { kind: "crashed", message };
}

/** Runs `code` (a CommonJS bundle) and the calls in a fresh runtime; never throws for anything the code does. */
/** A fresh runtime with the prelude evaluated in it: it has run nothing else, ever. */
interface FreshEngine {
  memoryMb: number;
  session: Session;
  context: QuickJSContext;
  /** The prelude's bridge functions; undefined if the prelude did not evaluate (never expected). */
  bridge?: { load: QuickJSHandle; call: QuickJSHandle; settled: QuickJSHandle; view: QuickJSHandle };
}

async function freshEngine(memoryMb: number): Promise<FreshEngine> {
  const wasmModule = await (compiled ?? (await loadEngine(), compiled));
  // The run's linear memory, capped: the engine's own 16 MB (code, stack, start-up heap) plus the limit.
  // This is the limit that holds. QuickJS's setMemoryLimit alone does not in this build: it counts each
  // allocation's usable size, which Emscripten's malloc does not report, so it only refuses single
  // allocations larger than the limit (measured: 267 Float64Array(1e6) under a 96 MB limit).
  const wasmMemory = new WebAssembly.Memory({ initial: ENGINE_BASE_PAGES, maximum: ENGINE_BASE_PAGES + memoryMb * PAGES_PER_MB });
  const quickjs = await newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmModule, wasmMemory }));
  const runtime = quickjs.newRuntime();
  const memoryBytes = memoryMb * 1024 * 1024;
  runtime.setMemoryLimit(memoryBytes);
  runtime.setMaxStackSize(QUICKJS_STACK_BYTES);
  const context = runtime.newContext();
  const session = new Session(runtime, context, memoryBytes);
  // The prelude is ours and runs before any deadline is set; it builds the bridge and returns it.
  const preludeResult = context.evalCode(PRELUDE_SOURCE, "compression-tutor-prelude.js", { type: "global", strict: true });
  if (preludeResult.error) return { memoryMb, session, context };
  const bridgeObject = context.unwrapResult(context.callFunction(preludeResult.value, context.undefined));
  const [load, call, settled, view] = ["load", "call", "settled", "view"].map((name) => context.getProp(bridgeObject, name));
  return { memoryMb, session, context, bridge: { load, call, settled, view } };
}

/**
 * One fresh runtime made ahead, while the sandbox is idle after a run (`prepareNextRuntime`), so that the next
 * run of a warm sandbox does not wait for instantiating QuickJS and evaluating the prelude (about 2 ms of a
 * warm check). It is as fresh as one made on demand: nothing has run in it but the prelude, and it serves one
 * run only.
 */
let spare: Promise<FreshEngine> | undefined;

/** Makes the next run's runtime now (a warm sandbox calls this once it has answered a run). */
export function prepareNextRuntime(memoryMb: number): void {
  spare ??= freshEngine(memoryMb);
  spare.catch(() => (spare = undefined));
}

async function takeEngine(memoryMb: number): Promise<FreshEngine> {
  const ready = spare;
  spare = undefined;
  const engine = ready && (await ready.catch(() => undefined));
  return engine && engine.memoryMb === memoryMb ? engine : freshEngine(memoryMb);
}

/** Runs `code` (a CommonJS bundle) and the calls in a fresh runtime; never throws for anything the code does. */
export async function runBundle(code: string, calls: SandboxCall[], limits: EngineLimits): Promise<EngineRun> {
  const { session, context, bridge } = await takeEngine(limits.memoryMb);
  session.startRun(wholeRunLimitMs(limits.timeoutMs, calls.length));

  const outcomes: (CallOutcome | undefined)[] = calls.map(() => undefined);
  const fill = (fillWith: (index: number) => CallOutcome): CallOutcome[] => outcomes.map((o, i) => o ?? fillWith(i));

  if (!bridge) {
    const message = "the sandbox could not start its JavaScript engine";
    return { outcomes: fill(() => ({ kind: "crashed", message })), loadFailure: { kind: "crashed", message } };
  }
  const { load, call, settled, view } = bridge;
  // The bundle's wrapper is evaluated under the load deadline. It opens on the bundle's first line, so stack
  // lines match the bundle's source map without an offset.
  session.startCall(limits.timeoutMs);
  /** Copies a typed array's buffer out of the runtime's memory; the decoder checks offset and length against it. */
  const viewBytes = (index: number): Uint8Array => {
    const buffer = context.callFunction(view, context.undefined, context.newNumber(index));
    if (buffer.error) throw new Error("the typed array is gone");
    return context.getArrayBuffer(buffer.value).value.slice();
  };

  const stopped = (stop: Stop, loading: boolean, index: number): EngineRun => {
    const message = stopMessage(stop, limits, session.interrupted, calls.length, loading, index);
    const earlier = stop.kind === "timeout" ? "not run: an earlier case timed out" : `not run: an earlier case ${message.split(";")[0]}`;
    if (loading) {
      const notRun = stop.kind === "timeout" ? `not run: your file did not finish loading within ${limits.timeoutMs} ms` : `not run: your file ${message.split(";")[0]} while loading`;
      return { outcomes: fill(() => ({ kind: "not-run", message: notRun })), loadFailure: outcomeOfStop(stop, message) };
    }
    outcomes[index] = outcomeOfStop(stop, message);
    return { outcomes: fill(() => ({ kind: "not-run", message: earlier })) };
  };

  const loadStart = performance.now();
  const wrapper = context.evalCode(`(function (exports, module) {${code}\n})`, SANDBOX_BUNDLE_NAME, { type: "global" });
  if (wrapper.error) {
    // The bundle compiled with esbuild, so QuickJS refusing it is a syntax esbuild passed through.
    const stop = session.interrupted ? ({ kind: "timeout" } as const) : undefined;
    if (stop) return stopped(stop, true, 0);
    const dumped = context.dump(wrapper.error) as { message?: string; name?: string };
    const outcome: CallOutcome = { kind: "threw", message: `${dumped?.name ?? "SyntaxError"}: ${dumped?.message ?? "the engine cannot parse your file"}`, durationMs: performance.now() - loadStart };
    return { outcomes: fill(() => ({ kind: "not-run", message: "not run: your file threw while loading" })), loadFailure: outcome };
  }
  const loaded = session.callForText(load, wrapper.value);
  if ("stop" in loaded) return stopped(loaded.stop, true, 0);
  if (loaded.text !== "loaded") {
    const outcome = decodeOutcome(loaded.text, "your file", round(performance.now() - loadStart), new RunBudget());
    return { outcomes: fill(() => ({ kind: "not-run", message: "not run: your file threw while loading" })), loadFailure: outcome };
  }

  const budget = new RunBudget();
  for (const [index, c] of calls.entries()) {
    // Yield to the event loop between calls so the process stays responsive to its channel.
    if (index % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
    const callStart = performance.now();
    const ownLimit = callLimitMs(limits, index);
    session.startCall(limits.timeoutMs, ownLimit < limits.timeoutMs ? ownLimit : undefined);
    const args = context.newString(JSON.stringify(c.args));
    const name = context.newString(c.fn);
    const limit = budget.limitForNextCall();
    let answered = session.callForText(call, name, args, context.newNumber(limit.items), context.newNumber(limit.chars));
    if ("text" in answered && answered.text === "pending") {
      let settledText: string | undefined;
      const stop = session.drainJobs(() => {
        const r = session.callForText(settled);
        settledText = "text" in r && r.text !== "" ? r.text : undefined;
        return settledText !== undefined;
      });
      if (stop) answered = { stop };
      else if (settledText === undefined) {
        outcomes[index] = { kind: "timeout", message: "returned a promise that never settles (the sandbox has no timers or I/O, so nothing else can settle it)" };
        continue;
      } else answered = { text: settledText };
    }
    if ("text" in answered && session.overCpuLimit()) answered = { stop: { kind: "timeout" } };
    if ("stop" in answered) return stopped(answered.stop, false, index);
    try {
      outcomes[index] = explained(decodeOutcome(answered.text, c.fn, round(performance.now() - callStart), budget, viewBytes), limits);
    } catch (error) {
      // Copying a typed array out can fail only when the engine has no memory left to answer.
      outcomes[index] = { kind: "crashed", message: `the sandbox could not copy what ${c.fn} returned (${error instanceof Error ? error.message : String(error)})` };
    }
  }
  return { outcomes: fill((i) => ({ kind: "crashed", message: `call ${i} produced no result` })) };
}

/**
 * QuickJS's own words for its limits, which the learner's code can catch, made as clear as the runner's:
 * "InternalError: out of memory" names the limit, "InternalError: stack overflow" says what to look for.
 */
function explained(outcome: CallOutcome, limits: EngineLimits): CallOutcome {
  if (outcome.kind !== "threw") return outcome;
  if (outcome.message === "InternalError: stack overflow") {
    return { ...outcome, message: `${outcome.message}: recursion deeper than the sandbox's stack allows (about 1,000 nested calls); look for a recursion without a base case, or use a loop` };
  }
  if (outcome.message === "InternalError: out of memory") {
    return { ...outcome, message: `${outcome.message}: the run used its ${limits.memoryMb} MB (arrays, typed arrays and strings count); look for an array or string that grows without end` };
  }
  return outcome;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
