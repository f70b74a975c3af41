/**
 * The runner's warm sandbox process (dist/runner/host.js). Started once by the runner with the current Node
 * (or VS Code's, as Node), kept warm and reused: it holds the initialised esbuild-wasm and the compiled QuickJS
 * WebAssembly, and evaluates every run's bundle in a fresh QuickJS runtime with a memory limit and an
 * interrupt handler (quickjsEngine.ts). It is the outer wall: the runner kills it when it stops answering.
 * It talks to the runner only over the IPC channel; it never receives expected values, and it reads no
 * learner file itself (it asks the runner).
 */
import path from "node:path";
import v8 from "node:v8";
import type { FileAnswer, FromSandboxMessage, RunRequest, RunResult, ToSandboxMessage } from "../../protocol/runnerIpc";
import { PendingReplies } from "../pendingReplies";
import { BundleCache } from "./bundleCache";
import { bundle, initialiseBundler, transformAlone, type BundleResult, type FileQuestions } from "./bundler";
import { loadEngine, prepareNextRuntime, runBundle } from "./quickjsEngine";

function send(message: FromSandboxMessage): void {
  process.send?.(message);
}

/** Questions about files this process asked the runner, by question number, until the runner's `fileAnswer`. */
const openQuestions = new PendingReplies<FileAnswer>();

function ask(message: { type: "resolve"; id: number; specifier: string; importer: string } | { type: "load"; id: number; path: string }): Promise<FileAnswer> {
  const { id: question, reply } = openQuestions.open(undefined);
  send({ ...message, question });
  return reply;
}

function questionsFor(runId: number): FileQuestions {
  return {
    async resolve(specifier, importer) {
      const a = await ask({ type: "resolve", id: runId, specifier, importer });
      return a.ok ? { ok: true, path: a.path } : { ok: false, message: a.message };
    },
    async load(file) {
      const a = await ask({ type: "load", id: runId, path: file });
      return a.ok ? { ok: true, contents: a.contents ?? "" } : { ok: false, message: a.message };
    },
  };
}

const bundleCache = new BundleCache();

/**
 * Compiles the run's entry, or takes its bundle from the request (the runner's store) or from this process's
 * cache when this exact file was compiled before. `fresh` is true only for a build made by this run.
 */
async function compile(request: RunRequest): Promise<BundleResult & { fresh?: boolean }> {
  if (request.bundle) return { code: request.bundle.code, sourceMap: request.bundle.sourceMap, errors: [], warnings: [], singleFile: true };
  const questions = questionsFor(request.id);
  const entryText = request.entryText !== undefined ? ({ ok: true, contents: request.entryText } as const) : await questions.load(request.entry);
  // An unreadable entry is reported by the build itself, with esbuild's wording and position.
  if (!entryText.ok) return bundle(request.entry, questions);
  const key = BundleCache.keyOf(request.entry, entryText.contents);
  const cached = bundleCache.get(key);
  if (cached) return cached;
  // A file that imports nothing is transformed, in a third of a build's time (bundler.ts); the rest is built.
  const bundled =
    (await transformAlone(request.entry, entryText.contents)) ??
    (await bundle(request.entry, {
      resolve: questions.resolve,
      load: (file) => (file === request.entry ? Promise.resolve(entryText) : questions.load(file)),
    }));
  bundleCache.offer(key, bundled);
  return { ...bundled, fresh: true };
}

/** Whether any run has arrived yet; once one has, the learner's own first build warms esbuild up instead. */
let runsReceived = 0;

