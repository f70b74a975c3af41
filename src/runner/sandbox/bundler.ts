/**
 * Compiles a learner's file (and its relative imports) into one CommonJS bundle with esbuild-wasm, inside the
 * sandbox process.
 *
 * Why esbuild-wasm: the native esbuild binary is per platform, so shipping it would mean one .vsix per
 * platform; the WebAssembly build is one universal file (about 12 MB) that runs wherever VS Code's Node does.
 * Measured on the 2-core development machine: compiling the module ≈ 60 ms, `initialize` ≈ 200 ms, the first
 * build ≈ 750 ms (the WebAssembly code warming up), later builds ≈ 30–70 ms. The first two are paid once per
 * warm sandbox process, which is why the process is kept and reused.
 *
 * Why Liftoff only: V8 re-compiles hot WebAssembly with its optimising compiler in the background; for
 * esbuild's 14 MB module that costs more CPU than it saves on builds of a few small files. Measured on the
 * loaded 2-core machine, side by side: first build 0.6 s instead of 1.6–3.7 s, later builds 30–150 ms
 * instead of 80–190 ms. The flag only affects this sandbox process.
 *
 * Why the browser flavour of esbuild-wasm: its Node flavour runs the WebAssembly by spawning `node` from the
 * PATH, which does not exist inside VS Code. The browser flavour runs it in this process and has no file
 * system, so every file is resolved and read by the runner (outside the sandbox) through `FileQuestions`;
 * that also keeps this process free of file-system access.
 */
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import type * as esbuildApi from "esbuild-wasm";
import type { CompileMessage } from "../../protocol/runnerIpc";
import { BUNDLE_OPTIONS } from "./bundleOptions";

export interface FileQuestions {
  resolve(specifier: string, importer: string): Promise<{ ok: true; path: string } | { ok: false; message: string }>;
  load(file: string): Promise<{ ok: true; contents: string } | { ok: false; message: string }>;
}

export interface BundleResult {
  code?: string;
  sourceMap?: string;
  errors: CompileMessage[];
  warnings: CompileMessage[];
  /** Whether the build read the entry file alone (it imports nothing), so its text alone determines the bundle. */
  singleFile: boolean;
}

/** esbuild's browser build looks for `self`; in Node the global object plays that role. */
function loadEsbuild(): typeof esbuildApi {
  (globalThis as { self?: unknown }).self ??= globalThis;
  const shipped = path.join(__dirname, "esbuild-browser.js");
  // Required by computed path at run time: the build copies esbuild-wasm's browser.js next to this bundle.
  const file = fs.existsSync(shipped) ? shipped : require.resolve("esbuild-wasm/lib/browser.js");
  return require(file) as typeof esbuildApi;
}


function wasmPath(): string {
  const shipped = path.join(__dirname, "esbuild.wasm");
  return fs.existsSync(shipped) ? shipped : path.join(path.dirname(require.resolve("esbuild-wasm/package.json")), "esbuild.wasm");
}

let esbuild: typeof esbuildApi | undefined;
let initialising: Promise<number> | undefined;

/**
 * Loads and initialises esbuild-wasm once per process; resolves to how long that took. Called on the first
 * build that is needed, not at start: a run whose bundle the runner already has (its bundle store) never
 * pays for esbuild-wasm (≈ 0.2–0.3 s of CPU).
 */
export function initialiseBundler(): Promise<number> {
  initialising ??= (async () => {
    const start = performance.now();
    const loaded = loadEsbuild();
    // Must be set before the module is compiled; an unknown flag (another V8) is ignored.
    v8.setFlagsFromString("--liftoff-only");
    const wasmModule = new WebAssembly.Module(fs.readFileSync(wasmPath()));
    await loaded.initialize({ wasmModule, worker: false });
    esbuild = loaded;
    return performance.now() - start;
  })();
  return initialising;
}

const NODE_MODULE_HINT = "exercises run without Node modules";

/** `file`: where the message is, when esbuild names it only by the name it was given (a transform). */
function toCompileMessage(m: esbuildApi.Message, severity: "error" | "warning", file?: string): CompileMessage {
  const loc = m.location;
  return {
    text: m.text,
    severity,
    file: loc && file !== undefined ? file : loc?.file,
    line: loc?.line,
    columnBytes: loc?.column,
    lengthBytes: loc?.length,
    lineText: loc?.lineText,
  };
}

const LOADERS: Record<string, esbuildApi.Loader> = { ".ts": "ts", ".mts": "ts", ".cts": "ts", ".tsx": "tsx", ".js": "js", ".mjs": "js", ".cjs": "js", ".json": "json" };

/**
 * Words in a file's text after which it may reach past itself, or draw a warning only a build gives: a
 * `require` (of another file, or handed around), or a direct `eval`.
 */
