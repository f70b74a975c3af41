/**
 * Finds and instantiates dist/kernels.wasm for Node callers (the CLI, the extension, benchmarks). The bundles
 * live in dist/ next to it; from sources (tsx) it is ../../../dist/kernels.wasm. Without the file (no build yet)
 * callers get undefined and use the TypeScript core, which computes the same results more slowly.
 */
import fs from "node:fs";
import path from "node:path";
import { Kernels } from "../../kernels";

let cached: Kernels | undefined | null = null;

export function kernelCandidates(): string[] {
  // dist/cli.js and dist/extension.js sit next to it, dist/inspect/worker.js one folder down, sources three.
  return [path.join(__dirname, "kernels.wasm"), path.join(__dirname, "..", "kernels.wasm"), path.resolve(__dirname, "../../../dist/kernels.wasm")];
}

/** The loops an inspection calls (src/models/valueOps.ts): a kernels.wasm built before one of them was added lacks it. */
export const INSPECTION_EXPORTS = ["momentsF32", "histogramF32", "int8ErrorF32", "int4ErrorF32", "q4_0ErrorF32", "q8_0ErrorF32", "fp8ErrorF32", "nf4ErrorF32"];

/**
 * The kernels, or undefined when no kernels.wasm is found, this runtime has no WebAssembly SIMD, or the file
 * is an older build without every inspection loop (a stale dist/ read from sources): the TypeScript loops then
 * serve, with the same results.
 */
export function loadKernels(): Kernels | undefined {
  if (cached !== null) return cached;
  cached = undefined;
  for (const file of kernelCandidates()) {
    if (!fs.existsSync(file)) continue;
    try {
      const module = new WebAssembly.Module(fs.readFileSync(file));
      const instance = new WebAssembly.Instance(module, {});
      if (INSPECTION_EXPORTS.every((name) => typeof instance.exports[name] === "function")) cached = new Kernels(instance, module);
    } catch {
      cached = undefined; // a runtime without SIMD rejects the module: the core serves
    }
    break;
  }
  return cached;
}
