/**
 * The runner's warm sandbox process (dist/runner/host.js). Started once by the runner with the current Node
 * (or VS Code's, as Node), kept warm and reused: it holds the initialised esbuild-wasm and starts a fresh
 * Worker, with memory limits and a wall-clock timeout, for every run. It talks to the runner only over the
 * IPC channel; it never receives expected values, and it reads no learner file itself (it asks the runner).
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { SANDBOX_BUNDLE_NAME, type CallOutcome, type FileAnswer, type FromSandboxMessage, type FromWorkerMessage, type RunRequest, type RunResult, type ToSandboxMessage, type WorkerInput } from "../../protocol/runnerIpc";
import { BundleCache } from "./bundleCache";
import { bundle, initialiseBundler, type BundleResult, type FileQuestions } from "./bundler";


/** How long a Worker may take to boot before its run counts as timed out. */
const WORKER_BOOT_ALLOWANCE_MS = 20_000;

function send(message: FromSandboxMessage): void {
  process.send?.(message);
}

let nextQuestion = 1;
const pendingQuestions = new Map<number, (answer: FileAnswer) => void>();

function ask(message: { type: "resolve"; id: number; specifier: string; importer: string } | { type: "load"; id: number; path: string }): Promise<FileAnswer> {
  const question = nextQuestion++;
  return new Promise((resolve) => {
    pendingQuestions.set(question, resolve);
    send({ ...message, question });
  });
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

interface WorkerRun {
  outcomes: CallOutcome[];
  consoleChars: number;
  loadFailure?: CallOutcome;
}

interface BootedWorker {
  worker: Worker;
  memoryMb: number;
  exited: boolean;
}

/**
 * Booted Workers that have never run anything, oldest first, waiting for their run: booting one costs more
 * than most runs, so they are started ahead. Two, not one: when checks come back to back (grading, a test
 * suite), the Worker for the next check then has two checks' time to boot instead of one. Each runs once.
 */
const SPARE_WORKERS = 2;
let spares: BootedWorker[] = [];

function bootWorker(memoryMb: number): BootedWorker {
  const worker = new Worker(path.join(__dirname, "worker.js"), {
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, memoryMb / 4)), stackSizeMb: 4 },
    stdout: true,
    stderr: true,
    env: {},
  });
  worker.stdout.resume();
  worker.stderr.resume();
  const booted = { worker, memoryMb, exited: false };
  worker.once("exit", () => (booted.exited = true));
  worker.unref();
  return booted;
}

/** Boots spares up to SPARE_WORKERS, one per turn of the event loop so a run that is starting goes first. */
function topUpSpares(memoryMb: number): void {
  setImmediate(() => {
    if (spares.length >= SPARE_WORKERS) return;
    spares.push(bootWorker(memoryMb));
    topUpSpares(memoryMb);
  });
}

function takeWorker(memoryMb: number): Worker {
  const usable = spares.filter((s) => !s.exited && s.memoryMb === memoryMb);
  for (const s of spares) if (!usable.includes(s)) void s.worker.terminate();
  const taken = usable.shift() ?? bootWorker(memoryMb);
  spares = usable;
  topUpSpares(memoryMb);
  return taken.worker;
}

/** Runs a bundle in a fresh Worker; resolves with one outcome per call, whatever the learner's code does. */
function runInWorker(code: string, request: RunRequest): Promise<WorkerRun> {
  const outcomes: (CallOutcome | undefined)[] = request.calls.map(() => undefined);
  let consoleChars = 0;
  let loadFailure: CallOutcome | undefined;
  let loaded = false;
  const input: WorkerInput = { code, bundleName: SANDBOX_BUNDLE_NAME, calls: request.calls };
  return new Promise((resolve) => {
    let settled = false;
    const worker = takeWorker(request.memoryMb);
    worker.ref();
    const finish = (fillWith: (index: number) => CallOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve({ outcomes: outcomes.map((o, i) => o ?? fillWith(i)), consoleChars, loadFailure });
    };
    const firstUnfinished = (): number => outcomes.findIndex((o) => o === undefined);
    // Booting a Worker is not the learner's time: the limit starts when it reports "started". Until then a
    // generous allowance covers a machine so loaded that the Worker never boots.
    const onTimeout = (): void => {
      const stuck = firstUnfinished();
      const what = loaded ? "" : " while loading your file (top-level code)";
      if (!loaded) loadFailure = { kind: "timeout", message: `did not finish within ${request.timeoutMs} ms${what}; look for an endless loop` };
      finish((i) =>
        i === stuck && loaded
          ? { kind: "timeout", message: `did not return within ${request.timeoutMs} ms; look for an endless loop or a promise that never settles` }
          : { kind: "not-run", message: loaded ? "not run: an earlier case timed out" : `not run: your file did not finish loading within ${request.timeoutMs} ms` },
      );
    };
    let timer = setTimeout(onTimeout, request.timeoutMs + WORKER_BOOT_ALLOWANCE_MS);
    worker.on("message", (m: FromWorkerMessage) => {
      if (m.type === "started") {
        clearTimeout(timer);
        timer = setTimeout(onTimeout, request.timeoutMs);
        return;
      }
      consoleChars = m.consoleChars;
      // Each call (and loading the file) gets the full limit, so many slow-but-finite cases do not add up to a timeout.
      if (!settled && (m.type === "loaded" || m.type === "outcome")) {
        clearTimeout(timer);
        timer = setTimeout(onTimeout, request.timeoutMs);
      }
      if (m.type === "loaded") loaded = true;
      else if (m.type === "loadFailed") {
        loadFailure = m.outcome;
        finish(() => ({ kind: "not-run", message: "not run: your file threw while loading" }));
      } else if (m.type === "outcome") outcomes[m.index] = m.outcome;
      else if (m.type === "done") finish((i) => ({ kind: "crashed", message: `call ${i} produced no result` }));
    });
    worker.on("error", (error: Error & { code?: string }) => {
      const stuck = firstUnfinished();
      const message =
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `ran out of memory (limit ${request.memoryMb} MB); look for an array or string that grows without end`
          : `stopped the sandbox: ${error.message}`;
      if (!loaded) loadFailure = { kind: "crashed", message };
      finish((i) => (i === stuck && loaded ? { kind: "crashed", message } : { kind: "not-run", message: `not run: an earlier case ${message.split(";")[0]}` }));
    });
    worker.postMessage(input);
    worker.on("exit", (exitCode) => {
      const stuck = firstUnfinished();
      const message = `the sandbox stopped (exit code ${exitCode}) before returning`;
      if (!loaded && !settled) loadFailure = { kind: "crashed", message };
      finish((i) => (i === stuck ? { kind: "crashed", message } : { kind: "not-run", message: "not run: the sandbox stopped" }));
    });
  });
}

