/**
 * Damaged files: every prefix of every fixture, corrupted header bytes, and hand-made malformed headers must end
 * in a ModelFileError that names the file (and the byte offset where one is known), or, for a damage the format
 * cannot see, in a normal report: never a TypeError, a RangeError, a hang or an allocation of a claimed size.
 */
import * as assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ModelFileError, bytesFile } from "../../../src/models/file";
import { inspectModel } from "../../../src/models/inspect";
import { openModel } from "../../../src/models/open";
import { SCHEMES } from "../../../src/models/schemes";
import { FIXTURES } from "./helpers";

const FILES = ["model.safetensors", "model.gguf", "weights.npy", "big-endian.npy", "arrays.npz", "arrays-compressed.npz"];

async function inspectBytes(name: string, bytes: Uint8Array): Promise<unknown> {
  const model = await openModel(bytesFile(name, bytes), async () => {
    throw new ModelFileError(name, undefined, "no siblings here");
  });
  return inspectModel(name, model, { schemes: SCHEMES });
}

async function expectCleanFailureOrReport(name: string, bytes: Uint8Array, what: string): Promise<"error" | "report"> {
  try {
    await inspectBytes(name, bytes);
    return "report";
  } catch (error) {
    assert.ok(error instanceof ModelFileError, `${what}: ${error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error)}`);
    assert.ok(error.message.startsWith(`${name}: `), `${what}: message does not name the file: ${error.message}`);
    return "error";
  }
}

function safetensors(header: unknown, data = new Uint8Array(0)): Uint8Array {
  const json = new TextEncoder().encode(typeof header === "string" ? header : JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

describe("damaged model files fail cleanly, naming the file and the offset", function () {
  this.timeout(60_000);
  for (const file of FILES) {
    it(`${file}: every truncation fails with a ModelFileError`, async () => {
      const bytes = fs.readFileSync(path.join(FIXTURES, file));
      const step = Math.max(1, Math.floor(bytes.length / 300));
      for (let cut = 0; cut < bytes.length; cut += step) {
        const outcome = await expectCleanFailureOrReport(file, bytes.subarray(0, cut), `cut at ${cut}`);
        // GGUF pads the data after its last tensor to the alignment (32): cutting only padding loses nothing.
        const padding = file.endsWith(".gguf") ? 32 : 0;
        if (cut < bytes.length - padding) assert.equal(outcome, "error", `${file} cut at ${cut} of ${bytes.length} was accepted`);
      }
    });
    it(`${file}: corrupted bytes in the first 512 give a clean error or a report`, async () => {
      const bytes = fs.readFileSync(path.join(FIXTURES, file));
      for (let at = 0; at < Math.min(512, bytes.length); at += 3) {
        for (const value of [0x00, 0xff, 0x7f, 0x22]) {
          const copy = new Uint8Array(bytes);
          copy[at] = value;
          await expectCleanFailureOrReport(file, copy, `byte ${at} = ${value}`);
        }
      }
    });
  }

  it("safetensors: the errors say what is wrong and where", async () => {
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(4), /m\.safetensors: at byte 0: truncated: the 8-byte header length/],
      [safetensors("{not json"), /at byte 8: the header is not valid UTF-8 JSON/],
      [safetensors([1, 2]), /the header is not a JSON object/],
      [safetensors({ t: { dtype: "F99", shape: [1], data_offsets: [0, 4] } }), /tensor "t": unknown dtype "F99"/],
      [safetensors({ t: { dtype: "F32", shape: [-1], data_offsets: [0, 4] } }), /shape must be a list of non-negative integers/],
      [safetensors({ t: { dtype: "F32", shape: [2], data_offsets: [0, 4] } }), /holds 4 bytes but F32\[2\] needs 8/],
      [safetensors({ t: { dtype: "F32", shape: [1], data_offsets: [4, 0] } }), /data_offsets must be \[begin, end\]/],
      [safetensors({ t: { dtype: "F32", shape: [4], data_offsets: [0, 16] } }, new Uint8Array(8)), /at byte \d+: truncated: tensor "t" ends at byte/],
    ];
    for (const [bytes, message] of cases) await assert.rejects(inspectBytes("m.safetensors", bytes), message);
    const huge = new Uint8Array(16);
    new DataView(huge.buffer).setBigUint64(0, 1n << 40n, true);
    await assert.rejects(inspectBytes("m.safetensors", huge), /header length 1099511627776 exceeds/);
  });

  it("GGUF, npy and npz: wrong magic, unsupported layouts and absurd counts are named", async () => {
    await assert.rejects(inspectBytes("m.gguf", new TextEncoder().encode("GGUX\x03\0\0\0")), /m\.gguf: at byte 0: not a GGUF file/);
    const gguf = new Uint8Array(fs.readFileSync(path.join(FIXTURES, "model.gguf")));
    new DataView(gguf.buffer).setBigUint64(8, 1n << 50n, true); // tensor count
    await assert.rejects(inspectBytes("m.gguf", gguf), /implausible counts/);
    await assert.rejects(inspectBytes("m.npy", new TextEncoder().encode("NUMPY not really")), /m\.npy: at byte 0: not a \.npy array/);
    const header = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }".padEnd(118) + "\n";
    const fortran = Uint8Array.from([0x93, ...new TextEncoder().encode("NUMPY"), 1, 0, header.length, 0, ...new TextEncoder().encode(header), ...new Uint8Array(16)]);
    await assert.rejects(inspectBytes("m.npy", fortran), /Fortran-order arrays are not supported/);
    await assert.rejects(inspectBytes("m.npz", new Uint8Array(100)), /m\.npz: at byte 100: not a zip archive/);
  });
});
