/**
 * inspectModelFile on worker threads: the threads run the built worker script (bundled here with esbuild into a
 * temporary folder, as npm run build does into dist/inspect/tensors.js), and the report, the error of a damaged
 * file and the progress are the same as on one thread.
 */
import * as assert from "node:assert/strict";
import * as esbuild from "esbuild";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ModelFileError } from "../../../src/models/file";
import { inspectModelFile } from "../../../src/models/node/inspectFile";
import { SCHEMES } from "../../../src/models/schemes";
import { FIXTURES } from "./helpers";

describe("inspectModelFile on threads", function () {
  this.timeout(60_000);
  let dir: string;
  let workerScript: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "inspect-threads-"));
    workerScript = path.join(dir, "inspect", "tensors.js");
    await esbuild.build({
      entryPoints: [path.resolve(__dirname, "../../../src/models/node/tensorWorker.ts")],
      outfile: workerScript,
      bundle: true,
      platform: "node",
      format: "cjs",
      logLevel: "silent",
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const fixture of ["model.safetensors", "model.gguf", "arrays.npz", "sharded/model.safetensors.index.json"]) {
    it(`${fixture}: the report on 2 and 3 threads is the one of a single thread, bit for bit`, async () => {
      const file = path.join(FIXTURES, fixture);
      const single = await inspectModelFile(file, fixture, { schemes: SCHEMES, threads: 1 });
      for (const threads of [2, 3]) {
        let last = 0;
        let total = 0;
        const parallel = await inspectModelFile(file, fixture, {
          schemes: SCHEMES,
          threads,
          workerScript,
          onProgress: (done, all) => {
            assert.ok(done > last, "progress only grows");
            last = done;
            total = all;
          },
        });
        assert.deepEqual(parallel, single);
        assert.equal(last, total, "progress reaches the total");
      }
    });
  }

  it("a damaged file fails with the error of the first damaged tensor in file order, as on one thread", async () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, "arrays-compressed.npz"));
    const damaged = (shares: number[]) => {
      const b = Buffer.from(bytes);
      for (const share of shares) for (let i = Math.floor(b.length * share), end = i + 40; i < end; i++) b[i] ^= 0x5a;
      return b;
    };
    // Damage in the deflate streams shows only when a thread reads that tensor's values, not when the file opens.
    // b.npy comes before w.npy in the archive: damaged both, b is the one to report.
    for (const shares of [[0.2], [0.2, 0.6]]) {
      const file = path.join(dir, "damaged.npz");
      fs.writeFileSync(file, damaged(shares));
      const errorOf = (threads: number) =>
        inspectModelFile(file, "damaged.npz", { schemes: SCHEMES, threads, workerScript }).then(
          () => assert.fail("a damaged file was inspected"),
          (e: unknown) => e,
        );
      const single = await errorOf(1);
      assert.ok(single instanceof ModelFileError, String(single));
      assert.match(single.message, shares.length === 1 ? /member w\.npy/ : /member b\.npy/);
      for (const threads of [2, 3]) {
        const parallel = await errorOf(threads);
        assert.ok(parallel instanceof ModelFileError, String(parallel));
        assert.equal(parallel.message, single.message);
      }
    }
  });

  it("a file under MIN_BYTES_FOR_THREADS of values starts no thread unless told to", async () => {
    const file = path.join(FIXTURES, "model.safetensors");
    const missing = path.join(dir, "no-such-worker.js"); // a thread started from it would fail the inspection
    const byDefault = await inspectModelFile(file, "m", { schemes: SCHEMES, workerScript: missing });
    assert.equal(byDefault.tensors.length, 11);
    await assert.rejects(inspectModelFile(file, "m", { schemes: SCHEMES, threads: 2, workerScript: missing }));
  });

  it("a cancelled inspection stops the threads and says so", async () => {
    let calls = 0;
    await assert.rejects(
      inspectModelFile(path.join(FIXTURES, "model.safetensors"), "m", { schemes: SCHEMES, threads: 2, workerScript, isCancelled: () => ++calls > 1 }),
      /inspection cancelled/,
    );
  });
});
