/**
 * The pack loader as shipped: bundled by esbuild the way esbuild.config.mjs bundles dist/cli.js, then run as a
 * separate node process. Catches what tsx hides, such as a dependency whose build cannot be bundled.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as esbuild from "esbuild";

const repoRoot = path.resolve(__dirname, "..", "..", "..");

describe("the bundled CLI's validate", function () {
  this.timeout(120_000);
  let out: string;
  let cli: string;

  before(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "bundled-cli-"));
    cli = path.join(out, "cli.js");
    await esbuild.build({
      entryPoints: [path.join(repoRoot, "src", "cli", "main.ts")],
      outfile: cli,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      external: ["esbuild-wasm"],
      logLevel: "silent",
    });
  });

  after(() => {
    fs.rmSync(out, { recursive: true, force: true });
  });

  const run = (...args: string[]) => spawnSync(process.execPath, [cli, "validate", ...args], { cwd: repoRoot, encoding: "utf8" });

  it("accepts the built-in pack statically (exit 0)", () => {
    const result = run("exercises/quantization-distillation", "--static");
    assert.equal(result.stderr, "");
    assert.match(result.stdout, /^pack "quantization-distillation" \(exercises\/quantization-distillation\) is valid: \d+ exercises, \d+ cases; static checks only/);
    assert.equal(result.status, 0);
  });

  it("prints a broken pack's problem at file:line:column and exits 1, without a stack trace", () => {
    const fixture = path.join("test", "unit", "packs", "fixtures", "broken", "schema-misspelt-property");
    const result = run(fixture, "--static");
    const expected = fs.readFileSync(path.join(repoRoot, fixture, "expected.txt"), "utf8").trim();
    assert.equal(result.stdout.split("\n")[0], `${fixture}/${expected}`);
    assert.equal(result.status, 1);
    assert.doesNotMatch(result.stderr, /\bat .+:\d+:\d+/);
  });
});
