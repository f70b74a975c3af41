import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROGRESS_JOURNAL_FILE, ProgressJournal } from "../../../src/progress/progressJournal";
import { type ExerciseProgress, mergeProgress, sameProgress } from "../../../src/progress/progressModel";

function progress(over: Partial<ExerciseProgress>): ExerciseProgress {
  return { passedCaseIds: [], failedCaseIds: [], everPassed: false, hintsOpened: 0, ...over };
}

describe("progress journal", () => {
  let folder: string;
  let warnings: string[];
  let journal: ProgressJournal;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "progress-journal-"));
    warnings = [];
    journal = new ProgressJournal(path.join(folder, "nested", "storage"), (m) => warnings.push(m));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));
  const file = () => path.join(folder, "nested", "storage", PROGRESS_JOURNAL_FILE);

  it("reads nothing, silently, before the first write", () => {
    assert.deepEqual(journal.read(), {});
    assert.deepEqual(warnings, []);
  });

  it("keeps what it wrote, creating its folder, and leaves no temporary file", async () => {
    const all = { "p/e": progress({ passedCaseIds: ["c:1"], everPassed: true, lastCheckedAt: "2026-01-01T00:00:00.000Z" }) };
    await journal.write(all);
    assert.deepEqual(journal.read(), all);
    assert.deepEqual(fs.readdirSync(path.dirname(file())), [PROGRESS_JOURNAL_FILE]);
  });

  it("ends with the last of several writes made without waiting", async () => {
    const writes = Array.from({ length: 20 }, (_, i) => journal.write({ "p/e": progress({ hintsOpened: i }) }));
    await Promise.all(writes);
    assert.equal(journal.read()["p/e"].hintsOpened, 19);
  });

  for (const [name, content] of [
    ["truncated JSON", '{"version":1,"progress":{"p/e":{"passedCaseIds":['],
    ["another version", '{"version":2,"progress":{}}'],
    ["an array", "[1,2,3]"],
    ["binary", "\u0000\u0001\u0002"],
  ] as const) {
    it(`ignores ${name}, with a warning naming the file`, () => {
      fs.mkdirSync(path.dirname(file()), { recursive: true });
      fs.writeFileSync(file(), content);
      assert.deepEqual(journal.read(), {});
      assert.equal(warnings.length, 1);
      assert.ok(warnings[0].startsWith(file()), warnings[0]);
    });
  }

  it("drops entries of the wrong shape and keeps the rest, __proto__ included as a plain key", () => {
    fs.mkdirSync(path.dirname(file()), { recursive: true });
    const good = progress({ everPassed: true, hintsOpened: 2 });
    fs.writeFileSync(
      file(),
      JSON.stringify({ version: 1, progress: { "p/good": good, "p/bad": { passedCaseIds: "c:1" }, "p/hints": { ...good, hintsOpened: -1 }, "p/date": { ...good, lastCheckedAt: 5 } } }).replace(
        '"p/bad"',
        '"__proto__":{"polluted":true},"p/bad"',
      ),
    );
    const read = journal.read();
    assert.deepEqual(Object.keys(read), ["p/good"]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it("refuses a folder or an oversized file in its place without reading it", () => {
    fs.mkdirSync(file(), { recursive: true });
    assert.deepEqual(journal.read(), {});
    assert.match(warnings[0], /not a file/);
  });

  it("warns instead of throwing when the file cannot be written", async () => {
    fs.mkdirSync(file(), { recursive: true });
    await journal.write({ "p/e": progress({}) });
    assert.match(warnings.at(-1) ?? "", /could not keep the progress/);
    assert.ok(fs.readdirSync(path.dirname(file())).every((name) => !name.endsWith(".tmp")));
  });
});

describe("merging two copies of the progress", () => {
  it("keeps the later check's cases, any pass and the most hints", () => {
    const older = progress({ passedCaseIds: ["c:1"], failedCaseIds: ["c:2"], everPassed: true, hintsOpened: 2, lastCheckedAt: "2026-01-01T00:00:00.000Z" });
    const newer = progress({ passedCaseIds: [], failedCaseIds: ["c:1", "c:2"], everPassed: false, hintsOpened: 1, lastCheckedAt: "2026-01-02T00:00:00.000Z" });
    const expected = { ...newer, everPassed: true, hintsOpened: 2 };
    assert.deepEqual(mergeProgress({ k: older }, { k: newer }).k, expected);
    assert.deepEqual(mergeProgress({ k: newer }, { k: older }).k, expected);
  });

  it("takes exercises only one side knows", () => {
    const a = { a: progress({ everPassed: true }) };
    const b = { b: progress({ hintsOpened: 1 }) };
    assert.deepEqual(mergeProgress(a, b), { ...a, ...b });
    assert.ok(sameProgress(mergeProgress(a, b), mergeProgress(b, a)));
    assert.ok(!sameProgress(a, mergeProgress(a, b)));
  });
});
