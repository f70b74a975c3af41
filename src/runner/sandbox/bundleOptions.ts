/**
 * The esbuild options every learner and exercise bundle is built with, and the esbuild-wasm version that
 * builds it. Shared by the sandbox's bundler (which builds) and the runner's bundle store (which keys stored
 * bundles by them), so that a bundle stored by one version or set of options is never used by another.
 */
export const BUNDLE_OPTIONS = {
  bundle: true,
  write: false,
  format: "cjs",
  platform: "neutral",
  target: "es2022",
  sourcemap: "external",
  sourcesContent: false,
} as const;

/** Set by esbuild.config.mjs in the built bundles; read from node_modules when running from source (tests). */
declare const __ESBUILD_WASM_VERSION__: string | undefined;

export function esbuildWasmVersion(): string {
  return typeof __ESBUILD_WASM_VERSION__ === "string" ? __ESBUILD_WASM_VERSION__ : (require("esbuild-wasm/package.json") as { version: string }).version;
}
