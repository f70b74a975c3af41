/**
 * The extension loads packs it discovers in a Worker: the same problems as the CLI, and a pack that would exhaust
 * the heap or the time budget costs that pack one problem, never the process that asked.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { formatProblem } from "../../../src/packs/formatProblem";
import { loadPackFromDisk } from "../../../src/packs/node/loadPackFromDisk";
import { loadPackInWorker } from "../../../src/packs/node/loadPackInWorker";
import { packWorkerScript } from "./support/buildPackWorker";

const broken = path.join(__dirname, "fixtures", "broken");
const builtIn = path.resolve(__dirname, "..", "..", "..", "exercises", "quantization-distillation");

describe("loadPackInWorker(dir, options)", function () {
  this.timeout(60_000);
  let workerScript: string;

  before(async () => {
    workerScript = await packWorkerScript();
  });

  it("loads the built-in pack to the same PackSpec as loading it in this thread", async () => {
    const [inWorker, here] = await Promise.all([loadPackInWorker(builtIn, { workerScript }), loadPackFromDisk(builtIn)]);
    assert.deepEqual(inWorker.problems, here.problems);
    assert.equal(inWorker.pack?.exercises.length, here.pack?.exercises.length);
    assert.deepEqual(JSON.parse(JSON.stringify(inWorker.pack)), JSON.parse(JSON.stringify(here.pack)));
  });

  for (const name of ["generator-matrix-too-large", "json-too-deep", "json-proto-key", "invalid-utf8-prompt"]) {
    it(`${name}: the same located problems as validate`, async () => {
      const dir = path.join(broken, name);
      const { pack, problems } = await loadPackInWorker(dir, { workerScript });
      assert.equal(pack?.exercises.length ?? 0, 0, "the broken exercise is left out");
      const expected = (await loadPackFromDisk(dir)).problems.map((p) => formatProblem(p));
      assert.deepEqual(
        problems.map((p) => formatProblem(p)),
        expected,
      );
    });
  }

  it("with the static limits lifted, a 100000 × 100000 floatMatrix exhausts the Worker's heap only: one problem, this process unharmed", async () => {
    const dir = path.join(broken, "generator-matrix-too-large");
    const limits = { maxGeneratedValuesPerArgument: Infinity, maxGeneratedValuesPerExercise: Infinity, maxGeneratedValuesPerPack: Infinity };
    const { pack, problems } = await loadPackInWorker(dir, { workerScript, limits, maxHeapMb: 32 });
    assert.equal(pack, undefined);
    assert.equal(problems.length, 1);
    assert.equal(formatProblem(problems[0], (f) => path.relative(dir, f)), "pack.json:1:1: error: loading the pack needed more than 32 MB and was stopped; a pack is small teaching material, so look for a huge file or generator [load-failed]");
  });

  it("a load over its time budget is stopped and reported at pack.json", async () => {
    const { problems } = await loadPackInWorker(builtIn, { workerScript, timeoutMs: 1 });
    assert.deepEqual(
      problems.map((p) => [path.basename(p.file), p.code]),
      [["pack.json", "load-failed"]],
    );
    assert.match(problems[0].message, /took longer than 0.001 s and was stopped/);
  });
});
