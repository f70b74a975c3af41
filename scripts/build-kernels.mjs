// Compiles the AssemblyScript kernels (src/kernels/assembly) to WebAssembly with SIMD: dist/kernels.wasm, loaded
// by the CLI and the extension next to their bundles (src/models/loadKernels.ts). esbuild.config.mjs calls this;
// `node scripts/build-kernels.mjs [out.wasm]` runs it alone. Tests compile into memory with compileKernels().
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const KERNELS_ENTRY = path.join(root, "src/kernels/assembly/index.ts");
const FLAGS = ["--enable", "simd", "-O3", "--runtime", "stub", "--noAssert"];

/** Compiles the kernels and returns the .wasm bytes (throws with asc's messages on a compile error). */
export async function compileKernels() {
  const { default: asc } = await import("assemblyscript/asc");
  let binary;
  const stderr = [];
  const result = await asc.main([path.relative(root, KERNELS_ENTRY), ...FLAGS, "-o", "kernels.wasm"], {
    baseDir: root,
    stdout: { write: () => true },
    stderr: { write: (s) => (stderr.push(String(s)), true) },
    writeFile: (name, contents) => {
      if (name.endsWith(".wasm")) binary = contents;
    },
  });
  if (result.error || !binary) throw new Error(`AssemblyScript kernels failed to compile: ${result.error?.message ?? ""}\n${stderr.join("")}`);
  return binary;
}

/** Writes dist/kernels.wasm (or `out`). */
export async function buildKernels(out = path.join(root, "dist/kernels.wasm")) {
  const bytes = await compileKernels();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, bytes);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildKernels(process.argv[2]);
  console.log(`kernels: ${path.relative(process.cwd(), out)} (${fs.statSync(out).size} bytes)`);
}