const MAY_REACH_OTHER_FILES = /\b(?:require|eval)\b/;
/** In the transform's output: a static import became a `require`; a dynamic `import(…)` stays as written. */
const REACHES_ANOTHER_FILE = /\brequire\b|\bimport\s*\(/;

/**
 * A file that imports nothing, compiled with esbuild's `transform` instead of a build: about a third of a
 * build's time (measured in this process with Liftoff only: 5 against 15 ms for a 60-line solution), which is
 * most of a warm check's compile. The result is what a build gives in every way a check sees: the same errors
 * and warnings at the same positions (a build names the file relative to "/", which diagnostics.ts resolves to
 * the same path), a CommonJS bundle with the same exports, and a source map whose `sources` name the file
 * relative to its folder, as a build's do. Only a build can tell about other files, so this answers undefined
 * (build instead) when the text may reach one (`require`, `eval`; a build also warns about direct eval) or
 * when the output does (a static import or re-export becomes a `require`, a dynamic `import()` stays). A file
 * that fails to parse reaches no other file in a build either, so its errors are the same.
 */
export async function transformAlone(entry: string, text: string): Promise<BundleResult | undefined> {
  if (MAY_REACH_OTHER_FILES.test(text)) return undefined;
  await initialiseBundler();
  if (!esbuild) throw new Error("transformAlone: esbuild-wasm did not initialise");
  const options: esbuildApi.TransformOptions = {
    format: BUNDLE_OPTIONS.format,
    platform: BUNDLE_OPTIONS.platform,
    target: BUNDLE_OPTIONS.target,
    sourcemap: BUNDLE_OPTIONS.sourcemap,
    sourcesContent: BUNDLE_OPTIONS.sourcesContent,
    loader: LOADERS[path.extname(entry).toLowerCase()] ?? "ts",
    sourcefile: path.basename(entry),
    logLevel: "silent",
  };
  try {
    const result = await esbuild.transform(text, options);
    if (REACHES_ANOTHER_FILE.test(result.code)) return undefined;
    return { code: result.code, sourceMap: result.map, errors: [], warnings: result.warnings.map((w) => toCompileMessage(w, "warning", entry)), singleFile: true };
  } catch (failure) {
    const f = failure as { errors?: esbuildApi.Message[]; warnings?: esbuildApi.Message[] };
    // Anything but a list of errors (the compiler itself failing) is left to the build, which reports it.
    if (!Array.isArray(f.errors)) return undefined;
    return { errors: f.errors.map((e) => toCompileMessage(e, "error", entry)), warnings: (f.warnings ?? []).map((w) => toCompileMessage(w, "warning", entry)), singleFile: true };
  }
}

export async function bundle(entry: string, questions: FileQuestions): Promise<BundleResult> {
  await initialiseBundler();
  if (!esbuild) throw new Error("bundle: esbuild-wasm did not initialise");
  let singleFile = true;
  const plugin: esbuildApi.Plugin = {
    name: "learner-files",
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === "entry-point") return { path: args.path, namespace: "file" };
        singleFile = false;
        const spec = args.path;
        if (!spec.startsWith("./") && !spec.startsWith("../")) {
          const name = spec.replace(/^node:/, "");
          return { errors: [{ text: `${NODE_MODULE_HINT}; remove \`${name}\` (only relative imports of your own files work)` }] };
        }
        const answer = await questions.resolve(spec, args.importer);
        return answer.ok ? { path: answer.path, namespace: "file" } : { errors: [{ text: answer.message }] };
      });
      build.onLoad({ filter: /.*/, namespace: "file" }, async (args) => {
        const answer = await questions.load(args.path);
        if (!answer.ok) return { errors: [{ text: answer.message }] };
        return { contents: answer.contents, loader: LOADERS[path.extname(args.path).toLowerCase()] ?? "ts" };
      });
    },
  };
  try {
    const result = await esbuild.build({
      ...BUNDLE_OPTIONS,
      entryPoints: [entry],
      outfile: path.join(path.dirname(entry), "__compression_tutor_bundle__.js"),
      logLevel: "silent",
      plugins: [plugin],
    });
    const code = result.outputFiles.find((f) => f.path.endsWith(".js"))?.text;
    const sourceMap = result.outputFiles.find((f) => f.path.endsWith(".map"))?.text;
    return { code, sourceMap, errors: [], warnings: result.warnings.map((w) => toCompileMessage(w, "warning")), singleFile };
  } catch (failure) {
    const f = failure as { errors?: esbuildApi.Message[]; warnings?: esbuildApi.Message[]; message?: string };
    if (!Array.isArray(f.errors)) return { errors: [{ text: `the compiler failed: ${String(f.message ?? failure)}`, severity: "error" }], warnings: [], singleFile };
    return { errors: f.errors.map((e) => toCompileMessage(e, "error")), warnings: (f.warnings ?? []).map((w) => toCompileMessage(w, "warning")), singleFile };
  }
}
