/**
 * The runner's side of the warm sandbox process: starts `host.js` with the configured Node (in VS Code,
 * `process.execPath` with ELECTRON_RUN_AS_NODE=1), keeps it, sends it runs, answers its questions about
 * files, and restarts it if it dies. Every message from it is checked before it is believed (channel.ts).
 * Node's permission model is switched on where the Node supports it, as a seat belt: the process may read
 * only its own folder, nothing else. Under VS Code (Electron) there is no permission model; the wall there is
 * QuickJS itself, which gives the code it runs no host objects at all.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { FileAnswer, FromSandboxMessage, RunRequest, RunResult, SandboxCall } from "../protocol/runnerIpc";
import { checkSandboxMessage } from "./channel";
import { PendingReplies } from "./pendingReplies";
import { wholeRunLimitMs } from "./limits";

export interface SandboxFiles {
  resolve(specifier: string, importer: string): Promise<FileAnswerBody>;
  load(file: string): Promise<FileAnswerBody>;
}
export type FileAnswerBody = { ok: true; path: string; contents?: string } | { ok: false; message: string };

export interface SandboxProcessOptions {
  execPath: string;
  env: NodeJS.ProcessEnv;
  hostScript: string;
  log: (line: string) => void;
  /** Switch Node's permission model on where this Node has it (see RunnerOptions.nodePermissions). */
  nodePermissions: boolean;
  /** The process serves one command and exits with it: it warms nothing up (see host.ts). */
  oneShot?: boolean;
}

/** The flags that switch Node's permission model on, or none where this Node lacks it. */
export function permissionFlags(execPath: string, runnerDir: string): string[] {
  // Only the Node running this code can be asked which flags it knows; another executable gets none.
  if (path.resolve(execPath) !== path.resolve(process.execPath)) return [];
  const known = process.allowedNodeEnvironmentFlags;
  const flag = known.has("--permission") ? "--permission" : known.has("--experimental-permission") ? "--experimental-permission" : undefined;
  if (!flag || process.versions.electron) return [];
  // Node 20's experimental flag takes a wildcard for "everything below"; --permission (22+) takes the folder.
  const readable = flag === "--permission" ? runnerDir : path.join(runnerDir, "*");
  return [flag, `--allow-fs-read=${readable}`];
}

/** The sandbox could not be started at all (missing build, wrong executable): a set-up problem, not a verdict. */
export class SandboxStartError extends Error {
  override name = "SandboxStartError";
}

/**
 * The run did not get a believable answer: the sandbox process stopped, stopped answering (the backstop
 * killed it), or sent a message that failed the channel's checks. `why` says which, in words.
 */
export class SandboxRunError extends Error {
  override name = "SandboxRunError";
}

/**
 * How long compiling may take before the backstop counts the sandbox as stuck: esbuild-wasm's first build on
 * a loaded machine takes seconds, not minutes.
 */
const COMPILE_ALLOWANCE_MS = 30_000;

/** What the runner keeps of a run while it waits for its result: the files it may be asked about, and its call count. */
interface RunContext {
  files: SandboxFiles;
  calls: number;
}

export class SandboxProcess {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private readonly runs = new PendingReplies<RunResult, RunContext>();
  private stderrTail = "";
  private readonly disposedChildren = new WeakSet<ChildProcess>();
  /** Why a process was killed by the runner: a refused message, or the backstop. */
  private readonly refusedChildren = new WeakMap<ChildProcess, string>();
  private readonly backstopped = new WeakMap<ChildProcess, string>();
  private disposed = false;
  /** How long esbuild-wasm took to initialise in the current process, and whether permissions are on. */
  startInfo: { esbuildInitMs: number; engineInitMs: number; permission: boolean; startMs: number } | undefined;

  constructor(private readonly options: SandboxProcessOptions) {}