async function handleRun(request: RunRequest): Promise<void> {
  runsReceived++;
  const compileStart = performance.now();
  const bundled = await compile(request);
  const compileMs = performance.now() - compileStart;
  const result: RunResult = {
    type: "runResult",
    id: request.id,
    compileMs,
    runMs: 0,
    errors: bundled.errors,
    warnings: bundled.warnings,
    sourceMap: bundled.sourceMap,
  };
  if (bundled.fresh && BundleCache.keeps(bundled)) result.bundleCode = bundled.code;
  if (bundled.code !== undefined && bundled.errors.length === 0) {
    const runStart = performance.now();
    const run = await runBundle(bundled.code, request.calls, { timeoutMs: request.timeoutMs, memoryMb: request.memoryMb, callTimeoutsMs: request.callTimeoutsMs });
    result.runMs = performance.now() - runStart;
    result.outcomes = run.outcomes;
    result.loadFailure = run.loadFailure;
  }
  send(result);
  // A warm sandbox makes the next run's fresh runtime while it waits for that run (quickjsEngine.ts).
  if (!oneShot) setImmediate(() => prepareNextRuntime(request.memoryMb));
}

process.on("message", (message: ToSandboxMessage) => {
  if (message.type === "fileAnswer") {
    openQuestions.resolve(message.question, message);
  } else if (message.type === "run") {
    handleRun(message).catch((error: unknown) => send({ type: "fatal", id: message.id, message: `run ${message.id} failed in the sandbox: ${String(error).slice(0, 2000)}` }));
  }
});
process.on("disconnect", () => process.exit(0));

/**
 * esbuild-wasm's first build is several times slower than the next ones (its WebAssembly warms up), so one
 * small build (and one small QuickJS run) runs while the sandbox is idle after starting. Not when a check is already waiting: the wasm
 * runs on this thread, so a warm-up build would only delay that check's build, which warms esbuild up itself
 * (measured: the first check after start paid for both builds, ≈ 0.3–0.5 s more).
 */
const WARM_UP_DELAY_MS = 150;

async function warmUp(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, WARM_UP_DELAY_MS));
  if (runsReceived > 0) return;
  await initialiseBundler();
  if (runsReceived > 0) return;
  const source = 'import { half } from "./helper";\nexport function f(x: number): number { return x / 2 + half; }\n';
  await bundle("/warm-up/solution.ts", {
    resolve: async (specifier, importer) => ({ ok: true, path: path.join(path.dirname(importer), `${specifier}.ts`) }),
    load: async (file) => ({ ok: true, contents: file.endsWith("helper.ts") ? "export const half: number = 0.5;" : source }),
  });
  // QuickJS's first run pays for V8 compiling its WebAssembly lazily (about 100 ms): paid here instead.
  if (runsReceived > 0) return;
  await runBundle("exports.f = function (x) { return [x / 2, new Float32Array([x])]; };", [{ fn: "f", args: [1] }], { timeoutMs: 1000, memoryMb: 16 });
}

/** `--one-shot`: the process serves one command (a CLI `check`) and will not idle, so nothing is warmed up. */
const oneShot = process.argv.includes("--one-shot");

// Liftoff only, for QuickJS's module as for esbuild's (why: bundler.ts): V8 optimising a module in the
// background costs more CPU than a check of a few hundred calls gains. Set before either module is compiled.
v8.setFlagsFromString("--liftoff-only");
// Each function of a module is validated when it is first compiled instead of all of them up front: both
// modules are ours, shipped next to this file, and most of their functions never run in a check. Measured:
// compiling esbuild's module 40 → 10 ms of CPU, QuickJS's 3.7 → 1.4 ms.
v8.setFlagsFromString("--wasm-lazy-validation");
// esbuild-wasm is not started here: the first build that is needed starts it (bundler.ts), so a run whose
// bundle the runner already has never pays for it.
loadEngine()
  .then((engineInitMs) => {
    send({ type: "ready", esbuildInitMs: 0, engineInitMs, permission: "permission" in process });
    if (!oneShot) warmUp().catch(() => undefined);
  })
  .catch((error: unknown) => {
    send({ type: "fatal", message: `could not start esbuild-wasm or QuickJS in the sandbox: ${String(error)}` });
    process.exit(1);
  });
