/**
 * `compression-tutor calc` as a real process: `node dist/cli.js calc …`, the file `npm run build` writes and
 * package.json's `bin` points at. When dist/cli.js is missing or older than the sources it bundles, the
 * hook runs the build first, so the test never passes on a stale bundle.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../../..");
const cli = path.join(root, "dist", "cli.js");
const SOURCES = ["src/cli", "src/calculators", "src/core", "src/protocol"].map((dir) => path.join(root, dir));

function newestSourceMs(): number {
  let newest = 0;
  for (const dir of SOURCES) {
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir, { recursive: true }).map(String)) {
      if (file.endsWith(".ts")) newest = Math.max(newest, fs.statSync(path.join(dir, file)).mtimeMs);
    }
  }
  return newest;
}

function calc(...args: string[]) {
  const run = spawnSync(process.execPath, [cli, "calc", ...args], { encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("compression-tutor calc (node dist/cli.js)", function () {
  this.timeout(120_000);

  before(() => {
    if (fs.existsSync(cli) && fs.statSync(cli).mtimeMs >= newestSourceMs()) return;
    const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, encoding: "utf8" });
    assert.equal(build.status, 0, `npm run build failed:\n${build.stderr}`);
  });

  it("calc memory --params 7B --format int4 --group-size 128 prints GB and GiB and exits 0", () => {
    const run = calc("memory", "--params", "7B", "--format", "int4", "--group-size", "128");
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /format\s+int4, group 128: 4\.125 bits per weight/);
    assert.match(run.stdout, /weights\s+3\.609 GB \(3\.361 GiB, 3,609,375,000 bytes\)/);
  });

  it("calc distillation --json prints parseable JSON with the loss", () => {
    const run = calc("distillation", "--teacher", "2,1,0.1", "--student", "1.5,1.2,0.3", "--label", "0", "--alpha", "0.5", "--temperature", "2", "--json");
    assert.equal(run.status, 0, run.stderr);
    assert.ok(Math.abs(JSON.parse(run.stdout).values.total - 0.3874494) < 1e-7);
  });

  it("calc softmax --temperature -1 exits 2 with the reason on stderr and no stack trace", () => {
    const run = calc("softmax", "--temperature", "-1");
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--temperature: temperature must be greater than 0 \(got -1\)/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
    assert.equal(run.stdout, "");
  });

  it("calc divergence --help exits 0 and lists its flags", () => {
    const run = calc("divergence", "--help");
    assert.equal(run.status, 0);
    assert.match(run.stdout, /--p <0\.7, 0\.3>/);
    assert.match(run.stdout, /--base <e>/);
  });
});