  /** Starts the process if it is not running; resolves once esbuild-wasm is initialised in it. */
  start(): Promise<void> {
    if (this.disposed) return Promise.reject(new SandboxStartError("the runner was disposed"));
    if (this.ready) return this.ready;
    const started = performance.now();
    const flags = this.options.nodePermissions ? permissionFlags(this.options.execPath, path.dirname(this.options.hostScript)) : [];
    const child = spawn(this.options.execPath, [...flags, this.options.hostScript, ...(this.options.oneShot ? ["--one-shot"] : [])], {
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced",
      env: this.options.env,
      windowsHide: true,
    });
    this.child = child;
    this.stderrTail = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-4000);
    });
    this.ready = new Promise<void>((resolve, reject) => {
      child.on("message", (raw: unknown) => {
        if (this.child !== child) return;
        const checked = checkSandboxMessage(raw, (id) => this.runs.contextOf(id)?.calls);
        if (!checked.ok) return this.refuse(child, checked.why);
        const message = checked.message;
        if (message.type === "ready") {
          this.startInfo = { esbuildInitMs: message.esbuildInitMs, engineInitMs: message.engineInitMs, permission: message.permission, startMs: performance.now() - started };
          this.options.log(`sandbox process ${child.pid} ready in ${Math.round(this.startInfo.startMs)} ms (esbuild-wasm ${message.esbuildInitMs > 0 ? `${Math.round(message.esbuildInitMs)} ms` : "starts on the first build"}, QuickJS ${Math.round(message.engineInitMs)} ms, permission model ${message.permission ? "on" : "off"})`);
          resolve();
        } else this.onMessage(message);
      });
      child.on("error", (error) => reject(new Error(`could not start the sandbox process (${this.options.execPath}): ${error.message}`)));
      child.on("exit", (code, signal) => {
        const lines = this.stderrTail.trim().split("\n");
        // Node prints the error's name and message on one line among its stack and version lines.
        const telling = lines.find((l) => /^\w*Error\b|^FATAL|^Error:/.test(l.trim())) ?? lines.slice(-3).join(" ");
        const why = `the sandbox process exited (${signal ?? `code ${code}`})${this.stderrTail ? `: ${telling.trim()}` : ""}`;
        this.options.log(why);
        reject(new Error(why));
        if (this.child === child) {
          this.child = undefined;
          this.ready = undefined;
        }
        const disposed = this.disposedChildren.has(child);
        const refused = this.refusedChildren.get(child);
        this.runs.rejectAll(() => (disposed ? new SandboxStartError("the runner was disposed while a check was running") : new SandboxRunError(refused ?? this.backstopped.get(child) ?? why)));
      });
    });
    return this.ready;
  }

  /**
   * A message failed the channel's checks: the process is no longer believed. It is killed; the run it was
   * doing fails with the reason (see the exit handler), and the next run starts a fresh process.
   */
  private refuse(child: ChildProcess, why: string): void {
    const reason = `the sandbox sent a message the runner does not accept (${why}), so this run's results are not believed`;
    this.options.log(reason);
    if (!this.refusedChildren.has(child)) this.refusedChildren.set(child, reason);
    child.kill("SIGKILL");
  }

  private onMessage(message: FromSandboxMessage): void {
    if (message.type === "runResult") {
      this.runs.resolve(message.id, message);
    } else if (message.type === "resolve" || message.type === "load") {
      const run = this.runs.contextOf(message.id);
      const question = message.question;
      const answer = (body: FileAnswerBody): void => {
        const reply: FileAnswer = body.ok
          ? { type: "fileAnswer", id: message.id, question, ok: true, path: body.path, contents: body.contents }
          : { type: "fileAnswer", id: message.id, question, ok: false, message: body.message };
        this.child?.send(reply);
      };
      if (!run) return answer({ ok: false, message: "this run was cancelled" });
      const asked = message.type === "resolve" ? run.files.resolve(message.specifier, message.importer) : run.files.load(message.path);
      asked.then(answer, (error: unknown) => answer({ ok: false, message: String(error) }));
    } else if (message.type === "fatal") {
      this.options.log(`sandbox: ${message.message}`);
      if (message.id !== undefined) this.runs.reject(message.id, new SandboxRunError(`the sandbox failed: ${message.message}`));
    }
  }

  /** Compiles `entry` and calls the given exports in a fresh QuickJS runtime; never sees expected values. */
  async run(entry: string, calls: SandboxCall[], limits: { timeoutMs: number; memoryMb: number; callTimeoutsMs?: number[] }, files: SandboxFiles, given: Pick<RunRequest, "bundle" | "entryText"> = {}): Promise<RunResult> {
    try {
      await this.start();
    } catch (error) {
      if (error instanceof SandboxStartError) throw error;
      throw new SandboxStartError(`could not start the runner's sandbox: ${error instanceof Error ? error.message : String(error)}`);
    }
    const child = this.child;
    if (!child) throw new Error("the sandbox process is not running");
    const { id, reply } = this.runs.open({ files, calls: calls.length });
    const request: RunRequest = { type: "run", id, entry, calls, timeoutMs: limits.timeoutMs, memoryMb: limits.memoryMb, ...given, ...(limits.callTimeoutsMs ? { callTimeoutsMs: limits.callTimeoutsMs } : {}) };
    // A backstop for a sandbox that stops answering: QuickJS's interrupt handler stops each call at its
    // limit and the whole run at its limit, so this fires only when the process itself is stuck.
    const runLimitMs = wholeRunLimitMs(limits.timeoutMs, calls.length);
    // Clamped: a timer past 2^31 − 1 ms fires at once.
    const backstopMs = Math.min(COMPILE_ALLOWANCE_MS + runLimitMs * 1.5, 2 ** 31 - 1);
    const backstop = setTimeout(() => {
      const why = `the sandbox did not answer within ${Math.round(backstopMs / 1000)} s (the run's own limit is ${runLimitMs} ms, ${limits.timeoutMs} ms per call for ${calls.length} calls), so it was stopped`;
      this.options.log(`run ${id}: ${why}`);
      this.backstopped.set(child, why);
      child.kill("SIGKILL");
    }, backstopMs);
    try {
      child.send(request);
    } catch (error) {
      this.runs.reject(id, new SandboxRunError(`could not send the run to the sandbox: ${error instanceof Error ? error.message : String(error)}`));
    }
    try {
      return await reply;
    } finally {
      clearTimeout(backstop);
    }
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const child = this.child;
    this.child = undefined;
    this.ready = undefined;
    if (!child || child.exitCode !== null) return;
    this.disposedChildren.add(child);
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill();
    });
  }
}
