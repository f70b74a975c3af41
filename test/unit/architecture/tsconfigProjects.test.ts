/**
 * The compiler enforces the runtimes' boundaries only while each project's settings say so: the pure core sees
 * neither Node nor the DOM nor vscode, the Node processes see no DOM and no vscode, only the webviews see the
 * DOM. This test fails if a project's `lib`, `types` or folders stop saying that, or if `npm run typecheck`
 * stops checking one of them.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(__dirname, "../../..");

/** A project's effective options and files, as tsc itself reads them (extends resolved). */
function project(file: string): { lib: string[]; types: string[]; files: string[]; vscodePath?: string[] } {
  const config = ts.readConfigFile(path.join(root, file), ts.sys.readFile);
  assert.equal(config.error, undefined, `${file} does not parse`);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, path.dirname(path.join(root, file)));
  return {
    lib: (parsed.options.lib ?? []).map((l) => l.replace(/^lib\.|\.d\.ts$/g, "").toLowerCase()),
    types: parsed.options.types ?? ["(every @types package)"],
    vscodePath: parsed.options.paths?.vscode,
    files: parsed.fileNames.map((f) => path.relative(root, f).split(path.sep).join("/")),
  };
}

const hasDom = (lib: string[]) => lib.some((l) => l.startsWith("dom"));

describe("TypeScript projects per runtime", () => {
  it("core: ES2022 only, no @types, and only src/core, src/protocol and src/sourceScan", () => {
    const p = project("tsconfig.core.json");
    assert.deepEqual(p.lib, ["es2022"]);
    assert.deepEqual(p.types, []);
    assert.ok(p.files.length > 0);
    const strays = p.files.filter((f) => !/^src\/(core|protocol|sourceScan)\//.test(f));
    assert.deepEqual(strays, []);
  });

  it("node: Node's types, no DOM, no vscode, and every folder that runs without VS Code", () => {
    const p = project("tsconfig.node.json");
    assert.ok(!hasDom(p.lib), `lib ${p.lib.join(", ")}`);
    assert.deepEqual(p.types, ["node"]);
    for (const folder of ["runner", "cli", "packs", "models", "kernels", "mutants", "calculators"]) {
      assert.ok(p.files.some((f) => f.startsWith(`src/${folder}/`)), `src/${folder} is not checked without vscode`);
    }
    const adapters = p.files.filter((f) => /\/vscode\//.test(f));
    assert.deepEqual(adapters, [], "VS Code adapters belong to the extension's project");
  });

  it("extension: Node and vscode, no DOM", () => {
    const p = project("tsconfig.extension.json");
    assert.ok(!hasDom(p.lib), `lib ${p.lib.join(", ")}`);
    assert.deepEqual([...p.types].sort(), ["node", "vscode"]);
    assert.ok(p.files.includes("src/extension/activate.ts"));
  });

  it("webview: the DOM, no Node, no vscode, only media/", () => {
    const p = project("tsconfig.webview.json");
    assert.ok(hasDom(p.lib));
    assert.deepEqual(p.types, []);
    assert.deepEqual(p.files.filter((f) => !f.startsWith("media/")), []);
  });

  it("core, node and webview resolve `vscode` to a file that is not a module (else @types/vscode answers any import)", () => {
    const stub = path.join(root, "types/vscodeNotInThisRuntime.d.ts");
    assert.doesNotMatch(fs.readFileSync(stub, "utf8"), /^\s*(export|import)\b/m);
    for (const file of ["tsconfig.core.json", "tsconfig.node.json", "tsconfig.webview.json"]) {
      assert.deepEqual(project(file).vscodePath, ["./types/vscodeNotInThisRuntime.d.ts"], file);
    }
  });

  it("no DOM anywhere in src/: only the webview and test projects name it", () => {
    for (const file of ["tsconfig.base.json", "tsconfig.core.json", "tsconfig.node.json", "tsconfig.extension.json", "scripts/tsconfig.json"]) {
      assert.ok(!hasDom(project(file).lib), `${file} lets code see the DOM`);
    }
  });

  it("npm run typecheck checks every project, and every .ts file is in one", () => {
    const solution = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile).config;
    const referenced = (solution.references as { path: string }[]).map((r) => path.normalize(r.path));
    for (const p of ["tsconfig.core.json", "tsconfig.node.json", "tsconfig.extension.json", "tsconfig.webview.json", "tsconfig.test.json", "scripts"]) {
      assert.ok(referenced.includes(path.normalize(p)), `tsconfig.json does not reference ${p}`);
    }
    const scripts = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts;
    assert.equal(scripts.typecheck, "node scripts/typecheck.mjs");
    const covered = new Set(
      ["tsconfig.extension.json", "tsconfig.webview.json", "tsconfig.test.json"].flatMap((f) => project(f).files),
    );
    const missing = ["src", "media"].flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir), { recursive: true })
        .map((f) => `${dir}/${String(f).split(path.sep).join("/")}`)
        .filter((f) => f.endsWith(".ts") && !f.startsWith("src/kernels/assembly/") && !covered.has(f)),
    );
    assert.deepEqual(missing, []);
  });
});
