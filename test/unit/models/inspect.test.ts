/**
 * Every reader and scheme against expected.json, which fixtures/make_fixtures.py computed independently with
 * numpy (float64), ml_dtypes (FP8) and llama.cpp's gguf package, from files written to each format's spec.
 */
import * as assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { inspectModel, InspectReport, TensorReport } from "../../../src/models/inspect";
import { SCHEMES } from "../../../src/models/schemes";
import { FIXTURES, openFixture, rechunked } from "./helpers";

interface Expected {
  name: string;
  dtype: string;
  shape: number[];
  params: number;
  bytes: number;
  schemes: Record<string, { mse: number; sqnrDb: number | null; maxAbsError: number; bytes: number }>;
  stats?: { min: number; max: number; mean: number; std: number; beyond6Sigma: number; histogram: number[] | null };
}

const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, "expected.json"), "utf8")) as Record<string, Expected[]>;

function close(actual: number, wanted: number, relative: number, what: string): void {
  const ok = actual === wanted || Math.abs(actual - wanted) <= relative * Math.max(Math.abs(wanted), 1e-300);
  assert.ok(ok, `${what}: got ${actual}, numpy ${wanted}`);
}

function compare(actual: TensorReport, want: Expected, where: string): void {
  const at = `${where} ${want.name}`;
  assert.deepEqual({ name: actual.name, dtype: actual.dtype, shape: actual.shape, params: actual.params, bytes: actual.bytes }, {
    name: want.name,
    dtype: want.dtype,
    shape: want.shape,
    params: want.params,
    bytes: want.bytes,
  });
  assert.deepEqual(Object.keys(actual.schemes).sort(), Object.keys(want.schemes).sort(), `${at}: schemes`);
  for (const [scheme, w] of Object.entries(want.schemes)) {
    const a = actual.schemes[scheme as keyof typeof actual.schemes]!;
    assert.equal(a.bytes, w.bytes, `${at} ${scheme}: bytes`);
    close(a.mse, w.mse, 1e-9, `${at} ${scheme}: mse`);
    close(a.maxAbsError, w.maxAbsError, 1e-12, `${at} ${scheme}: max abs error`);
    if (w.sqnrDb === null) assert.equal(a.sqnrDb, null, `${at} ${scheme}: sqnr`);
    else close(a.sqnrDb!, w.sqnrDb, 1e-9, `${at} ${scheme}: sqnr`);
  }
  if (want.stats) {
    const s = actual.stats!;
    close(s.min, want.stats.min, 0, `${at}: min`);
    close(s.max, want.stats.max, 0, `${at}: max`);
    close(s.mean, want.stats.mean, 1e-9, `${at}: mean`);
    close(s.std, want.stats.std, 1e-6, `${at}: std`);
    assert.equal(s.beyond6Sigma, want.stats.beyond6Sigma, `${at}: share beyond 6σ`);
    if (want.stats.histogram) assert.deepEqual(s.histogram, want.stats.histogram, `${at}: histogram`);
  }
}

/** Deep equality, with sums (mse, sqnrDb, mean, std) allowed to differ by a relative 1e-12. */
export function sameUpToSummation(actual: unknown, expected: unknown, at: string): void {
  if (typeof expected === "number" && typeof actual === "number") {
    if (/\.(mse|sqnrDb|mean|std)$/.test(at)) close(actual, expected, 1e-12, at);
    else assert.ok(Object.is(actual, expected), `${at}: ${actual} ≠ ${expected}`);
    return;
  }
  if (expected === null || typeof expected !== "object") return assert.equal(actual, expected, at);
  assert.deepEqual(Object.keys(actual as object), Object.keys(expected), at);
  for (const [k, v] of Object.entries(expected)) sameUpToSummation((actual as Record<string, unknown>)[k], v, `${at}.${k}`);
}

describe("inspect: readers and schemes against numpy", () => {
  for (const file of Object.keys(expected).concat("sharded/model.safetensors.index.json")) {
    const want = expected[file] ?? expected["model.safetensors"];
    it(`${file}: every tensor's dtype, row-major shape, bytes and every scheme's MSE, SQNR, max error and bytes`, async () => {
      const model = await openFixture(file);
      const report = await inspectModel(file, model, { schemes: SCHEMES });
      assert.equal(report.tensors.length, want.length);
      report.tensors.forEach((t, i) => compare(t, want[i], file));
    });
  }

  it("results do not depend on how the bytes are chunked (elements, blocks and groups split anywhere)", async () => {
    const model = await openFixture("model.safetensors");
    const whole = await inspectModel("m", model, { schemes: SCHEMES });
    for (const sizes of [[1], [7, 13, 3], [129, 2, 511], [4096]]) {
      const split = { ...model, tensors: model.tensors.map((t) => ({ ...t, data: t.data && rechunked(t.data, sizes) })) };
      const r = await inspectModel("m", split, { schemes: SCHEMES });
      // Sums are grouped per chunk (four lanes per call), so they may differ in the last bits; nothing else may.
      sameUpToSummation(r, whole, `chunks of ${sizes.join(",")}`);
    }
  });

  it("totals add up the tensors; --tensors style filters and progress reach the total", async () => {
    const model = await openFixture("model.safetensors");
    const seen: number[] = [];
    let total = 0;
    const r: InspectReport = await inspectModel("m", model, {
      schemes: ["q4_0", "int8-per-channel"],
      filter: (n) => n.startsWith("layers."),
      onProgress: (done, t) => {
        seen.push(done);
        total = t;
      },
    });
    assert.deepEqual(r.tensors.map((t) => t.name), ["layers.0.attn.q_proj.weight", "layers.0.mlp.up.weight", "layers.0.mlp.down.weight", "layers.0.norm.bias"]);
    assert.equal(r.totals.params, 240 + 1200 + 1050 + 77);
    assert.equal(r.totals.schemes.q4_0!.bytes, r.tensors.reduce((n, t) => n + t.schemes.q4_0!.bytes, 0));
    assert.equal(seen.at(-1), total);
    assert.equal(total, 2 * r.totals.bytes);
  });

  it("cancellation stops between chunks with 'inspection cancelled'", async () => {
    const model = await openFixture("model.safetensors");
    await assert.rejects(inspectModel("m", model, { schemes: ["q4_0"], isCancelled: () => true }), /inspection cancelled/);
  });

  it("GGUF keeps its metadata and lists quantized tensors with their stored bytes", async () => {
    const model = await openFixture("model.gguf");
    assert.equal(model.metadata["test.answer"], 42);
    assert.deepEqual(model.metadata["test.list"], [1, 2, 3]);
    assert.equal(model.metadata["general.architecture"], "llama");
    const q = model.tensors.find((t) => t.dtype === "Q8_0")!;
    assert.equal(q.data, undefined);
  });
});
