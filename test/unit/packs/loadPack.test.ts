import assert from "node:assert/strict";
import type { PackLimits } from "../../../src/packs/limits";
import { loadPack } from "../../../src/packs/loadPack";
import type { PackProblem } from "../../../src/protocol/packProblem";
import { CATALOG, exercise, manifest, packFiles, REFERENCE } from "./fixturePack";
import { MemoryFileSystem } from "./memoryFileSystem";

const ROOT = "/packs/course";

async function load(files: Record<string, string>, limits?: Partial<PackLimits>) {
  return loadPack(new MemoryFileSystem(files), ROOT, { catalog: CATALOG, limits });
}

/**
 * "file:line:column" of the first occurrence of `needle` in one of the pack's files, as an editor counts; with
 * `after`, of the first occurrence that follows `after` (e.g. the value of a given property).
 */
function where(files: Record<string, string>, relative: string, needle: string, after = ""): string {
  const text = files[`${ROOT}/${relative}`];
  const offset = text.indexOf(needle, after ? text.indexOf(after) + after.length : 0);
  assert.ok(offset >= 0, `${needle} is not in ${relative}`);
  const before = text.slice(0, offset).split("\n");
  return `${relative}:${before.length}:${before[before.length - 1].length + 1}`;
}

function brief(problems: PackProblem[]): string[] {
  return problems.map((p) => `${p.file.replace(ROOT + "/", "")}:${p.line}:${p.column} ${p.severity} ${p.code}`);
}

