/** The GGUF reader against @huggingface/gguf (a well-kept parser) on the fixture gguf-py wrote: same table, same metadata. */
import * as assert from "node:assert/strict";
import path from "node:path";
import { gguf } from "@huggingface/gguf";
import { GGML_TYPES } from "../../../src/models/gguf";
import { FIXTURES, openFixture } from "./helpers";

describe("GGUF reader = @huggingface/gguf", () => {
  it("tensor names, ggml types, dimensions (ours row-major, theirs fastest first) and metadata agree", async () => {
    const theirs = await gguf(path.join(FIXTURES, "model.gguf"), { allowLocalFile: true });
    const ours = await openFixture("model.gguf");
    assert.deepEqual(
      ours.tensors.map((t) => ({ name: t.name, dtype: t.dtype, shape: t.shape })),
      theirs.tensorInfos.map((t) => ({ name: t.name, dtype: GGML_TYPES[Number(t.dtype)].name, shape: t.shape.map(Number).reverse() })),
    );
    for (const [key, value] of Object.entries(theirs.metadata)) {
      if (key === "version" || key === "tensor_count" || key === "kv_count") continue;
      assert.deepEqual(ours.metadata[key], typeof value === "bigint" ? Number(value) : value, key);
    }
    assert.equal(ours.metadata["gguf.version"], Number(theirs.metadata.version));
  });
});
