/**
 * Export → grade round trip: hand-in archives made by the same code as "Export My Work" (one with a BOM and CRLF
 * line ends, as Windows editors save), a plain zip of .ts files, a learner folder as before, and a hostile
 * archive, graded together from one submissions folder.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import type { GradeResult } from "../../../src/cli/grade/gradeResult";
import { buildHandInArchive } from "../../../src/handIn/handInArchive";
import { handInFileName } from "../../../src/protocol/handIn";
import type { CheckReport } from "../../../src/protocol/checkReport";
import { builtInPack, runCli } from "./support/runCli";
import { writeSeedPack } from "./support/seedPack";

const EXERCISES = ["affine-quantization", "int4-scale"];
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("hand-ins: Export My Work's archive graded by compression-tutor grade", function () {
  this.timeout(300_000);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-hand-in-"));
  const submissions = path.join(work, "submissions");
  let result: GradeResult;
  let packId: string;

  before(async () => {
    const pack = writeSeedPack(builtInPack, work, EXERCISES);
    packId = (JSON.parse(fs.readFileSync(path.join(pack, "pack.json"), "utf8")) as { id: string }).id;
    const reference = (id: string): string => fs.readFileSync(path.join(builtInPack, id, "reference.ts"), "utf8");
    const wrong = (id: string): string => fs.readFileSync(path.join(__dirname, "fixtures", "seed-wrong", `${id}.ts`), "utf8");
    fs.mkdirSync(submissions, { recursive: true });

    const report = { version: 1, packId, exerciseId: "int4-scale", file: "/home/ada/course/compression-tutor/x/int4-scale.ts", status: "passed", cases: [], diagnostics: [], summary: { passed: 1, failed: 0, errored: 0, total: 1 }, timings: { compileMs: 1, runMs: 1, compareMs: 1, totalMs: 3 }, finishedAt: "2026-01-01T00:00:00.000Z" } as CheckReport;
    const ada = buildHandInArchive(
      "Ada Lovelace",
      [
        // Saved on Windows: a byte order mark and CRLF line ends.
        { packId, exerciseId: "affine-quantization", solution: encode(`\uFEFF${reference("affine-quantization").replace(/\n/g, "\r\n")}`), status: "passed" },
        { packId, exerciseId: "int4-scale", solution: encode(reference("int4-scale")), report, status: "passed" },
      ],
      { [`${packId}/int4-scale`]: { everPassed: true } },
      new Date("2026-01-02T03:04:05Z"),
    );
    fs.writeFileSync(path.join(submissions, handInFileName("Ada Lovelace")), ada.bytes);
    fs.mkdirSync(path.join(submissions, "ben"));
    fs.writeFileSync(path.join(submissions, "ben", "affine-quantization.ts"), wrong("affine-quantization"));
    fs.writeFileSync(path.join(submissions, "cy.zip"), zipSync({ "affine-quantization.ts": encode(reference("affine-quantization")), "../int4-scale.ts": encode(reference("int4-scale")) }));
    fs.writeFileSync(path.join(submissions, "dee.zip"), zipSync({ "affine-quantization.ts": encode(wrong("affine-quantization")), "int4-scale.ts": encode(reference("int4-scale")) }));

    const run = await runCli(["grade", pack, submissions, "--jobs", "2", "--timeout-ms", "3000"]);
    assert.equal(run.code, 0, run.stderr);
    result = JSON.parse(run.stdout) as GradeResult;
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('handInFileName("Ada Lovelace") is "ada-lovelace.zip"; odd names stay file names', () => {
    assert.equal(handInFileName("Ada Lovelace"), "ada-lovelace.zip");
    assert.equal(handInFileName("Zoë O'Brien / CS 101"), "zoë-o-brien-cs-101.zip");
    assert.equal(handInFileName("../.."), "learner.zip");
  });

  it("grades hand-ins and learner folders side by side, learners named after their archives", () => {
    const statuses = Object.fromEntries(result.learners.map((l) => [l.learner, l.exercises.map((e) => e.status)]));
    assert.deepEqual(statuses, {
      "ada-lovelace": ["passed", "passed"],
      ben: ["failed", "missing"],
      cy: ["error", "error"],
      dee: ["failed", "passed"],
    });
  });

  it("shows a hand-in's files inside the archive, and a refused archive's reason on every exercise", () => {
    const ada = result.learners.find((l) => l.learner === "ada-lovelace")!;
    assert.equal(ada.exercises[0].file, `ada-lovelace.zip/solutions/${packId}/affine-quantization.ts`);
    assert.equal(result.learners.find((l) => l.learner === "dee")!.exercises[1].file, "dee.zip/int4-scale.ts");
    const cy = result.learners.find((l) => l.learner === "cy")!;
    for (const grade of cy.exercises) assert.match(grade.diagnostics[0], /could not be checked: the hand-in cy\.zip: the entry "\.\.\/int4-scale\.ts" leaves the folder/);
  });

  it("refuses a learner handed in twice (a folder and an archive of one name)", async () => {
    fs.mkdirSync(path.join(submissions, "dee"));
    const run = await runCli(["grade", path.join(work, "seed-pack"), submissions]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /the learner dee is in the submissions folder twice \(dee and dee\.zip\)/);
  });
});
