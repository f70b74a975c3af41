/** `compression-tutor inspect` end to end in-process: the JSON shape of the issue, CSV, table, exit codes. */
import * as assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CliIo } from "../../../src/cli/io";
import { main } from "../../../src/cli/main";
import { FIXTURES } from "./helpers";

async function run(args: string[], isTerminal = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTerminal, cwd: FIXTURES };
  const code = await main(["inspect", ...args], io);
  return { code, stdout, stderr };
}

describe("compression-tutor inspect", () => {
  it("--format json has exactly the issue's shape", async () => {
    const r = await run(["model.safetensors", "--schemes", "int8-per-channel,q4_0", "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(report), ["file", "format", "tensors", "totals"]);
    assert.equal(report.file, "model.safetensors");
    assert.equal(report.format, "safetensors");
    for (const t of report.tensors) {
      for (const key of ["name", "dtype", "shape", "params", "bytes", "schemes"]) assert.ok(key in t, `tensor lacks ${key}`);
      assert.deepEqual(Object.keys(t.schemes), ["int8-per-channel", "q4_0"]);
      for (const s of Object.values(t.schemes) as object[]) assert.deepEqual(Object.keys(s), ["mse", "sqnrDb", "maxAbsError", "bytes"]);
    }
    assert.deepEqual(Object.keys(report.totals), ["params", "bytes", "schemes"]);
    assert.deepEqual(Object.keys(report.totals.schemes), ["int8-per-channel", "q4_0"]);
  });

  it("--tensors filters by glob; csv has one column per scheme field; the table totals per scheme", async () => {
    const csv = await run(["model.gguf", "--tensors", "blk.0.*_up.*", "--format", "csv", "--schemes", "q8_0"]);
    assert.equal(csv.code, 0, csv.stderr);
    const lines = csv.stdout.trim().split("\n");
    assert.equal(lines[0], "name,dtype,shape,params,bytes,q8_0.mse,q8_0.sqnrDb,q8_0.maxAbsError,q8_0.bytes");
    assert.equal(lines.length, 2);
    assert.match(lines[1], /^blk\.0\.ffn_up\.weight,F16,4x300,1200,2400,/);
    const table = await run(["sharded/model.safetensors.index.json"]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /11 tensors, .* stored \(safetensors-sharded\)/);
    assert.match(table.stdout, /q4_0: [\d.]+ kB/);
  });

  it("draws a progress bar on a terminal only, and clears it", async () => {
    const quiet = await run(["weights.npy"]);
    assert.equal(quiet.stderr, "");
    // Tiny files finish before the first redraw interval: the bar may or may not show, but never stays.
    const tty = await run(["weights.npy"], true);
    assert.ok(tty.stderr === "" || tty.stderr.endsWith("\r\x1b[K"), JSON.stringify(tty.stderr));
  });

  it("exits 2 with one line for a truncated file, a missing file, an unknown scheme, a glob matching nothing, a bad --threads", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inspect-"));
    try {
      const bytes = fs.readFileSync(path.join(FIXTURES, "model.safetensors"));
      fs.writeFileSync(path.join(dir, "cut.safetensors"), bytes.subarray(0, bytes.length - 100));
      const cases: [string[], RegExp][] = [
        [[path.join(dir, "cut.safetensors")], /^compression-tutor inspect: .*cut\.safetensors: at byte \d+: truncated: tensor "wide\.range" ends at byte \d+ but the file has \d+\n$/],
        [["nope.safetensors"], /^compression-tutor inspect: nope\.safetensors: cannot open: ENOENT\n$/],
        [["model.safetensors", "--schemes", "int3"], /^compression-tutor inspect: unknown scheme "int3"; choose from int8-per-tensor, .*\n$/],
        [["model.safetensors", "--tensors", "nothing.*"], /^compression-tutor inspect: no tensor of model\.safetensors matches "nothing\.\*"\n$/],
        [[], /^compression-tutor inspect: give exactly one model file/],
        [["model.safetensors", "--threads", "0"], /^compression-tutor inspect: --threads takes a whole number from 1 to 4, not "0"\n$/],
        [["model.safetensors", "--threads", "two"], /^compression-tutor inspect: --threads takes a whole number from 1 to 4, not "two"\n$/],
      ];
      for (const [args, message] of cases) {
        const r = await run(args);
        assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
        assert.match(r.stderr, message);
        assert.equal(r.stderr.trim().split("\n").length, 1);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
