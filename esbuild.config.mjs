// One build script, an entry per runtime. `node esbuild.config.mjs` builds for development (source maps),
// `--production` minifies for packaging, `--watch` rebuilds on change.
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildKernels } from "./scripts/build-kernels.mjs";
import { buildSchemaValidators } from "./scripts/build-schema-validators.mjs";

const esbuildWasmVersion = JSON.parse(fs.readFileSync(fileURLToPath(import.meta.resolve("esbuild-wasm/package.json")), "utf8")).version;
const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : "linked",
  logLevel: "info",
  legalComments: production ? "linked" : "inline",
  metafile: true,
};

/** Node-side bundles: the extension (vscode is provided by the host), the runner's sandbox process, the CLI. */
const nodeTargets = [
  // The extension is a small launcher (package.json's main) that loads its bundle with V8's code cache (src/extension/launch.ts).
  { in: "src/extension/launch.ts", out: "dist/extension.js", external: ["vscode"] },
  { in: "src/extension/activate.ts", out: "dist/extension-main.js", external: ["vscode"] },
  // The runner's child process, which runs every learner and pack bundle in a fresh QuickJS runtime; no vscode, ever.
  { in: "src/runner/sandbox/host.ts", out: "dist/runner/host.js" },
  // The Worker in which the runner computes expected values with the compute core, under a time budget.
  { in: "src/runner/coreWorker.ts", out: "dist/runner/core.js" },
  // The CLI is a small launcher (the `bin`) that loads its bundle with V8's code cache (src/cli/bin.ts).
  { in: "src/cli/bin.ts", out: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
  // Minified in every build: a one-shot command reads, hashes and loads all of it on every start (half the
  // bytes of the development form); stack positions map back through cli-main.js.map.
  { in: "src/cli/main.ts", out: "dist/cli-main.js", minify: true },
  // `validate --mutants` only: loaded on demand by the CLI, so the TypeScript compiler stays out of the CLI's
  // startup and out of the extension (typescript is required from node_modules, not bundled).
  { in: "src/mutants/index.ts", out: "dist/mutants.js", external: ["typescript"] },
  // The Inspect Model File panel's Worker: reads a model file off the extension host's thread.
  { in: "src/inspect/inspectWorker.ts", out: "dist/inspect/worker.js" },
  // Its inspection threads (and the CLI's): each inspects whole tensors of the file (src/models/node/inspectFile.ts).
  { in: "src/models/node/tensorWorker.ts", out: "dist/inspect/tensors.js" },
  // The extension loads packs it finds in a Worker, off the extension host's thread.
  { in: "src/packs/node/loadPackWorker.ts", out: "dist/packs/loadPackWorker.js" },
];

/** Browser-side bundles: the results webview and the playground (chart.js bundled in; the playground bundles the pure compute core too). */
const browserTargets = [
  { in: "media/results/main.ts", out: "dist/webview/results.js" },
  { in: "media/playground/main.ts", out: "dist/webview/playground.js" },
  { in: "media/inspect/main.ts", out: "dist/webview/inspect.js" },
];

// The pack schemas' validators, compiled by ajv now rather than on every run (src/packs/json/schemaValidator.ts).
buildSchemaValidators();

const contexts = [];
for (const t of nodeTargets.filter((t) => fs.existsSync(t.in))) {
  contexts.push(
    await esbuild.context({
      ...common,
      entryPoints: [t.in],
      outfile: t.out,
      platform: "node",
      format: "cjs",
      target: "node20",
      external: [...(t.external ?? []), "esbuild-wasm"],
      banner: t.banner,
      minify: t.minify ?? production,
      // jsonc-parser's "main" is a UMD build whose require("./impl/…") calls esbuild cannot follow; its ESM
      // build bundles. Every Node bundle that reaches the packs parser (extension and CLI alike) needs this.
      mainFields: ["module", "main"],
      // The runner keys stored bundles by the esbuild-wasm version that built them (src/runner/sandbox/bundleOptions.ts).
      define: { __ESBUILD_WASM_VERSION__: JSON.stringify(esbuildWasmVersion) },
    }),
  );
}
for (const t of browserTargets.filter((t) => fs.existsSync(t.in))) {
  contexts.push(
    await esbuild.context({
      ...common,
      entryPoints: [t.in],
      outfile: t.out,
      platform: "browser",
      format: "iife",
      target: "es2022",
      loader: { ".css": "css" },
    }),
  );
}

/**
 * The runner compiles learners' files with esbuild-wasm's browser flavour inside its sandbox process (one
 * universal .vsix; see src/runner/sandbox/bundler.ts for why) and runs them in QuickJS compiled to
 * WebAssembly (src/runner/sandbox/quickjsEngine.ts); it loads these files from next to host.js.
 */
function copyRunnerAssets() {
  if (!fs.existsSync("src/runner/sandbox/host.ts")) return;
  const from = path.dirname(fileURLToPath(import.meta.resolve("esbuild-wasm/package.json")));
  fs.mkdirSync("dist/runner", { recursive: true });
  fs.copyFileSync(path.join(from, "lib/browser.js"), "dist/runner/esbuild-browser.js");
  fs.copyFileSync(path.join(from, "esbuild.wasm"), "dist/runner/esbuild.wasm");
  fs.copyFileSync(fileURLToPath(import.meta.resolve("@jitl/quickjs-wasmfile-release-sync/wasm")), "dist/runner/quickjs.wasm");
}

/** Static assets the webview loads by URL (CSS) are copied next to the bundles. */
function copyAssets() {
  for (const file of fs.readdirSync("media", { recursive: true })) {
    if (!String(file).endsWith(".css")) continue;
    const to = path.join("dist/webview", path.basename(String(file)));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join("media", String(file)), to);
  }
}

if (watch) {
  copyAssets();
  copyRunnerAssets();
  await buildKernels(); // the AssemblyScript kernels (dist/kernels.wasm); rebuilt by a full build, not on watch

  await Promise.all(contexts.map((c) => c.watch()));
  console.log("watching for changes…");
} else {
  fs.mkdirSync("dist", { recursive: true });
  const sizes = {};
  for (const c of contexts) {
    const result = await c.rebuild();
    for (const [file, info] of Object.entries(result.metafile.outputs)) if (!file.endsWith(".map")) sizes[file] = info.bytes;
    await c.dispose();
  }
  copyAssets();
  copyRunnerAssets();
  await buildKernels(); // the AssemblyScript kernels: dist/kernels.wasm, loaded next to the CLI and extension bundles
  fs.writeFileSync("dist/bundle-sizes.json", JSON.stringify(sizes, null, 2));
}
