/**
 * A file that imports nothing is compiled with esbuild's transform instead of a build (bundler.ts,
 * `transformAlone`), because that is a third of the time. It must not show: for each source below, what a
 * check sees (diagnostics at their positions, the exports' values, the source map's sources) equals what a
 * build gives, and a file that may reach another file is left to the build.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..", "..");

/** Sources the transform must compile exactly as a build does. */
const ALONE: Record<string, string> = {
  plain: "export function f(): number { return 2 * 21; }\n",
  "syntax error after non-ASCII text, CRLF": '// héllo → wörld\r\nexport function f(): number {\r\n  const s = "é→🙂"; let y = ;\r\n  return 1;\r\n}\r\n',
  warnings: "export function f(): unknown { const x = 0; if (x === -0) return NaN == x; return { a: 1, a: 2 }; }\n",
  "top-level await": "const y = await Promise.resolve(1);\nexport const f = () => y;\n",
  "import.meta": "export const f = () => typeof import.meta;\n",
  "module.exports in a module": "export const f = () => 1;\nmodule.exports = { g: 2 };\n",
  "type-only import": "import type { X } from './x';\nexport function f(x: X = 3 as X): X { return x; }\n",
  "enum, namespace, default export": "export enum E { A, B }\nnamespace N { export const a = 1; }\nexport default function () { return 5; }\nexport const f = () => N.a + E.B;\n",
  "unused helper": "function helper() { return 1; }\nexport function f() { return 2; }\n",
  "duplicate export": "export const f = () => 1;\nexport { f };\n",
  "unknown label": "export function f() { a: for (;;) { break b; } }\n",
  decorator: "function d(t: unknown) { return t as never; }\n@d class A {}\nexport const f = () => typeof A;\n",
};

/** Sources that may reach another file (or draw a warning only a build gives): left to the build. */
const BUILD_ONLY: Record<string, string> = {
  "import of a helper": 'import { g } from "./helper";\nexport const f = () => g;\n',
  "re-export": "export * as ns from './other';\n",
  "dynamic import": "export const f = () => import('./other');\n",
  require: "export const f = () => require('./x');\n",
  "direct eval": "export const f = () => eval('1');\n",
};

function compareAll(sources: string[]): { transformed: unknown; built: unknown }[] {
  const run = spawnSync(process.execPath, ["--require", "tsx/cjs", path.join(__dirname, "support", "compareCompilers.ts"), JSON.stringify(sources)], { cwd: root, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { transformed: unknown; built: unknown }[];
}

describe("transformAlone against a build", function () {
  this.timeout(60_000);
  const names = [...Object.keys(ALONE), ...Object.keys(BUILD_ONLY)];
  let results: Map<string, { transformed: unknown; built: unknown }>;

  before(() => {
    const outcomes = compareAll([...Object.values(ALONE), ...Object.values(BUILD_ONLY)]);
    results = new Map(names.map((name, i) => [name, outcomes[i]]));
  });

  for (const name of Object.keys(ALONE)) {
    it(`transformAlone(${name}) gives what a build gives: diagnostics, exports, source map`, () => {
      const { transformed, built } = results.get(name)!;
      assert.ok(transformed, "the transform declined a file that imports nothing");
      assert.deepEqual(transformed, built);
    });
  }

  for (const name of Object.keys(BUILD_ONLY)) {
    it(`transformAlone(${name}) is undefined: the build compiles it`, () => {
      assert.equal(results.get(name)!.transformed, undefined);
    });
  }
});
