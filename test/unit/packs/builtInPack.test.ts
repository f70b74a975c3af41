/**
 * The built-in pack (exercises/quantization-distillation) is valid: statically, and when its code runs — every
 * starter compiles and fails, every reference passes every case (generated ones included), every misconception
 * is recognised. The seed exercises keep the ids and exported functions the extension and the docs promise.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { validatePackFolder } from "../../../src/cli/commands/validate";
import { CORE_FUNCTIONS } from "../../../src/core";
import { loadPackFromDisk } from "../../../src/packs/node/loadPackFromDisk";
import type { ExerciseSpec, PackSpec } from "../../../src/protocol/exercise";
import { Runner } from "../../../src/runner";
import { sandboxHostScript } from "../runner/support/buildSandbox";
import { captureIo } from "./support/cliHarness";

const repoRoot = path.resolve(__dirname, "..", "..", "..");
const builtIn = path.join(repoRoot, "exercises", "quantization-distillation");

/** The seed exercises, their ids and the functions a learner's file must export (issue 5's table). */
const SEED_EXERCISES: [string, string[]][] = [
  ["affine-quantization", ["quantize", "dequantize"]],
  ["int4-scale", ["symmetricScale"]],
  ["memory-savings", ["memoryGB", "reductionFactor"]],
  ["quantization-mse", ["mse"]],
  ["best-clipping", ["bestClip"]],
  ["temperature-softmax", ["softmax"]],
  ["kl-divergence", ["klDivergence"]],
  ["combined-loss", ["combinedLoss"]],
  ["adapter-optimizer-memory", ["adamMomentsGB"]],
  ["compression-checklist", ["shippingChecklist"]],
];

describe("the built-in pack", function () {
  this.timeout(20_000);
  let pack: PackSpec | undefined;

  before(async () => {
    const loaded = await loadPackFromDisk(builtIn);
    assert.deepEqual(loaded.problems, [], "the built-in pack loads without a single problem or warning");
    pack = loaded.pack;
  });

  it("starts with the ten seed exercises, in the seed's order, checking exactly the promised functions", () => {
    assert.deepEqual(pack?.exercises.slice(0, 10).map((e) => e.id), SEED_EXERCISES.map(([id]) => id));
    for (const [id, functions] of SEED_EXERCISES) {
      const exercise: ExerciseSpec | undefined = pack?.exercises.find((e) => e.id === id);
      assert.ok(exercise, `${id} is missing`);
      assert.deepEqual([...new Set(exercise.checks.map((c) => c.function))].sort(), [...functions].sort(), id);
    }
  });

  it("has at least twelve exercises beyond the seed, each with a reference solution and hints", () => {
    assert.ok(pack!.exercises.length >= 22, `${pack!.exercises.length} exercises`);
    for (const exercise of pack!.exercises) {
      assert.ok(exercise.reference, `${exercise.id} has no reference solution`);
      assert.ok(exercise.hints.length >= 3, `${exercise.id} has a hint ladder of ${exercise.hints.length}`);
    }
  });

  it("passes `compression-tutor validate`: starters fail, references pass, misconceptions are recognised", async function () {
    this.timeout(30 * 60_000); // every exercise runs through the sandbox several times
    const hostScript = await sandboxHostScript();
    const runners = [new Runner({ hostScript, core: CORE_FUNCTIONS }), new Runner({ hostScript, core: CORE_FUNCTIONS })];
    try {
      const out = captureIo(repoRoot);
      const code = await validatePackFolder(builtIn, out.io, { json: false, runCode: true, runner: runners });
      assert.equal(out.stdout().split("\n").filter((l) => / error: /.test(l)).join("\n"), "");
      assert.match(out.stdout(), /is valid: \d+ exercises, \d+ cases; starters fail, references pass, misconceptions recognised/);
      assert.equal(code, 0);
    } finally {
      await Promise.all(runners.map((r) => r.dispose()));
    }
  });
});
