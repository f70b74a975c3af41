import assert from "node:assert/strict";
import { backupFileName, parseSolutionPath, solutionSegments } from "../../../src/workspace/solutionPaths";

describe("solution paths", () => {
  it("solutionSegments(\"compression-tutor\", …) is <folder>/<pack>/<exercise>.ts", () => {
    assert.deepEqual(solutionSegments("compression-tutor", { packId: "quantization-distillation", exerciseId: "affine-quantization" }), [
      "compression-tutor",
      "quantization-distillation",
      "affine-quantization.ts",
    ]);
  });

  it("solutionSegments refuses an id that would leave the folder", () => {
    assert.throws(() => solutionSegments("x", { packId: "..", exerciseId: "e" }), /pack id "\.\."/);
    assert.throws(() => solutionSegments("x", { packId: "p", exerciseId: "a/b" }), /exercise id "a\/b"/);
  });

  it("solutionSegments refuses a solutions folder outside the workspace", () => {
    assert.throws(() => solutionSegments("../elsewhere", { packId: "p", exerciseId: "e" }), /leaves the workspace folder/);
  });

  it("parseSolutionPath reads the exercise back from a path with either slash", () => {
    assert.deepEqual(parseSolutionPath("compression-tutor/p/e.ts", "compression-tutor"), { packId: "p", exerciseId: "e" });
    assert.deepEqual(parseSolutionPath("my\\sols\\p\\e-1.ts", "my/sols"), { packId: "p", exerciseId: "e-1" });
  });

  it("parseSolutionPath ignores files that are not solutions (other folders, backups, .d.ts, other types)", () => {
    assert.equal(parseSolutionPath("src/p/e.ts", "compression-tutor"), undefined);
    assert.equal(parseSolutionPath("compression-tutor/.backups/p/e/2026.ts", "compression-tutor"), undefined);
    assert.equal(parseSolutionPath("compression-tutor/p/e.d.ts", "compression-tutor"), undefined);
    assert.equal(parseSolutionPath("compression-tutor/p/e.js", "compression-tutor"), undefined);
  });

  it("backupFileName has no characters a file system refuses and sorts by time", () => {
    const early = backupFileName(new Date("2026-01-02T03:04:05.006Z"));
    const late = backupFileName(new Date("2026-01-02T03:04:05.007Z"));
    assert.equal(early, "2026-01-02T03-04-05-006Z.ts");
    assert.ok(early < late);
  });
});
