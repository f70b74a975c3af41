/**
 * `compression-tutor check` on every seed exercise of the built-in pack: the reference solution exits 0,
 * a solution with one typical mistake exits 1 and says what is wrong.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { builtInPack, runCli } from "./support/runCli";

/** The seed exercises, with a phrase the wrong solution's output must contain. */
const seed: { id: string; says: RegExp }[] = [
  { id: "affine-quantization", says: /expected 2, got 3 at input \(2\.5, 1, 0\)/ },
  { id: "int4-scale", says: /expected 0\.3, got 0\.2625/ },
  { id: "memory-savings", says: /expected 26, got 24\.21/ },
  { id: "quantization-mse", says: /expected 0\.007499999999999999, got 0\.08333333333333333 .*mean absolute error/ },
  { id: "best-clipping", says: /expected 2, got 1/ },
  { id: "temperature-softmax", says: /first differing|at \[0\]: expected 0\.7310585786300049/ },
  { id: "kl-divergence", says: /expected 0\.0[0-9]+, got 0\.0[0-9]+/ },
  { id: "combined-loss", says: /expected 0\.55, got 0\.85/ },
  { id: "adapter-optimizer-memory", says: /expected 0\.16, got 0\.08/ },
  { id: "compression-checklist", says: /The limit is a ratio: measure after \/ before/ },
];

describe("compression-tutor check on the seed exercises", function () {
  this.timeout(180_000);
  // `check` stores compiled bundles in the cache folder: a folder of this test's own, not the user's.
  const saved = process.env.COMPRESSION_TUTOR_CACHE;
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-check-cache-"));
  before(() => {
    process.env.COMPRESSION_TUTOR_CACHE = cache;
  });
  after(() => {
    if (saved === undefined) delete process.env.COMPRESSION_TUTOR_CACHE;
    else process.env.COMPRESSION_TUTOR_CACHE = saved;
    fs.rmSync(cache, { recursive: true, force: true });
  });

  for (const { id, says } of seed) {
    it(`check ${id}/reference.ts exits 0; a wrong solution exits 1 and says why`, async () => {
      const right = await runCli(["check", path.join(builtInPack, id, "reference.ts"), "--exercise", path.join(builtInPack, id), "--timeout-ms", "10000"]);
      assert.equal(right.code, 0, right.stdout + right.stderr);
      assert.match(right.stdout, /^PASSED: (\d+)\/\1 passed/m);

      const wrong = await runCli(["check", path.join(__dirname, "fixtures", "seed-wrong", `${id}.ts`), "--exercise", path.join(builtInPack, id), "--timeout-ms", "10000"]);
      assert.equal(wrong.code, 1, wrong.stdout + wrong.stderr);
      assert.match(wrong.stdout, /✗/);
      assert.match(wrong.stdout, says);
      assert.match(wrong.stdout, new RegExp(`seed-wrong/${id}\\.ts:\\d+:\\d+: error:`));
    });
  }
});
