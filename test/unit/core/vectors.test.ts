import * as assert from "node:assert/strict";
import { CORE_FUNCTIONS } from "../../../src/core";
import { mismatch } from "./tolerance";
import { loadVectors, PRACTICE_VECTORS_PATH, VECTORS_PATH, VectorCase } from "./vectors";

/**
 * Reference vectors from numpy, scipy, gguf-py and the standard library (fixtures/core/generate_vectors.py for
 * the foundations, fixtures/practice/generate_practice_vectors.py for the second pack's topics), called as packs
 * call the core.
 */
const VECTOR_FILES: [string, string, string[]][] = [
  ["core reference vectors", VECTORS_PATH, ["rounding", "ranges", "qparams", "quantize", "groupwise", "clipping", "nf4", "fp8", "floatFormats", "ggml", "metrics", "memory", "softmax", "divergence", "distillation"]],
  ["core reference vectors: compression in practice", PRACTICE_VECTORS_PATH, ["bitPacking", "sparsity", "qlora", "int8Gemm", "smoothQuant", "gptq", "qat", "calibration"]],
];

for (const [title, file, documentedTopics] of VECTOR_FILES) describe(title, () => {
  const topics = loadVectors(file);

  it("cover every topic the core documents", () => {
    for (const topic of documentedTopics) {
      assert.ok((topics[topic] ?? []).length > 0, `no vectors for ${topic}`);
    }
  });

  for (const [topic, cases] of Object.entries(topics)) {
    const byFn = new Map<string, VectorCase[]>();
    for (const c of cases) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c]);
    describe(topic, () => {
      for (const [fn, fnCases] of byFn) {
        it(`${fn}(…) matches ${fnCases.length} reference vectors`, () => {
          const f = CORE_FUNCTIONS[fn];
          assert.equal(typeof f, "function", `${fn} is not in CORE_FUNCTIONS`);
          const failures: string[] = [];
          for (const c of fnCases) {
            const call = `${fn}(${JSON.stringify(c.args).slice(0, 160)})${c.note ? ` [${c.note}]` : ""}`;
            try {
              const m = mismatch(f(...c.args), c.expected, c.tol);
              if (m) failures.push(`${call}: ${m}`);
            } catch (e) {
              failures.push(`${call} threw ${(e as Error).message}`);
            }
          }
          assert.equal(failures.length, 0, `${failures.length} of ${fnCases.length} cases differ:\n${failures.slice(0, 12).join("\n")}`);
        });
      }
    });
  }
});
