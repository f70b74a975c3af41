/**
 * Streaming keeps memory bounded: a sparse safetensors file much larger than the memory the inspection may use
 * is inspected in a child process whose peak resident set is measured. The unit run uses 384 MiB (a few
 * seconds); MODEL_SPARSE_BYTES=5000000000 runs the 5 GB version of the issue.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const FILE_BYTES = Number(process.env.MODEL_SPARSE_BYTES ?? 384 * 1024 * 1024);
/** What the inspection may add to a bare Node + tsx process: chunks, decoded values, the report. */
const BUDGET_BYTES = 160 * 1024 * 1024;

function sparseSafetensors(file: string, bytes: number): { rows: number; cols: number } {
  const cols = 4096;
  const rows = Math.floor(bytes / 4 / cols);
  const header = new TextEncoder().encode(JSON.stringify({ "big.weight": { dtype: "F32", shape: [rows, cols], data_offsets: [0, rows * cols * 4] } }));
  const prefix = Buffer.alloc(8 + header.length);
  prefix.writeBigUInt64LE(BigInt(header.length), 0);
  prefix.set(header, 8);
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, prefix);
  fs.ftruncateSync(fd, prefix.length + rows * cols * 4); // a hole: zeros that take no disk
  fs.closeSync(fd);
  return { rows, cols };
}

function peakRss(script: string): { maxRssBytes: number; stdout: string } {
  const r = spawnSync(process.execPath, ["--require", "tsx/cjs", "-e", script], { encoding: "utf8", cwd: path.resolve(__dirname, "../../..") });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split("\n");
  return { maxRssBytes: Number(lines.at(-1)) * 1024, stdout: lines.slice(0, -1).join("\n") };
}

describe("inspect streams in bounded memory", function () {
  this.timeout(600_000);
  it(`a ${(FILE_BYTES / 2 ** 20).toFixed(0)} MiB sparse safetensors file peaks within ${BUDGET_BYTES / 2 ** 20} MiB above a bare process`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sparse-"));
    try {
      const file = path.join(dir, "big.safetensors");
      const { rows, cols } = sparseSafetensors(file, FILE_BYTES);
      const bare = peakRss(`require("./src/models/inspect"); console.log(process.resourceUsage().maxRSS)`);
      const run = peakRss(`
        const { main } = require("./src/cli/main");
        let out = "";
        const io = { stdout: (t) => (out += t), stderr: (t) => process.stderr.write(t), isTerminal: false, cwd: process.cwd() };
        main(["inspect", ${JSON.stringify(file)}, "--schemes", "int8-per-channel,q4_0", "--format", "json"], io).then((code) => {
          if (code !== 0) process.exit(code);
          console.log(out.length);
          console.log(process.resourceUsage().maxRSS);
        });`);
      const added = run.maxRssBytes - bare.maxRssBytes;
      if (process.env.MODEL_SPARSE_BYTES) console.log(`      peak RSS +${(added / 2 ** 20).toFixed(0)} MiB over a bare process (${(bare.maxRssBytes / 2 ** 20).toFixed(0)} MiB)`);
      assert.ok(added < BUDGET_BYTES, `peak RSS grew by ${(added / 2 ** 20).toFixed(0)} MiB for a ${(FILE_BYTES / 2 ** 20).toFixed(0)} MiB file`);
      assert.ok(Number(run.stdout) > 0);
      assert.ok(rows * cols * 4 > 2 * BUDGET_BYTES, "the file must be well above the budget to show anything");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
