/**
 * Finds and instantiates dist/kernels.wasm for Node callers (the CLI, the extension, benchmarks). The bundles
 * live in dist/ next to it; from sources (tsx) it is ../../../dist/kernels.wasm. Without the file (no build yet)
 * callers get undefined and use the TypeScript core, which computes the same results more slowly.
 */
import fs from "node:fs";
import path from "node:path";
import { Kernels, instantiateKernels } from "../../kernels";

let cached: Kernels | undefined | null = null;

export function kernelCandidates(): string[] {
  // dist/cli.js and dist/extension.js sit next to it, dist/inspect/worker.js one folder down, sources three.
  return [path.join(__dirname, "kernels.wasm"), path.join(__dirname, "..", "kernels.wasm"), path.resolve(__dirname, "../../../dist/kernels.wasm")];
}

/** The kernels, or undefined when no kernels.wasm is found or this runtime has no WebAssembly SIMD. */
export function loadKernels(): Kernels | undefined {
  if (cached !== null) return cached;
  cached = undefined;
  for (const file of kernelCandidates()) {
    if (!fs.existsSync(file)) continue;
    try {
      cached = instantiateKernels(fs.readFileSync(file));
    } catch {
      cached = undefined; // a runtime without SIMD rejects the module: the core serves
    }
    break;
  }
  return cached;
}
