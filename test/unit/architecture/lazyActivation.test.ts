/**
 * What the extension host evaluates when the extension activates: the static imports reachable from
 * src/extension/activate.ts. The pack loader's schema validators and markdown parser are loaded on first use (local packs
 * load in a Worker; only a remote workspace's packs load on the host), so activation does not pay for them.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../../..");

/** Value imports (not `import type`, not a dynamic `import()`), relative or package specifiers. */
export function staticValueImports(source: string): string[] {
  const found: string[] = [];
  const pattern = /^\s*(?:import|export)\s+(?!type\b)(?:[\w*{}\s,$]+\s+from\s+)?["']([^"']+)["']/gm;
  for (const match of source.matchAll(pattern)) {
    // `import { type A, type B } from` brings no value in; `import { type A, b }` does.
    const clause = match[0].match(/^\s*(?:import|export)\s+\{([^}]*)\}\s+from/)?.[1];
    if (clause !== undefined && clause.split(",").every((n) => n.trim() === "" || n.trim().startsWith("type "))) continue;
    found.push(match[1]);
  }
  return found;
}

function resolveTs(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  return [`${base}.ts`, path.join(base, "index.ts"), base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
}

function eagerGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    if (!file.endsWith(".ts")) return;
    for (const specifier of staticValueImports(fs.readFileSync(file, "utf8"))) {
      if (!specifier.startsWith(".")) {
        packages.add(specifier);
        continue;
      }
      const target = resolveTs(file, specifier);
      if (target) visit(target);
    }
  };
  visit(entry);
  return { files, packages };
}

describe("the extension's activation path", () => {
  it("recognises value imports and skips type-only and dynamic ones", () => {
    const source = 'import type { A } from "./a";\nimport { type B, type C } from "./b";\nimport { type D, e } from "./d";\nimport f from "f";\nconst g = await import("./g");\nexport { h } from "./h";\n';
    assert.deepEqual(staticValueImports(source), ["./d", "f", "./h"]);
  });

  it("does not load the schema validators, the pack loader or the markdown parser at activation", () => {
    const { files, packages } = eagerGraph(path.join(root, "src", "extension", "activate.ts"));
    const relative = [...files].map((f) => path.relative(root, f).split(path.sep).join("/"));
    assert.ok(relative.includes("src/services/packRegistry.ts"), "the walk reaches the pack registry");
    for (const lazy of ["src/packs/json/schemaValidator.ts", "src/packs/loadPack.ts", "src/packs/promptHtml.ts"]) {
      assert.ok(!relative.includes(lazy), `${lazy} is imported statically on the activation path`);
    }
    // Instructors' commands (Add Exercise Pack…, Export My Work, Grade a Class…) load their zip reader on first use too.
    for (const lazy of ["src/commands/addPack.ts", "src/packs/node/extractZip.ts", "src/handIn/gradeClassCommand.ts"]) {
      assert.ok(!relative.includes(lazy), `${lazy} is imported statically on the activation path`);
    }
    for (const pkg of ["ajv", "markdown-it", "yauzl", "fflate"]) assert.ok(!packages.has(pkg), `${pkg} is imported statically on the activation path`);
  });
});
