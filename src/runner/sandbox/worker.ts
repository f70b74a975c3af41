/**
 * The per-run Worker: evaluates one compiled bundle inside a fresh `vm` context that holds only the
 * JavaScript built-ins and a console that prints nowhere, then calls the requested exports one by one and
 * posts each raw result as soon as it has it (so a timeout still reports the calls that finished).
 *
 * The context is not the security boundary (the separate process and this Worker's termination are), but it
 * keeps `process`, `require`, `fetch`, timers and the message port out of the learner's reach, so learner code
 * cannot forge a result message, exit the process or read files through Node.
 */
import { parentPort } from "node:worker_threads";
import vm from "node:vm";
import type { CallOutcome, FromWorkerMessage, WorkerInput } from "../../protocol/runnerIpc";
import { normaliseReturnedValue, describeThrown } from "./normaliseValue";

const port = parentPort;
if (!port) throw new Error("worker.js: must be started as a worker thread by the runner's sandbox process");
const post = (message: FromWorkerMessage): void => port.postMessage(message);

const context = vm.createContext(Object.create(null), { name: "learner solution" });
/** Counts what the learner prints without keeping it: 100 MB of console output costs nothing but time. */
const consoleChars = vm.runInContext(
  `(() => {
    let chars = 0;
    const count = (...args) => { for (const a of args) chars += typeof a === "string" ? a.length : 8; };
    globalThis.console = { log: count, info: count, warn: count, error: count, debug: count, trace: count, dir: count, table: count };
    return () => chars;
  })()`,
  context,
) as () => number;
const parseInContext = vm.runInContext("(text) => JSON.parse(text)", context) as (text: string) => unknown;

/**
 * The context's global names (built-ins, `console`, `undefined`, `NaN`, `Infinity`) that the learner's code
 * sees as parameters of an outer function instead of as globals. Why: a `vm` context's global object sits
 * behind V8 interceptors, so every global lookup from inside it (`Math`, `Float32Array`, even `undefined`)
 * takes a slow path that V8 cannot cache; a naive loop calling `Math.round` ran about 40× slower than the same
 * loop in an ordinary context. A closure variable is an ordinary fast load. The values are the context's own
 * objects, so patching `Math.abs` patches the same `Math` as before; `eval` stays a global so that a direct
 * `eval` keeps its meaning. `process`, `require`, timers and `fetch` are not on this global, so they stay absent.
 */
const aliasedGlobals = (vm.runInContext("Object.getOwnPropertyNames(globalThis)", context) as string[]).filter(
  (name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== "eval" && name !== "arguments",
);

function elapsedSince(start: number): number {
  return Math.round((performance.now() - start) * 1000) / 1000;
}

async function main(input: WorkerInput): Promise<void> {
  const moduleObject = parseInContext('{"exports":{}}') as { exports: Record<string, unknown> };
  post({ type: "started" });
  const start = performance.now();
  try {
    // The newline after the wrapper's opening is compensated by lineOffset, so stack lines match the source map.
    // The learner's module is an inner function, so its own top-level `const Math` shadows the alias instead of
    // clashing with it.
    const names = aliasedGlobals.join(", ");
    const script = new vm.Script(`(function (${names}) { return function (exports, module) {\n${input.code}\n}; })(${aliasedGlobals.map((n) => `globalThis.${n}`).join(", ")})`, {
      filename: input.bundleName,
      lineOffset: -1,
    });
    const load = script.runInContext(context) as (exports: unknown, module: unknown) => void;
    load(moduleObject.exports, moduleObject);
  } catch (thrown) {
    const outcome: CallOutcome = { kind: "threw", ...describeThrown(thrown), durationMs: elapsedSince(start) };
    post({ type: "loadFailed", outcome, consoleChars: consoleChars() });
    return;
  }
  post({ type: "loaded", consoleChars: consoleChars() });

  for (const [index, call] of input.calls.entries()) {
    const callStart = performance.now();
    let outcome: CallOutcome;
    try {
      const fn = moduleObject.exports[call.fn];
      if (typeof fn !== "function") {
        outcome = {
          kind: "invalid",
          message: `your file does not export a function named \`${call.fn}\`; add \`export function ${call.fn}(...)\``,
          durationMs: 0,
        };
      } else {
        const args = parseInContext(JSON.stringify(call.args)) as unknown[];
        let value = (fn as (...a: unknown[]) => unknown)(...args);
        if (value !== null && typeof value === "object" && typeof (value as { then?: unknown }).then === "function") {
          value = await (value as Promise<unknown>);
        }
        const normalised = normaliseReturnedValue(value);
        outcome = normalised.ok
          ? { kind: "returned", value: normalised.value, durationMs: elapsedSince(callStart) }
          : { kind: "invalid", message: normalised.message, durationMs: elapsedSince(callStart) };
      }
    } catch (thrown) {
      outcome = { kind: "threw", ...describeThrown(thrown), durationMs: elapsedSince(callStart) };
    }
    post({ type: "outcome", index, outcome, consoleChars: consoleChars() });
  }
  post({ type: "done", consoleChars: consoleChars() });
}

// The Worker is started ahead of time (booting one costs more than most runs); its run arrives as the first
// message. Context and console above are ready by then.
port.once("message", (input: WorkerInput) => void main(input));
