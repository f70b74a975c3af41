/** Shared by the model-file tests: the fixtures folder, opening a fixture, and re-chunking a tensor's bytes. */
import fs from "node:fs";
import path from "node:path";
import { ModelFile, bytesFile } from "../../../src/models/file";
import { openModel } from "../../../src/models/open";
import { ModelIndex, TensorData } from "../../../src/models/tensor";

export const FIXTURES = path.join(__dirname, "fixtures");

/** Opens a fixture from memory (so tests can also hand in damaged copies of it). */
export async function openFixture(relative: string, bytes?: Uint8Array): Promise<ModelIndex> {
  const file = bytesFile(relative, bytes ?? fs.readFileSync(path.join(FIXTURES, relative)));
  return openModel(file, async (sibling) => bytesFile(path.join(path.dirname(relative), sibling), fs.readFileSync(path.join(FIXTURES, path.dirname(relative), sibling))));
}

/** The same bytes handed over in chunks of the given sizes (cycled), splitting elements and blocks anywhere. */
export function rechunked(data: TensorData, sizes: number[]): TensorData {
  return {
    ...data,
    async *open() {
      let k = 0;
      for await (const chunk of data.open()) {
        for (let at = 0; at < chunk.length; ) {
          const n = sizes[k++ % sizes.length];
          yield chunk.subarray(at, at + n);
          at += n;
        }
      }
    },
  };
}

export type { ModelFile };
