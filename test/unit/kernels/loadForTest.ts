/** Compiles the AssemblyScript kernels once per test run (about a second) so unit tests never need a build. */
import { Kernels, instantiateKernels } from "../../../src/kernels";

let compiled: Promise<Kernels> | undefined;

export function kernelsForTest(): Promise<Kernels> {
  compiled ??= (async () => {
    const build = (await import("../../../scripts/build-kernels.mjs")) as { compileKernels(): Promise<Uint8Array> };
    return instantiateKernels(await build.compileKernels());
  })();
  return compiled;
}
