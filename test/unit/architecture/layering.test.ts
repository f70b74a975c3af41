/**
 * The folder rules of DESIGN.md, enforced: each layer may import only what its row allows, so the
 * architecture stays visible in the folders rather than in a document alone.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../../..");

/** Every import/require/export-from specifier in a TypeScript file, with its line. */
export function importsOf(source: string): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  const pattern = /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,]+\s+from\s+)?|\bexport\s+(?:type\s+)?[\w*{}\s,]+\s+from\s+|\brequire\(\s*|\bimport\(\s*)["']([^"']+)["']/g;
  for (const match of source.matchAll(pattern)) {
    found.push({ specifier: match[1], line: source.slice(0, match.index).split("\n").length });
  }
  return found;
}

function filesUnder(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(abs, f));
}

/** Which top-level area an import lands in: "core", "protocol", …, "vscode", "node", or "package". */
function areaOf(fromFile: string, specifier: string): string {
  if (specifier === "vscode") return "vscode";
  if (specifier.startsWith("node:")) return "node";
  if (!specifier.startsWith(".")) return "package";
  const target = path.relative(root, path.resolve(path.dirname(fromFile), specifier));
  const [top, second] = target.split(path.sep);
  if (top === "src") return ["core", "protocol", "sourceScan", "packs", "runner", "cli", "calculators", "models", "kernels", "mutants"].includes(second) ? second : "extension";
  return top;
}

/**
 * `vscodeAdapters`: files (relative to the rule's folder) that adapt the layer to VS Code and may also import
 * the extension; `nodeAdapters`: files that adapt it to Node's file system for the CLI and may import `node:*`.
 */
const rules: { dir: string; allowed: string[]; vscodeAdapters?: RegExp; nodeAdapters?: RegExp }[] = [
  { dir: "src/core", allowed: ["core"] },
  { dir: "src/protocol", allowed: ["protocol", "core"] },
  // reading TypeScript text (what a file exports, and where): pure, shared by packs, the runner and the editor
  { dir: "src/sourceScan", allowed: ["sourceScan"] },
  // packs is pure; its two file-system adapters (VS Code's workspace.fs, Node's fs for the CLI) live in subfolders
  { dir: "src/packs", allowed: ["packs", "core", "protocol", "sourceScan", "package", "exercises"], vscodeAdapters: /^vscode[\\/]/, nodeAdapters: /^node[\\/]/ },
  // the runner knows nothing of packs: pack validation (src/packs/packSemantics.ts) is given a runner instead
  { dir: "src/runner", allowed: ["runner", "core", "protocol", "sourceScan", "node", "package"] },
  // cli names mutants' types only; validate --mutants loads dist/mutants.js at run time (test/unit/mutants checks the bundle)
  { dir: "src/cli", allowed: ["cli", "core", "protocol", "packs", "runner", "calculators", "models", "node", "package", "exercises", "mutants"] },
  { dir: "src/kernels", allowed: ["kernels"] },
  // mutation analysis (validate --mutants): the TypeScript compiler plus the runner's public API
  { dir: "src/mutants", allowed: ["mutants", "core", "protocol", "packs", "runner", "node", "package"] },
  // models reads files through an injected interface; its Node adapters (node:fs, the kernels' .wasm) live in models/node
  { dir: "src/models", allowed: ["models", "core", "kernels", "protocol", "package"], nodeAdapters: /^node[\\/]/ },
  // pure calculators serve the CLI and the palette; their palette front end lives in calculators/vscode
  { dir: "src/calculators", allowed: ["calculators", "core", "protocol"], vscodeAdapters: /^vscode[\\/]/ },
  // webviews talk through protocol; the playground also bundles the pure compute core to compute in the browser
  { dir: "media", allowed: ["media", "protocol", "core", "package"] },
];

describe("layering (DESIGN.md folder rules)", () => {
  for (const rule of rules) {
    it(`${rule.dir} imports only ${rule.allowed.join(", ")}`, () => {
      const violations: string[] = [];
      for (const file of filesUnder(rule.dir)) {
        const relative = path.relative(path.join(root, rule.dir), file);
        const adapter = rule.vscodeAdapters?.test(relative);
        const nodeAdapter = rule.nodeAdapters?.test(relative);
        for (const { specifier, line } of importsOf(fs.readFileSync(file, "utf8"))) {
          const area = areaOf(file, specifier);
          if (adapter && (area === "vscode" || area === "extension")) continue;
          if (nodeAdapter && area === "node") continue;
          if (!rule.allowed.includes(area)) violations.push(`${path.relative(root, file)}:${line}: imports ${specifier} (${area})`);
        }
      }
      assert.deepEqual(violations, []);
    });
  }

  it("importsOf finds import, export-from, require and dynamic import", () => {
    const found = importsOf(`import a from "x";\nexport { b } from './y';\nconst c = require("z");\nawait import("w");\nimport type { T } from "t";`);
    assert.deepEqual(
      found.map((f) => f.specifier),
      ["x", "./y", "z", "w", "t"],
    );
  });

  // docs/architecture.md's folder table and the README's name every src/ folder, and no folder that is gone.
  for (const doc of ["docs/architecture.md", "README.md"]) {
    it(`${doc}'s folder table names every src/ folder, and only those`, () => {
      const tableRows = fs
        .readFileSync(path.join(root, doc), "utf8")
        .split("\n")
        .filter((l) => l.startsWith("| `"));
      const named = new Set(tableRows.flatMap((row) => [...row.split("|")[1].matchAll(/`src\/([\w-]+)\/`/g)].map((m) => m[1])));
      const folders = fs
        .readdirSync(path.join(root, "src"), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
      assert.deepEqual(
        folders.filter((f) => !named.has(f)),
        [],
        `${doc} has no row for these src/ folders`,
      );
      assert.deepEqual(
        [...named].filter((f) => !folders.includes(f)),
        [],
        `${doc} names src/ folders that do not exist`,
      );
    });
  }

  it("src/ holds folders only, so the tree shows the architecture", () => {
    const loose = fs
      .readdirSync(path.join(root, "src"), { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
    assert.deepEqual(loose, []);
  });

  // The services hold state and act on it; how that state is shown (views, panels, commands) depends on them, never the reverse.
  it("src/services imports no view, panel or command", () => {
    const shown = ["views", "webview", "commands", "codelens", "playground", "inspect"];
    const violations: string[] = [];
    for (const file of filesUnder("src/services")) {
      for (const { specifier, line } of importsOf(fs.readFileSync(file, "utf8"))) {
        if (!specifier.startsWith(".")) continue;
        const [top, second] = path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep);
        if (top === "src" && shown.includes(second)) violations.push(`${path.relative(root, file)}:${line}: imports ${specifier}`);
      }
    }
    assert.deepEqual(violations, []);
  });

  it("a core file importing vscode is reported", () => {
    const area = areaOf(path.join(root, "src/core/x.ts"), "vscode");
    assert.equal(area, "vscode");
    assert.ok(!rules[0].allowed.includes(area));
  });
});
