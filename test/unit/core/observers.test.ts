/**
 * The core's observers against PyTorch itself: fixtures/core/observer_vectors.json holds what torch's
 * MinMaxObserver returned, for default, reduce_range and custom ranges, affine and symmetric, each case also
 * reproduced by a float32 numpy emulation of _calculate_qparams (generate_observer_vectors.py). Exact equality:
 * the scale is a float32 value and the zero point an integer.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { affineQParams, symmetricQParams, type QParams } from "../../../src/core";

interface ObserverCase {
  fn: "affineQParams" | "symmetricQParams";
  args: unknown[];
  expected: { scale: number; zeroPoint: number };
  note: string;
}

const file = path.join(__dirname, "..", "fixtures", "core", "observer_vectors.json");
const { torch, cases } = JSON.parse(fs.readFileSync(file, "utf8")) as { torch: string; cases: ObserverCase[] };

describe(`affineQParams and symmetricQParams equal torch ${torch}'s MinMaxObserver`, () => {
  it("the vectors cover default, reduce_range and custom ranges, affine and symmetric", () => {
    const notes = new Set(cases.map((c) => c.note));
    for (const note of ["quint8 reduce_range symmetric", "quint8 custom uint4 [0, 15] symmetric", "quint8 custom [0, 255] symmetric", "qint8 custom int4 [-8, 7] affine", "qint8 reduce_range affine"]) {
      assert.ok(notes.has(note), `no case for ${note}`);
    }
    assert.ok(cases.length >= 500, `${cases.length} cases`);
  });

  for (const fn of ["affineQParams", "symmetricQParams"] as const) {
    it(`${fn}(…) equals PyTorch on every case, bit for bit`, () => {
      const failures: string[] = [];
      for (const c of cases.filter((c) => c.fn === fn)) {
        const got: QParams = fn === "affineQParams" ? affineQParams(...(c.args as Parameters<typeof affineQParams>)) : symmetricQParams(...(c.args as Parameters<typeof symmetricQParams>));
        if (got.scale !== c.expected.scale || got.zeroPoint !== c.expected.zeroPoint) {
          failures.push(`${fn}(${JSON.stringify(c.args)}) [${c.note}]: got ${JSON.stringify(got)}, torch ${JSON.stringify(c.expected)}`);
        }
      }
      assert.deepEqual(failures.slice(0, 10), [], `${failures.length} cases differ`);
    });
  }
});
