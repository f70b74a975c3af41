/**
 * The second built-in pack (exercises/compression-in-practice) is valid, statically and when its code runs, and
 * every built-in pack folder the extension lists exists with a manifest of the same id. Its checks take their
 * expected values from the compute core, whose functions are tested against numpy/gguf-py vectors
 * (test/unit/fixtures/practice/), never from the exercise's own reference alone.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { validatePackFolder } from "../../../src/cli/commands/validate";
import { CORE_FUNCTIONS } from "../../../src/core";
import { BUILT_IN_PACK_FOLDERS } from "../../../src/packs/builtInPacks";
import { loadPackFromDisk } from "../../../src/packs/node/loadPackFromDisk";
import type { PackSpec } from "../../../src/protocol/exercise";
import { Runner } from "../../../src/runner";
import { sandboxHostScript } from "../runner/support/buildSandbox";
import { captureIo } from "./support/cliHarness";

const repoRoot = path.resolve(__dirname, "..", "..", "..");
const practice = path.join(repoRoot, "exercises", "compression-in-practice");

describe("the built-in packs list", () => {
  it("names folders under exercises/ whose pack.json has the folder's name as its id, foundations first", () => {
    assert.deepEqual(BUILT_IN_PACK_FOLDERS.slice(0, 2), ["quantization-distillation", "compression-in-practice"]);
    for (const folder of BUILT_IN_PACK_FOLDERS) {
      const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "exercises", folder, "pack.json"), "utf8")) as { id: string };
      assert.equal(manifest.id, folder);
    }
  });
});

describe("the compression-in-practice pack", function () {
  this.timeout(20_000);
  let pack: PackSpec | undefined;

  before(async () => {
    const loaded = await loadPackFromDisk(practice);
    assert.deepEqual(loaded.problems, [], "the pack loads without a single problem or warning");
    pack = loaded.pack;
  });

  it("teaches the eight methods of issue 16 in order: GPTQ, SmoothQuant, int8 GEMM, calibration, Q4_0 bytes, 2:4, QLoRA, QAT", () => {
    assert.deepEqual(
      pack!.exercises.map((e) => e.id),
      ["gptq-error-feedback", "smoothquant-migration", "per-token-int8-gemm", "calibration-methods", "q4-0-bit-packing", "nm-sparsity", "qlora-memory", "qat-ste-lsq"],
    );
  });

  it("gives every exercise a reference, misconceptions, a chart of its own, a three-rung hint ladder and further reading", () => {
    assert.ok(pack!.exercises.length >= 1);
    for (const exercise of pack!.exercises) {
      assert.ok(exercise.reference, `${exercise.id} has no reference solution`);
      assert.ok(exercise.misconceptions, `${exercise.id} has no misconceptions`);
      assert.notEqual(exercise.chart, "none", `${exercise.id} has no chart`);
      assert.equal(exercise.hints.length, 3, `${exercise.id} has a hint ladder of ${exercise.hints.length}`);
      assert.ok((exercise.furtherReading ?? []).length > 0, `${exercise.id} has no further reading`);
    }
    // Each exercise draws its own idea: no two share a chart kind.
    const charts = pack!.exercises.map((e) => e.chart);
    assert.equal(new Set(charts).size, charts.length, `chart kinds: ${charts.join(", ")}`);
  });

  it("takes every expected value from the compute core, never from the exercise's own reference", () => {
    for (const exercise of pack!.exercises) {
      for (const check of exercise.checks) {
        assert.equal(check.expected.from, "core", `${exercise.id}/${check.id} takes its expected values from ${check.expected.from}`);
        if (check.expected.from === "core") assert.ok(CORE_FUNCTIONS[check.expected.fn], `${exercise.id}/${check.id}: no core ${check.expected.fn}`);
      }
    }
  });

  it("passes `compression-tutor validate`: starters fail, references pass, misconceptions are recognised", async function () {
    this.timeout(10 * 60_000);
    const hostScript = await sandboxHostScript();
    const runner = new Runner({ hostScript, core: CORE_FUNCTIONS });
    try {
      const out = captureIo(repoRoot);
      const code = await validatePackFolder(practice, out.io, { json: false, runCode: true, runner });
      assert.equal(out.stdout().split("\n").filter((l) => / error: /.test(l)).join("\n"), "");
      assert.match(out.stdout(), /is valid: \d+ exercises?, \d+ cases; starters fail, references pass, misconceptions recognised/);
      assert.equal(code, 0);
    } finally {
      await runner.dispose();
    }
  });
});
