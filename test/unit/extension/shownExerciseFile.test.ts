import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ShownExerciseFile } from "../../../src/webview/shownExerciseFile";

describe("the results panel's last exercise on disk", () => {
  let folder: string;
  let warnings: string[];
  const file = () => path.join(folder, "results-panel.json");
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "shown-exercise-"));
    warnings = [];
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("reads nothing before the first exercise is shown", () => {
    assert.equal(new ShownExerciseFile(folder).read(), undefined);
  });

  it("reads back the exercise it kept, in a folder it creates, with no temporary file left", async () => {
    const nested = path.join(folder, "a", "b");
    const shown = new ShownExerciseFile(nested);
    shown.remember({ packId: "quantization-distillation", exerciseId: "affine-quantization" }, (m) => warnings.push(m));
    for (let i = 0; i < 100 && !fs.existsSync(path.join(nested, "results-panel.json")); i++) await settle();
    assert.deepEqual(new ShownExerciseFile(nested).read(), { packId: "quantization-distillation", exerciseId: "affine-quantization" });
    assert.deepEqual(fs.readdirSync(nested), ["results-panel.json"]);
    assert.deepEqual(warnings, []);
  });

  for (const [name, content] of [
    ["a path in the pack id", '{"packId":"../../etc","exerciseId":"passwd"}'],
    ["a parent folder as the pack id", '{"packId":"..","exerciseId":"e"}'],
    ["a slash in the exercise id", '{"packId":"p","exerciseId":"a/b"}'],
    ["an empty id", '{"packId":"","exerciseId":"e"}'],
    ["ids that are not strings", '{"packId":1,"exerciseId":["e"]}'],
    ["JSON null", "null"],
    ["truncated JSON", '{"packId":"p","exer'],
    ["an oversized file", JSON.stringify({ packId: "p", exerciseId: "e", pad: "x".repeat(8192) })],
  ] as const) {
    it(`restores nothing from ${name}`, () => {
      fs.writeFileSync(file(), content);
      assert.equal(new ShownExerciseFile(folder).read(), undefined);
    });
  }

  it("restores nothing from a folder in the file's place, and warns instead of throwing when it cannot write", async () => {
    fs.mkdirSync(file());
    const shown = new ShownExerciseFile(folder);
    assert.equal(shown.read(), undefined);
    shown.remember({ packId: "p", exerciseId: "e" }, (m) => warnings.push(m));
    for (let i = 0; i < 100 && warnings.length === 0; i++) await settle();
    assert.match(warnings[0] ?? "", /could not remember the exercise shown/);
    assert.ok(fs.readdirSync(folder).every((name) => !name.endsWith(".tmp")));
  });
});
