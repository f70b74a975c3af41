/**
 * `compression-tutor grade` on a generated class of 30 learners (correct, wrong, hostile, partly missing):
 * it finishes, grades each learner as generated, and its JSON, JUnit and CSV agree case by case.
 * Also `--shard K/N` + `merge` give the same result as grading in one go.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { GradeResult } from "../../../src/cli/grade/gradeResult";
import { generateClass, learnerName, SEED_EXERCISES, submissionKind } from "./support/generateClass";
import { builtInPack, runCli } from "./support/runCli";
import { writeSeedPack } from "./support/seedPack";

/** RFC 4180 fields: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\r" && body[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

describe("compression-tutor grade on a generated class of 30 learners", function () {
  this.timeout(900_000);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-grade-"));
  const submissions = path.join(work, "submissions");
  let pack: string;
  let result: GradeResult;

  before(async () => {
    pack = writeSeedPack(builtInPack, work);
    generateClass(submissions, 30, builtInPack, path.join(__dirname, "fixtures", "seed-wrong"));
    const run = await runCli(["grade", pack, submissions, "--format", "json", "--out", path.join(work, "all.json"), "--jobs", "2", "--timeout-ms", "1500"]);
    assert.equal(run.code, 0, run.stderr);
    result = JSON.parse(fs.readFileSync(path.join(work, "all.json"), "utf8")) as GradeResult;
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it("grades every learner on every exercise, as generated", () => {
    assert.equal(result.learners.length, 30);
    for (const [i, learner] of result.learners.entries()) {
      assert.equal(learner.learner, learnerName(i));
      SEED_EXERCISES.forEach((id, e) => {
        const grade = learner.exercises[e];
        const kind = submissionKind(i, e);
        // Printing 20 MB and returning 0 is just a wrong answer; the other hostile kinds are errors.
        const want = kind === "correct" ? "passed" : kind === "wrong" || kind === "hostile-output" ? "failed" : kind === "missing" ? "missing" : "error";
        assert.equal(grade.exerciseId, id);
        assert.equal(grade.status, want, `${learner.learner}/${id} (${kind}): ${grade.diagnostics.join("; ")}`);
      });
    }
  });

  it("--format junit and --format csv say the same as the JSON, case by case", async () => {
    const jsonPath = path.join(work, "all.json");
    const junit = await runCli(["merge", jsonPath, "--format", "junit"]);
    const csv = await runCli(["merge", jsonPath, "--format", "csv"]);
    assert.equal(junit.code, 0, junit.stderr);
    assert.equal(csv.code, 0, csv.stderr);

    const fromJson = result.learners.flatMap((l) =>
      l.exercises.flatMap((e) => (e.cases.length === 0 ? [`${l.learner}|${e.exerciseId}|${e.status === "missing" ? "failed" : "error"}`] : e.cases.map((c) => `${l.learner}|${e.exerciseId}|${c.status}`))),
    );
    const fromCsv = parseCsv(csv.stdout)
      .slice(1)
      .map((r) => `${r[0]}|${r[1]}|${r[6]}`);
    assert.deepEqual(fromCsv, fromJson);

    const fromJunit = [...junit.stdout.matchAll(/<testcase classname="([^"]*)" name="[^"]*" time="[^"]*"(\/>|>\s*<(failure|error))/g)].map((m) => {
      const [learner, exercise] = unescapeXml(m[1]).split(".");
      return `${learner}|${exercise}|${m[3] === "failure" ? "failed" : m[3] === "error" ? "error" : "passed"}`;
    });
    assert.deepEqual(fromJunit, fromJson);
  });

  it("grade --shard 1/2 and 2/2, merged, equal the whole class graded at once", async () => {
    // A smaller class of its own keeps this affordable: grading is what the other tests measure.
    const small = path.join(work, "small");
    generateClass(small, 5, builtInPack, path.join(__dirname, "fixtures", "seed-wrong"));
    const whole = await runCli(["grade", pack, small, "--jobs", "2", "--timeout-ms", "1500"]);
    assert.equal(whole.code, 0, whole.stderr);
    const shards = ["1/2", "2/2"].map((s, k) => path.join(work, `shard-${k + 1}.json`));
    for (const [k, out] of shards.entries()) {
      const run = await runCli(["grade", pack, small, "--shard", `${k + 1}/2`, "--out", out, "--jobs", "2", "--timeout-ms", "1500"]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal((JSON.parse(fs.readFileSync(out, "utf8")) as GradeResult).learners.length, k === 0 ? 3 : 2);
    }
    const merged = await runCli(["merge", ...shards]);
    assert.equal(merged.code, 0, merged.stderr);
    const combined = JSON.parse(merged.stdout) as GradeResult;
    const statuses = (r: GradeResult): string[] => r.learners.map((l) => `${l.learner}:${l.exercises.map((e) => e.status).join(",")}`);
    assert.deepEqual(statuses(combined), statuses(JSON.parse(whole.stdout) as GradeResult));
  });
});
