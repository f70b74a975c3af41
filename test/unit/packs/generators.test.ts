import assert from "node:assert/strict";
import type { GenerateFile } from "../../../src/packs/diskFormat";
import { checkGenerateBlock, generatedVolume, generateInputs, Prng, streamSeed } from "../../../src/packs/generators";

const block = (args: GenerateFile["args"], count = 50, seed = 7): GenerateFile => ({ idPrefix: "g", seed, count, args });

describe("generateInputs(block)", () => {
  it("yields the same inputs for the same seed, and different ones for another seed", () => {
    const args: GenerateFile["args"] = [{ uniform: [-2, 2] }, { int: [-5, 5] }];
    assert.deepEqual(generateInputs(block(args)), generateInputs(block(args)));
    assert.notDeepEqual(generateInputs(block(args)), generateInputs(block(args, 50, 8)));
  });

  it("keeps earlier cases unchanged when count grows or another argument's generator changes", () => {
    const small = generateInputs(block([{ uniform: [-2, 2] }, { int: [0, 3] }], 5));
    const large = generateInputs(block([{ uniform: [-2, 2] }, { choice: ["a", "b"] }], 20));
    assert.deepEqual(
      large.slice(0, 5).map((input) => input[0]),
      small.map((input) => input[0]),
    );
  });

  it("takes edge values first, in order, then random ones", () => {
    const inputs = generateInputs(block([{ uniform: [10, 20], edges: [0, -0.5, 1e300] }], 6));
    assert.deepEqual(inputs.slice(0, 3), [[0], [-0.5], [1e300]]);
    assert.ok(inputs.slice(3).every(([x]) => typeof x === "number" && x >= 10 && x < 20));
  });

  it("int and halfInteger stay in bounds; halfInteger values are exact .5 ties", () => {
    for (const [k, h] of generateInputs(block([{ int: [-3, 3] }, { halfInteger: [-3, 3] }], 300)) as number[][]) {
      assert.ok(Number.isInteger(k) && k >= -3 && k <= 3);
      assert.ok(h >= -2.5 && h <= 2.5 && h - Math.floor(h) === 0.5, `${h}`);
    }
    const seen = new Set(generateInputs(block([{ int: [0, 2] }], 200)).map(([k]) => k));
    assert.deepEqual([...seen].sort(), [0, 1, 2], "both bounds are reachable");
  });

  it("uniform with decimals rounds, and never yields -0", () => {
    for (const [x] of generateInputs(block([{ uniform: [-0.004, 0.004], decimals: 2 }], 100))) {
      assert.ok(x === 0 || x === -0.01 || x === 0.01 || Math.abs(x as number) <= 0.004, `${x}`);
      assert.equal(Object.is(x, -0), false);
    }
  });

  it("probabilities sum to 1, are non-negative, and have exactly the requested zeros", () => {
    for (const [p] of generateInputs(block([{ probabilities: { length: [3, 8], zeros: 2 } }], 100)) as number[][][]) {
      const sum = p.reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(sum - 1) <= 1e-12, `sum ${sum}`);
      assert.ok(p.every((v) => v >= 0));
      assert.equal(p.filter((v) => v === 0).length, 2, JSON.stringify(p));
    }
  });

  it("sameAs gives an array the length of an earlier argument of the same case", () => {
    const inputs = generateInputs(
      block([{ floatArray: { length: [1, 9], uniform: [0, 1] } }, { probabilities: { length: { sameAs: 0 } } }, { floatMatrix: { rows: { sameAs: 1 }, cols: 2, uniform: [0, 1] } }], 40),
    );
    for (const [a, b, m] of inputs as number[][][]) {
      assert.equal(b.length, a.length);
      assert.equal(m.length, a.length);
    }
  });

  it("logits of a large scale are large, for stability cases", () => {
    const [[logits]] = generateInputs(block([{ logits: { length: 50, scale: 1000, offset: 500 } }], 1)) as number[][][];
    assert.ok(Math.max(...logits) > 1000, `max ${Math.max(...logits)}`);
  });
});

describe("checkGenerateBlock(block)", () => {
  it("reports bounds in the wrong order, non-integer int bounds, a bad sameAs, and too many zeros", () => {
    const issues = checkGenerateBlock(
      block([
        { uniform: [2, 1] },
        { int: [0.5, 3] },
        { floatArray: { length: { sameAs: 3 }, uniform: [0, 1] } },
        { probabilities: { length: 2, zeros: 2 } },
        { intArray: { length: { sameAs: 0 }, int: [0, 1] } },
      ]),
    );
    assert.deepEqual(
      issues.map((i) => i.pointer),
      ["/args/0/uniform", "/args/1/int", "/args/2/floatArray/length/sameAs", "/args/3/probabilities/zeros", "/args/4/intArray/length/sameAs"],
    );
    assert.match(issues[4].message, /argument 0 is not generated as an array/);
  });

  it("accepts a well-formed block", () => {
    assert.deepEqual(checkGenerateBlock(block([{ floatArray: { length: 4, uniform: [0, 1] } }, { floatArray: { length: { sameAs: 0 }, uniform: [0, 1] } }])), []);
  });
});

describe("Prng and streamSeed", () => {
  it("Prng(seed).next() is in [0, 1) and reproducible", () => {
    const a = new Prng(42);
    const b = new Prng(42);
    for (let i = 0; i < 1000; i++) {
      const x = a.next();
      assert.equal(x, b.next());
      assert.ok(x >= 0 && x < 1);
    }
  });

  it("streamSeed separates cases and arguments", () => {
    assert.notEqual(streamSeed(1, 0, 1), streamSeed(1, 1, 0));
    assert.notEqual(streamSeed(1, 2, 0), streamSeed(2, 2, 0));
  });
});

describe("generatedVolume(block)", () => {
  it("counts numbers from the upper bounds of lengths, following sameAs, before anything is drawn", () => {
    const volume = generatedVolume(
      block(
        [
          { floatMatrix: { rows: [1, 8], cols: 16, uniform: [-1, 1] } },
          { floatArray: { length: { sameAs: 0 }, uniform: [0, 1] } },
          { int: [0, 3] },
          { choice: [[1, 2, 3], 4] },
        ],
        10,
      ),
    );
    assert.deepEqual(volume, { perArgument: [128, 8, 1, 3], perCase: 140, total: 1400 });
  });
});

describe("checkGenerateBlock(block, limits)", () => {
  it("refuses a 100000 × 100000 floatMatrix at the generator, without allocating it", () => {
    const issues = checkGenerateBlock(block([{ floatMatrix: { rows: 100000, cols: 100000, uniform: [-1, 1] } }], 1), { maxGeneratedValuesPerArgument: 65_536 });
    assert.deepEqual(
      issues.map((i) => i.pointer),
      ["/args/0/floatMatrix"],
    );
    assert.match(issues[0].message, /100000 × 100000 = 10,000,000,000 numbers for one case, above the limit of 65,536/);
  });

  it("accepts a generator exactly at the limit and refuses one number more", () => {
    const at = (length: number) => checkGenerateBlock(block([{ floatArray: { length: [1, length], uniform: [0, 1] } }], 1), { maxGeneratedValuesPerArgument: 100 });
    assert.deepEqual(at(100), []);
    assert.equal(at(101).length, 1);
  });
});