const bundleCache = new BundleCache();

/** Compiles the run's entry, or takes its bundle from the cache when this exact file was compiled before. */
async function compile(request: RunRequest): Promise<BundleResult> {
  const questions = questionsFor(request.id);
  const entryText = await questions.load(request.entry);
  // An unreadable entry is reported by the build itself, with esbuild's wording and position.
  if (!entryText.ok) return bundle(request.entry, questions);
  const key = BundleCache.keyOf(request.entry, entryText.contents);
  const cached = bundleCache.get(key);
  if (cached) return cached;
  const bundled = await bundle(request.entry, {
    resolve: questions.resolve,
    load: (file) => (file === request.entry ? Promise.resolve(entryText) : questions.load(file)),
  });
  bundleCache.offer(key, bundled);
  return bundled;
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
    consoleChars: 0,
  };
  if (bundled.code !== undefined && bundled.errors.length === 0 && !request.compileOnly) {
    const runStart = performance.now();
    const run = await runInWorker(bundled.code, request);
    result.runMs = performance.now() - runStart;
    result.outcomes = run.outcomes;
    result.consoleChars = run.consoleChars;
    result.loadFailure = run.loadFailure;
  }
  send(result);
}

process.on("message", (message: ToSandboxMessage) => {
  if (message.type === "fileAnswer") {
    const answer = pendingQuestions.get(message.question);
    pendingQuestions.delete(message.question);
    answer?.(message);
  } else if (message.type === "run") {
    handleRun(message).catch((error: unknown) => send({ type: "fatal", message: `run ${message.id} failed in the sandbox: ${String(error)}` }));
  } else if (message.type === "shutdown") {
    process.exit(0);
  }
});
process.on("disconnect", () => process.exit(0));

/** The memory limit the runner will ask for (passed as --memory-mb=N), so the first Worker can boot early. */
const expectedMemoryMb = Number(process.argv.find((a) => a.startsWith("--memory-mb="))?.split("=")[1]) || 256;

/**
 * esbuild-wasm's first build is several times slower than the next ones (its WebAssembly warms up), so one
 * small build runs while the sandbox is idle after starting. Not when a check is already waiting: the wasm
 * runs on this thread, so a warm-up build would only delay that check's build, which warms esbuild up itself
 * (measured: the first check after start paid for both builds, ≈ 0.3–0.5 s more).
 */
const WARM_UP_DELAY_MS = 150;

async function warmUp(): Promise<void> {
  topUpSpares(expectedMemoryMb);
  await new Promise((resolve) => setTimeout(resolve, WARM_UP_DELAY_MS));
  if (runsReceived > 0) return;
  const source = 'import { half } from "./helper";\nexport function f(x: number): number { return x / 2 + half; }\n';
  await bundle("/warm-up/solution.ts", {
    resolve: async (specifier, importer) => ({ ok: true, path: path.join(path.dirname(importer), `${specifier}.ts`) }),
    load: async (file) => ({ ok: true, contents: file.endsWith("helper.ts") ? "export const half: number = 0.5;" : source }),
  });
}

initialiseBundler()
  .then((esbuildInitMs) => {
    send({ type: "ready", esbuildInitMs, permission: "permission" in process });
    warmUp().catch(() => undefined);
  })
  .catch((error: unknown) => {
    send({ type: "fatal", message: `could not start esbuild-wasm in the sandbox: ${String(error)}` });
    process.exit(1);
  });
