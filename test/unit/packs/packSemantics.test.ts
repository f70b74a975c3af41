/**
 * checkExerciseSemantics on exercises built in code: the misconception paths the broken-pack corpus does not
 * reach (variants given by the compute core or by literals, which become lookup-table learners), and a variant
 * that is recognised but loses to an earlier misconception.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { CORE_FUNCTIONS } from "../../../src/core";
import type { CheckSpec, ExerciseSpec, Misconception } from "../../../src/protocol/exercise";
import { Runner } from "../../../src/runner";
import { checkExerciseSemantics } from "../../../src/packs/packSemantics";
import { sandboxHostScript } from "../runner/support/buildSandbox";

const folder = path.join(__dirname, "fixtures", "virtual-exercise");
const REFERENCE = "export function dequantize(q: number, scale: number, zeroPoint: number): number {\n  return scale * (q - zeroPoint);\n}\n";
const MISCONCEPTIONS = "export function noParens(q: number, scale: number, zeroPoint: number): number {\n  return scale * q - zeroPoint;\n}\n";

function exerciseWith(misconceptions: Misconception[], expected: CheckSpec["expected"] = { from: "reference", file: "reference", export: "dequantize" }): ExerciseSpec {
  return {
    id: "virtual-exercise",
    title: "Dequantize",
    summary: "",
    prompt: "",
    starter: "export function dequantize(q: number, scale: number, zeroPoint: number): number {\n  return 0;\n}\n",
    reference: REFERENCE,
    misconceptions: MISCONCEPTIONS,
    hints: [],
    showReferenceAfterPass: false,
    chart: "none",
    sourceFiles: { starter: path.join(folder, "starter.ts"), reference: path.join(folder, "reference.ts"), misconceptions: path.join(folder, "misconceptions.ts") },
    checks: [
      {
        id: "dequantize",
        function: "dequantize",
        cases: [
          { id: "a", name: "a", input: [118, 0.1, 128] },
          { id: "b", name: "b", input: [3, 0.5, 0] },
        ],
        expected,
        comparison: { kind: "value" },
        tolerance: { abs: 1e-12 },
        misconceptions,
        reveal: "full",
      },
    ],
  };
}

describe("checkExerciseSemantics(packId, exercise, { runner })", function () {
  this.timeout(120_000);
  let runner: Runner;

  before(async () => {
    runner = new Runner({ hostScript: await sandboxHostScript(), core: CORE_FUNCTIONS });
  });

  after(async () => {
    await runner?.dispose();
  });

  it("recognises a literal variant through a lookup-table learner, and reports a literal variant equal to the answers", async () => {
    const recognised: Misconception = { id: "off-by-ten", message: "m", variant: { from: "literal", values: { a: -11 } } };
    const harmless: Misconception = { id: "correct-anyway", message: "m", variant: { from: "literal", values: { a: -1, b: 1.5 } } };
    const problems = await checkExerciseSemantics("p", exerciseWith([recognised, harmless]), { runner });
    assert.deepEqual(problems.map((p) => p.code), ["misconception-not-recognised"]);
    assert.match(problems[0].message, /^misconception "correct-anyway": a solution written that way passes every case/);
  });

  it("recognises a variant computed by the compute core", async () => {
    // With expected values from the reference, the core's `quantize` is a wrong answer a learner could give.
    const problems = await checkExerciseSemantics("p", exerciseWith([{ id: "quantized-instead", message: "m", variant: { from: "core", fn: "quantize" } }]), { runner });
    assert.deepEqual(problems, []);
  });

  it("says which misconception matched first when a variant is never the one named", async () => {
    const first: Misconception = { id: "no-parens", message: "m", variant: { from: "reference", file: "misconceptions", export: "noParens" } };
    const shadowed: Misconception = { id: "no-parens-again", message: "m", variant: { from: "reference", file: "misconceptions", export: "noParens" } };
    const problems = await checkExerciseSemantics("p", exerciseWith([first, shadowed]), { runner });
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /misconception "no-parens-again": .* none is recognised as this misconception \(they match "no-parens" first/);
  });

  it("finds nothing wrong with a starter that fails, a reference that passes and a recognised misconception", async () => {
    const problems = await checkExerciseSemantics("p", exerciseWith([{ id: "no-parens", message: "m", variant: { from: "reference", file: "misconceptions", export: "noParens" } }]), { runner });
    assert.deepEqual(problems, []);
  });
});
