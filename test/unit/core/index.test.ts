import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as semver from "semver";
import * as core from "../../../src/core";

const CORE_DIR = path.join(__dirname, "..", "..", "..", "src", "core");
const sources = fs.readdirSync(CORE_DIR).filter((f) => f.endsWith(".ts"));

describe("the core's public surface", () => {
  it("CORE_VERSION is the semver 1.0.0", () => {
    assert.equal(core.CORE_VERSION, "1.0.0");
    assert.ok(semver.valid(core.CORE_VERSION));
  });

  it("exports every function the issue names, each listed in CORE_FUNCTIONS", () => {
    const names = [
      "round", "integerRange", "symmetricScale", "affineQParams", "symmetricQParams", "quantize", "dequantize",
      "quantizeArray", "dequantizeArray", "fakeQuantize", "groupQuantize", "groupDequantize", "clipSearch",
      "nf4Quantize", "nf4Dequantize", "fp8Round", "q4_0Quantize", "q4_0Dequantize", "q8_0Quantize", "q8_0Dequantize",
      "mse", "mae", "maxAbsError", "sqnrDb", "memoryBytes", "toGB", "toGiB", "bitsPerWeight", "kvCacheBytes",
      "trainingMemory", "softmax", "logSoftmax", "entropy", "crossEntropy", "klDivergence", "jsDivergence",
      "distillationLoss", "combinedLoss", "reductionFactor", "adamMomentsBytes", "argminFirst", "bestClipFromCurve",
      "reverseKl", "klContributions", "temperatureSweep", "perChannelQuantize", "perTensorVsPerChannelMse",
    ];
    for (const name of names) {
      assert.equal(typeof (core as Record<string, unknown>)[name], "function", `${name} is not exported`);
      assert.equal(core.CORE_FUNCTIONS[name], (core as Record<string, unknown>)[name], `${name} is not in CORE_FUNCTIONS`);
    }
  });

  it("CORE_FUNCTIONS holds exactly the exported functions (apart from isCoreFunctionName) and is frozen", () => {
    const exported = Object.entries(core)
      .filter(([name, v]) => typeof v === "function" && name !== "isCoreFunctionName")
      .map(([name]) => name)
      .sort();
    assert.deepEqual(Object.keys(core.CORE_FUNCTIONS).sort(), exported);
    assert.ok(Object.isFrozen(core.CORE_FUNCTIONS));
  });

  it('isCoreFunctionName("toString") is false and isCoreFunctionName("softmax") true', () => {
    assert.equal(core.isCoreFunctionName("toString"), false);
    assert.equal(core.isCoreFunctionName("softmax"), true);
  });

  it("src/core imports nothing outside itself: no vscode, no node:*", () => {
    for (const file of sources) {
      const text = fs.readFileSync(path.join(CORE_DIR, file), "utf8");
      for (const m of text.matchAll(/from\s+"([^"]+)"/g)) {
        assert.ok(m[1].startsWith("./"), `${file} imports "${m[1]}"`);
      }
      assert.doesNotMatch(text, /\brequire\(/, `${file} calls require`);
    }
  });

  it("every function in CORE_FUNCTIONS is documented with its formula's @param, @returns, @throws and @example", () => {
    const all = sources.map((f) => fs.readFileSync(path.join(CORE_DIR, f), "utf8")).join("\n");
    for (const name of Object.keys(core.CORE_FUNCTIONS)) {
      const at = all.indexOf(`export function ${name}(`);
      assert.ok(at >= 0, `no "export function ${name}(" in src/core`);
      const docEnd = all.lastIndexOf("*/", at);
      const doc = all.slice(all.lastIndexOf("/**", docEnd), docEnd);
      assert.ok(all.slice(docEnd, at).trim() === "*/", `${name} has no doc comment right above it`);
      for (const tag of ["@returns", "@throws", "@example"]) assert.ok(doc.includes(tag), `${name}'s doc comment lacks ${tag}`);
    }
  });

  it("every function rejects a call with no arguments with an error naming itself", () => {
    const noArgsOk = new Set<string>(); // none: every core function needs input
    for (const [name, fn] of Object.entries(core.CORE_FUNCTIONS)) {
      if (noArgsOk.has(name)) continue;
      assert.throws(() => fn(), (e: Error) => e.message.startsWith(`${name}: `), `${name}() did not throw a "${name}: …" error`);
    }
  });
});
