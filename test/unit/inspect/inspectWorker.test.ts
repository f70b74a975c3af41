/** The Inspect panel's Worker on its own: the messages it answers, in a real worker_threads Worker. */
import * as assert from "node:assert/strict";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { FromInspectWorker, ToInspectWorker } from "../../../src/protocol/inspectMessages";

const FIXTURES = path.resolve(__dirname, "../models/fixtures");
const SCRIPT = path.resolve(__dirname, "../../../src/inspect/inspectWorker.ts");

/** Starts the worker from source, sends one request and collects what it posts until a final answer. */
function ask(request: ToInspectWorker): Promise<FromInspectWorker[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SCRIPT, { execArgv: ["--require", "tsx/cjs"] });
    const seen: FromInspectWorker[] = [];
    worker.on("message", (m: FromInspectWorker) => {
      seen.push(m);
      if (m.type !== "progress") {
        void worker.terminate();
        resolve(seen);
      }
    });
    worker.on("error", reject);
    worker.postMessage(request);
  });
}

describe("inspect worker", function () {
  this.timeout(60_000);
  it("answers an inspection with its report (the CLI's), after progress that reaches the total", async () => {
    const file = path.join(FIXTURES, "model.safetensors");
    const seen = await ask({ type: "inspect", file, schemes: ["q4_0", "int8-per-channel"] });
    const last = seen.at(-1)!;
    assert.equal(last.type, "report");
    if (last.type !== "report") return;
    assert.equal(last.report.tensors.length, 11);
    assert.deepEqual(Object.keys(last.report.totals.schemes), ["q4_0", "int8-per-channel"]);
    const progress = seen.filter((m) => m.type === "progress");
    assert.ok(progress.length >= 1);
    const final = progress.at(-1)!;
    if (final.type === "progress") assert.equal(final.done, final.total);
  });

  it("reads a tensor's values for the playground, row-major, whole rows only", async () => {
    const file = path.join(FIXTURES, "model.safetensors");
    const [all] = await ask({ type: "values", file, tensor: "layers.0.attn.q_proj.weight", maxValues: 1 << 20 });
    assert.equal(all.type, "values");
    if (all.type === "values") {
      assert.deepEqual(all.shape, [6, 40]);
      assert.equal(all.values.length, 240);
      assert.equal(all.values[2 * 40 + 7], 40); // the outlier make_fixtures.py planted at [2, 7]
    }
    const [part] = await ask({ type: "values", file, tensor: "layers.0.attn.q_proj.weight", maxValues: 100 });
    if (part.type === "values") assert.deepEqual(part.shape, [2, 40]);
    else assert.fail(JSON.stringify(part));
  });

  it("reports a damaged file or an unknown tensor as failed, with the file's name", async () => {
    const [bad] = await ask({ type: "inspect", file: path.join(FIXTURES, "expected.json"), schemes: ["q4_0"] });
    assert.equal(bad.type, "failed");
    if (bad.type === "failed") assert.match(bad.message, /expected\.json/);
    const [missing] = await ask({ type: "values", file: path.join(FIXTURES, "model.safetensors"), tensor: "nope", maxValues: 10 });
    assert.equal(missing.type, "failed");
  });
});