describe("loadPack(fs, root, options)", function () {
  this.timeout(20_000); // the first load compiles the schemas; on a busy machine that takes a while
  it("loads a valid pack into the exercise model, with the files read in and the defaults filled", async () => {
    const { pack, problems } = await load(packFiles(ROOT));
    assert.deepEqual(problems, []);
    assert.ok(pack);
    assert.equal(pack.id, "course");
    assert.equal(pack.root, ROOT);
    const [ex] = pack.exercises;
    assert.equal(ex.starter.includes("throw new Error"), true);
    assert.equal(ex.reference, REFERENCE);
    assert.equal(ex.chart, "none");
    assert.equal(ex.showReferenceAfterPass, false);
    assert.deepEqual(ex.sourceFiles, {
      exercise: `${ROOT}/dequantize/exercise.json`,
      prompt: `${ROOT}/dequantize/prompt.md`,
      starter: `${ROOT}/dequantize/starter.ts`,
      reference: `${ROOT}/dequantize/reference.ts`,
      misconceptions: `${ROOT}/dequantize/misconceptions.ts`,
    });
    const [check] = ex.checks;
    assert.deepEqual(check.comparison, { kind: "value" });
    assert.deepEqual(check.tolerance, {});
    assert.equal(check.reveal, "full");
    assert.deepEqual(check.cases, [{ id: "seed", name: "dequantize(118, 0.1, 128)", input: [118, 0.1, 128] }]);
    // A misconception's variant defaults to the misconceptions file; the runner never has to guess.
    assert.deepEqual(check.misconceptions[0].variant, { from: "reference", file: "misconceptions", export: "dequantizeNoParens" });
  });

  it("expands generated cases after the written ones, with ids <idPrefix>-<n> and call-shaped names", async () => {
    const generate = [{ idPrefix: "random", seed: 5, count: 3, args: [{ int: [0, 255], edges: [0] }, { const: 0.5 }, { const: 128 }] }];
    const { pack, problems } = await load(packFiles(ROOT, { exercise: exercise({}, { generate }) }));
    assert.deepEqual(problems, []);
    const cases = pack!.exercises[0].checks[0].cases;
    assert.deepEqual(cases.map((c) => c.id), ["seed", "random-0", "random-1", "random-2"]);
    assert.deepEqual(cases[1], { id: "random-0", name: "dequantize(0, 0.5, 128)", input: [0, 0.5, 128], generated: true });
    assert.ok(cases.slice(2).every((c) => c.generated && Number.isInteger(c.input[0])));
  });

  it("lists every problem of a pack, not just the first", async () => {
    const broken = exercise({ chart: "pie" }, { expected: { from: "core", fn: "dequantise" } });
    const files = packFiles(ROOT, { manifest: manifest({ version: "one", exercises: ["dequantize", "missing"] }), exercise: broken });
    const { problems } = await load(files);
    assert.deepEqual(
      problems.map((p) => p.code),
      ["schema", "schema", "missing-exercise"],
      "the exercise's own problems are listed with the manifest's",
    );
    assert.deepEqual(brief(problems), [
      `${where(files, "dequantize/exercise.json", '"pie"')} error schema`,
      `${where(files, "pack.json", '"one"')} error schema`,
      `${where(files, "pack.json", '"missing"')} error missing-exercise`,
    ]);
  });

  it("reports a missing file and an id mismatch even when the same exercise.json also breaks the schema", async () => {
    const files = packFiles(ROOT, { exercise: exercise({ id: "dequantise", chart: "pie" }) });
    delete files[`${ROOT}/dequantize/starter.ts`];
    const { problems } = await load(files);
    assert.deepEqual(brief(problems), [
      `${where(files, "dequantize/exercise.json", '"dequantise"')} error id-mismatch`,
      `${where(files, "dequantize/exercise.json", '"starter.ts"')} error missing-file`,
      `${where(files, "dequantize/exercise.json", '"pie"')} error schema`,
    ]);
  });

  it("reports an exercise.json that is not an object without crashing", async () => {
    const files = packFiles(ROOT);
    files[`${ROOT}/dequantize/exercise.json`] = "null";
    const { problems } = await load(files);
    assert.deepEqual(problems.map((p) => [p.code, p.message]), [["schema", "must be an object, not null"]]);
  });

  it("keeps the other exercises when one is broken, so a pack keeps working", async () => {
    const files = {
      ...packFiles(ROOT, { manifest: manifest({ exercises: ["dequantize", "softmax"] }) }),
      ...Object.fromEntries(
        Object.entries(packFiles(ROOT, { exercise: exercise({ id: "softmax" }, { expected: { from: "core", fn: "nope" } }) }))
          .filter(([k]) => k.includes("/dequantize/"))
          .map(([k, v]) => [k.replace("/dequantize/", "/softmax/"), v]),
      ),
    };
    const { pack, problems } = await load(files);
    assert.deepEqual(brief(problems), [`${where(files, "softmax/exercise.json", '"nope"')} error unknown-core-function`]);
    assert.deepEqual(pack?.exercises.map((e) => e.id), ["dequantize"]);
  });

  it("with `only`, reads the manifest and that exercise alone: a broken sibling neither stops it nor is read", async () => {
    const files = {
      ...packFiles(ROOT, { manifest: manifest({ exercises: ["dequantize", "softmax"] }) }),
      [`${ROOT}/softmax/exercise.json`]: "{ not json",
      [`${ROOT}/unlisted/exercise.json`]: "{}",
    };
    const only = (id: string) => loadPack(new MemoryFileSystem(files), ROOT, { catalog: CATALOG, only: id });
    const one = await only("dequantize");
    assert.deepEqual(brief(one.problems), []);
    assert.deepEqual(one.pack?.exercises.map((e) => e.id), ["dequantize"]);
    const broken = await only("softmax");
    assert.deepEqual([...new Set(broken.problems.map((p) => p.file.replace(ROOT + "/", "")))], ["softmax/exercise.json"]);
    assert.deepEqual(broken.pack?.exercises, []);
    assert.deepEqual((await only("absent")).pack?.exercises, []);
    const whole = await load(files);
    assert.deepEqual([...new Set(whole.problems.map((p) => p.file.replace(ROOT + "/", "")))], ["pack.json", "softmax/exercise.json"]);
    assert.ok(whole.problems.some((p) => p.code === "unlisted-exercise"));
    const badManifest = await loadPack(new MemoryFileSystem(packFiles(ROOT, { manifest: manifest({ license: "" }) })), ROOT, { catalog: CATALOG, only: "dequantize" });
    assert.equal(badManifest.pack, undefined);
  });

  it("keeps the pack when a listed exercise has no folder, but not when the manifest itself is invalid", async () => {
    const missing = await load(packFiles(ROOT, { manifest: manifest({ exercises: ["dequantize", "later"] }) }));
    assert.deepEqual(missing.problems.map((p) => p.code), ["missing-exercise"]);
    assert.deepEqual(missing.pack?.exercises.map((e) => e.id), ["dequantize"]);
    const invalid = await load(packFiles(ROOT, { manifest: manifest({ license: "" }) }));
    assert.equal(invalid.pack, undefined);
  });

  it("refuses a file that is a symlink out of the pack, and accepts one that stays inside", async () => {
    const files = packFiles(ROOT);
    const fs = new MemoryFileSystem({ ...files, "/elsewhere/secret.ts": REFERENCE });
    fs.remove(`${ROOT}/dequantize/reference.ts`).symlink(`${ROOT}/dequantize/reference.ts`, "/elsewhere/secret.ts");
    const out = await loadPack(fs, ROOT, { catalog: CATALOG });
    assert.deepEqual(brief(out.problems), [`${where(files, "dequantize/exercise.json", '"reference.ts"')} error path-escape`]);

    fs.writeFile(`${ROOT}/shared/reference.ts`, REFERENCE).remove(`${ROOT}/dequantize/reference.ts`).symlink(`${ROOT}/dequantize/reference.ts`, "../shared/reference.ts");
    const inside = await loadPack(fs, ROOT, { catalog: CATALOG });
    assert.deepEqual(inside.problems, []);
  });

  it("refuses an exercise folder that is a symlink out of the pack", async () => {
    const fs = new MemoryFileSystem(packFiles("/elsewhere"));
    const manifestText = JSON.stringify(manifest());
    fs.writeFile(`${ROOT}/pack.json`, manifestText).symlink(`${ROOT}/dequantize`, "/elsewhere/dequantize");
    const { problems } = await loadPack(fs, ROOT, { catalog: CATALOG });
    assert.deepEqual(brief(problems), [`${where({ [`${ROOT}/pack.json`]: manifestText }, "pack.json", '"dequantize"')} error path-escape`]);
  });

  it("reports a file above the size limit, and a pack whose files add up above the pack limit", async () => {
    const big = "x".repeat(2048);
    const files = packFiles(ROOT, { files: { "dequantize/prompt.md": big } });
    const { problems } = await load(files, { maxFileBytes: 1000, maxPackBytes: 1_000_000 });
    assert.deepEqual(brief(problems), [`${where(files, "dequantize/exercise.json", '"prompt.md"')} error file-too-large`]);
    assert.match(problems[0].message, /is 2 KiB, above the 1000 bytes limit/);

    const total = await load(packFiles(ROOT, { files: { "data/a.txt": big, "data/b.txt": big } }), { maxFileBytes: 100_000, maxPackBytes: 4000 });
    assert.deepEqual(brief(total.problems), ["pack.json:1:1 error pack-too-large"]);
  });

  it("does not count dot-folders such as .git toward the pack's size", async () => {
    const { problems } = await load(packFiles(ROOT, { files: { ".git/objects/pack": "x".repeat(5000) } }), { maxFileBytes: 100_000, maxPackBytes: 4000 });
    assert.deepEqual(problems, []);
  });

  it("warns about raw HTML in a prompt at its line and column, but not about HTML inside code", async () => {
    const prompt = "# Title\n\nSome <b>bold</b> text.\n\n`<i>code</i>` is fine.\n\n```\n<div>fenced</div>\n```\n\n<script>alert(1)</script>\n";
    const { pack, problems } = await load(packFiles(ROOT, { files: { "dequantize/prompt.md": prompt } }));
    assert.deepEqual(brief(problems), [
      "dequantize/prompt.md:3:6 warning prompt-html",
      "dequantize/prompt.md:3:13 warning prompt-html",
      "dequantize/prompt.md:11:1 warning prompt-html",
    ]);
    assert.ok(pack, "warnings do not stop the pack from loading");
  });

  it("warns when the starter does not export a checked function", async () => {
    const files = packFiles(ROOT, { files: { "dequantize/starter.ts": "export function dequantise() {}\n" } });
    const { problems } = await load(files);
    assert.deepEqual(brief(problems), [`${where(files, "dequantize/exercise.json", '"dequantize"', '"function":')} warning starter-missing-export`]);
  });

  it("warns about an exercise folder the manifest does not list", async () => {
    const files = packFiles(ROOT);
    files[`${ROOT}/forgotten/exercise.json`] = "{}";
    const { problems } = await load(files);
    assert.deepEqual(brief(problems), [`${where(files, "pack.json", "[", '"exercises":')} warning unlisted-exercise`]);
  });

  it("reports a coreVersion that is not a semver range, and one this core does not satisfy", async () => {
    const bad = await load(packFiles(ROOT, { manifest: manifest({ coreVersion: "one point oh" }) }));
    assert.deepEqual(bad.problems.map((p) => [p.code, p.message]), [["core-version", '"one point oh" is not a semver range; write one such as ^1.0.0']]);
    const newer = await load(packFiles(ROOT, { manifest: manifest({ coreVersion: ">=1.5.0" }) }));
    assert.match(newer.problems[0].message, /needs compute core >=1\.5\.0, but this build has 1\.4\.0/);
  });

  it("reports literal misconception values for cases the check does not have", async () => {
    const misconceptions = [{ id: "off", message: "m", variant: { from: "literal", values: { seed: 1, sede: 2 } } }];
    const { problems } = await load(packFiles(ROOT, { exercise: exercise({}, { misconceptions }) }));
    assert.deepEqual(problems.map((p) => [p.code, p.jsonPath]), [["unknown-case", "/checks/0/misconceptions/0/variant/values/sede"]]);
  });

  it("reports a missing pack.json as a problem in the folder, not as a crash", async () => {
    const files = packFiles(ROOT);
    delete files[`${ROOT}/pack.json`];
    const { pack, problems } = await load(files);
    assert.equal(pack, undefined);
    assert.deepEqual(brief(problems), ["pack.json:1:1 error missing-manifest"]);
  });

  it("reports an exercise.json that cannot be used where the manifest lists it (missing, linked out) or in itself (too large)", async () => {
    const files = packFiles(ROOT);
    const listed = where(files, "pack.json", '"dequantize"');
    const missing = { ...files };
    delete missing[`${ROOT}/dequantize/exercise.json`];
    const gone = await load(missing);
    assert.deepEqual(brief(gone.problems), [`${listed} error missing-file`]);
    assert.match(gone.problems[0].message, /the folder "dequantize" has no exercise.json/);

    const fs = new MemoryFileSystem({ ...files, "/elsewhere/exercise.json": files[`${ROOT}/dequantize/exercise.json`] });
    fs.remove(`${ROOT}/dequantize/exercise.json`).symlink(`${ROOT}/dequantize/exercise.json`, "/elsewhere/exercise.json");
    const linked = await loadPack(fs, ROOT, { catalog: CATALOG });
    assert.deepEqual(brief(linked.problems), [`${listed} error path-escape`]);
    assert.match(linked.problems[0].message, /"dequantize\/exercise.json" is a link to a file outside the pack folder/);

    // A limit that pack.json and the small files meet and exercise.json does not.
    const sizeOf = (relative: string) => Buffer.byteLength(files[`${ROOT}/${relative}`]);
    assert.ok(sizeOf("pack.json") < sizeOf("dequantize/exercise.json"));
    const large = await load(files, { maxFileBytes: sizeOf("dequantize/exercise.json") - 1 });
    assert.deepEqual(
      brief(large.problems).filter((p) => p.includes("exercise.json")),
      ["dequantize/exercise.json:1:1 error file-too-large"],
    );
    assert.match(large.problems.find((p) => p.file.endsWith("exercise.json"))!.message, /^"exercise.json" is /);
  });

  it("reports a pack.json above the size limit at the file, and loads nothing more", async () => {
    const { pack, problems } = await load(packFiles(ROOT), { maxFileBytes: 100 });
    assert.equal(pack, undefined);
    assert.deepEqual(brief(problems), ["pack.json:1:1 error file-too-large"]);
  });

  describe("limits on generated inputs", () => {
    /** A pack of two exercises, each with one generated floatArray of `length` numbers × `count` cases. */
    const twoExercises = (count: number, length: number) => {
      const generated = (id: string) =>
        exercise({ id }, { generate: [{ idPrefix: "g", seed: 1, count, args: [{ floatArray: { length, uniform: [0, 1] } }, { const: 0.1 }, { const: 0 }] }] });
      return packFiles(ROOT, {
        manifest: manifest({ exercises: ["dequantize", "second"] }),
        exercise: generated("dequantize"),
        files: {
          "second/exercise.json": JSON.stringify(generated("second"), null, 2),
          "second/prompt.md": "# Second\n",
          "second/starter.ts": "export function dequantize(q: number[], scale: number, zeroPoint: number): number {\n  throw new Error('todo');\n}\n",
          "second/reference.ts": REFERENCE,
          "second/misconceptions.ts": "export function dequantizeNoParens(): number {\n  return 0;\n}\n",
        },
      });
    };

    it("counts each exercise against the pack's total: the exercise that crosses it gets the error at its block", async () => {
      // Each exercise: 10 cases × (40 + 1 + 1) numbers = 420; the pack allows 500.
      const files = twoExercises(10, 40);
      const { pack, problems } = await load(files, { maxGeneratedValuesPerPack: 500 });
      assert.deepEqual(brief(problems), [where(files, "second/exercise.json", "{", '"generate": [') + " error generated-too-large"]);
      assert.match(problems[0].message, /generated cases of the pack hold up to 840 numbers, above the limit of 500 per pack/);
      assert.deepEqual(
        pack?.exercises.map((e) => e.id),
        ["dequantize"],
      );
    });

    it("a block at exactly the exercise's limit is accepted; one number more is refused", async () => {
      assert.deepEqual(brief((await load(twoExercises(10, 40), { maxGeneratedValuesPerExercise: 420 })).problems), []);
      const over = await load(twoExercises(10, 40), { maxGeneratedValuesPerExercise: 419 });
      assert.deepEqual(
        over.problems.map((p) => p.code),
        ["generated-too-large", "generated-too-large"],
      );
    });
  });
});
