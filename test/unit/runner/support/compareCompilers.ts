/**
 * Run as its own process by transformAlone.test.ts (esbuild-wasm sets V8 flags for the whole process, which
 * the other unit tests should not inherit): compiles each source of the JSON array in argv[2] both ways, with
 * `transformAlone` and with a build, and prints what a check sees of each as JSON.
 */
import path from "node:path";
import { bundle, transformAlone, type BundleResult } from "../../../../src/runner/sandbox/bundler";
import { compileDiagnostic } from "../../../../src/runner/diagnostics";

const ENTRY = path.resolve("/learner/work/solution.ts");

/** A promise (a dynamic import's) is only named: what it would load is not in this test. */
function settled(value: unknown): unknown {
  if (value instanceof Promise) {
    value.catch(() => undefined);
    return "a promise";
  }
  return value;
}

function seen(result: BundleResult): unknown {
  let exports: Record<string, unknown> | string | undefined;
  if (result.code !== undefined) {
    try {
      const module = { exports: {} as Record<string, unknown> };
      new Function("module", "exports", result.code)(module, module.exports);
      exports = Object.fromEntries(Object.entries(module.exports).map(([k, v]) => [k, typeof v === "function" ? settled((v as () => unknown)()) : v]));
    } catch (error) {
      exports = `threw ${String(error)}`;
    }
  }
  const sources = result.sourceMap === undefined ? undefined : (JSON.parse(result.sourceMap) as { sources: string[] }).sources;
  return { diagnostics: [...result.errors, ...result.warnings].map((m) => compileDiagnostic(m, ENTRY)), exports, sources, singleFile: result.singleFile };
}

async function main(): Promise<void> {
  const sources = JSON.parse(process.argv[2]) as string[];
  const out = [];
  for (const text of sources) {
    const transformed = await transformAlone(ENTRY, text);
    const built = await bundle(ENTRY, {
      resolve: async (specifier) => ({ ok: false, message: `no file ${specifier} in this test` }),
      load: async (file) => (file === ENTRY ? { ok: true, contents: text } : { ok: false, message: `no file ${file}` }),
    });
    out.push({ transformed: transformed && seen(transformed), built: seen(built) });
  }
  process.stdout.write(JSON.stringify(out));
}

void main();
