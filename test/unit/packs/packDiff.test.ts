import assert from "node:assert/strict";
import { diffPacks } from "../../../src/packs/packDiff";
import type { ExerciseSpec, PackSpec } from "../../../src/protocol/exercise";

function exercise(id: string, prompt: string, where: string): ExerciseSpec {
  return { id, title: id, summary: "s", prompt, starter: "export {};", hints: [], showReferenceAfterPass: true, checks: [], chart: "none", sourceFiles: { prompt: `${where}/${id}/prompt.md` } } as unknown as ExerciseSpec;
}

function pack(root: string, exercises: ExerciseSpec[]): PackSpec {
  return { id: "p", title: "P", version: "1.0.0", description: "", coreVersion: "^1", authors: [], license: "MIT", exercises, root };
}

describe("diffPacks", () => {
  it("diffPacks(before, after) names exercises added, changed (content) and removed, in the pack's order", () => {
    const before = pack("/old", [exercise("a", "A", "/old"), exercise("b", "B", "/old"), exercise("c", "C", "/old")]);
    const after = pack("/new", [exercise("d", "D", "/new"), exercise("a", "A", "/new"), exercise("b", "B, reworded", "/new")]);
    assert.deepEqual(diffPacks(before, after), { added: ["d"], changed: ["b"], removed: ["c"] });
  });

  it("diffPacks: the same exercises in another folder are no change; undefined before means all added", () => {
    const before = pack("/old", [exercise("a", "A", "/old")]);
    assert.deepEqual(diffPacks(before, pack("/new", [exercise("a", "A", "/new")])), { added: [], changed: [], removed: [] });
    assert.deepEqual(diffPacks(undefined, before), { added: ["a"], changed: [], removed: [] });
  });
});
