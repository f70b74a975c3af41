/**
 * The class report (`grade --format html`) and the misconception counts in JSON, JUnit and CSV, on a real graded
 * class: eight learners on two exercises of the built-in pack, with three different wrong ideas about rounding,
 * one crash, one missing file and a learner whose folder name is markup. The HTML is opened in Debian's chromium
 * under its own Content-Security-Policy: charts painted at the right lengths, no request leaves the file, no
 * console error, and an axe-core scan without serious or critical violations.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { summariseClass } from "../../../src/cli/grade/classSummary";
import type { GradeResult } from "../../../src/cli/grade/gradeResult";
import { launchBrowser } from "../../e2e/lib/browser";
import { saveScreenshot } from "../../e2e/lib/screenshots";
import { builtInPack, runCli } from "./support/runCli";
import { writeSeedPack } from "./support/seedPack";

const EXERCISES = ["affine-quantization", "int4-scale"];
const DEQUANTIZE = "export function dequantize(q: number, scale: number, zeroPoint: number): number {\n  return scale * (q - zeroPoint);\n}\n";
const quantize = (body: string): string => `export function quantize(x: number, scale: number, zeroPoint: number): number {\n  ${body}\n}\n${DEQUANTIZE}`;
const AFFINE = {
  halfUp: quantize("return Math.round(x / scale) + zeroPoint;"),
  halfAway: quantize("const v = x / scale;\n  return Math.sign(v) * Math.round(Math.abs(v)) + zeroPoint;"),
  truncate: quantize("return Math.trunc(x / scale) + zeroPoint;"),
  crash: quantize("throw new Error('not yet');"),
};

/** learner → exercise → file text (undefined: no file). */
function classFiles(): Record<string, Record<string, string | undefined>> {
  const reference = (id: string): string => fs.readFileSync(path.join(builtInPack, id, "reference.ts"), "utf8");
  const wrongScale = fs.readFileSync(path.join(__dirname, "fixtures", "seed-wrong", "int4-scale.ts"), "utf8");
  return {
    ada: { "affine-quantization": reference("affine-quantization"), "int4-scale": reference("int4-scale") },
    ben: { "affine-quantization": AFFINE.halfUp, "int4-scale": reference("int4-scale") },
    cleo: { "affine-quantization": AFFINE.halfUp, "int4-scale": wrongScale },
    dev: { "affine-quantization": AFFINE.halfAway, "int4-scale": wrongScale },
    eli: { "affine-quantization": AFFINE.truncate, "int4-scale": reference("int4-scale") },
    fay: { "affine-quantization": AFFINE.crash, "int4-scale": undefined },
    gus: { "affine-quantization": reference("affine-quantization"), "int4-scale": reference("int4-scale") },
    "<hal>&co": { "affine-quantization": AFFINE.halfUp, "int4-scale": reference("int4-scale") },
  };
}

describe("the class report and misconception counts (grade --format html|json|junit|csv)", function () {
  this.timeout(600_000);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-report-"));
  const resultFile = path.join(work, "result.json");
  let result: GradeResult & { summary?: ReturnType<typeof summariseClass> };
  let browser: Browser | undefined;

  before(async () => {
    const pack = writeSeedPack(builtInPack, work, EXERCISES);
    const submissions = path.join(work, "submissions");
    for (const [learner, files] of Object.entries(classFiles())) {
      fs.mkdirSync(path.join(submissions, learner), { recursive: true });
      for (const [id, text] of Object.entries(files)) if (text !== undefined) fs.writeFileSync(path.join(submissions, learner, `${id}.ts`), text);
    }
    const run = await runCli(["grade", pack, submissions, "--out", resultFile, "--jobs", "2", "--timeout-ms", "3000"]);
    assert.equal(run.code, 0, run.stderr);
    result = JSON.parse(fs.readFileSync(resultFile, "utf8")) as typeof result;
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("the JSON carries, per exercise, the pass rate and each misconception with the learners who made it", () => {
    assert.deepEqual(result.summary, summariseClass(result));
    const affine = result.summary!.exercises[0];
    assert.equal(affine.exerciseId, "affine-quantization");
    assert.deepEqual([affine.passed, affine.failed, affine.errors, affine.missing], [2, 5, 1, 0]);
    assert.equal(affine.passRate, 2 / 8);
    assert.deepEqual(
      affine.misconceptions.map((m) => [m.id, m.learners]),
      [
        ["half-up", 3],
        ["half-away", 1],
        ["truncate", 1],
      ],
    );
    assert.match(affine.misconceptions[0].message ?? "", /rounds a tie upward/, "the pack's words come with the id");
    assert.ok(affine.mostFailedCases.length > 0 && affine.mostFailedCases[0].learners >= 4, JSON.stringify(affine.mostFailedCases));
    const scale = result.summary!.exercises[1];
    assert.deepEqual([scale.passed, scale.failed, scale.errors, scale.missing], [5, 2, 0, 1]);
    assert.deepEqual(
      scale.misconceptions.map((m) => [m.id, m.learners]),
      [["power-of-two", 2]],
    );
  });

  it("CSV gives each misconception row the class count; JUnit lists them as properties of the learner's suite", async () => {
    const csv = await runCli(["merge", resultFile, "--format", "csv"]);
    assert.equal(csv.code, 0, csv.stderr);
    const lines = csv.stdout.split("\r\n");
    assert.match(lines[0], /,misconception,misconception_learners,message$/);
    const halfUpRow = lines.find((l) => l.startsWith("ben,affine-quantization,") && l.includes(",half-up,"));
    assert.ok(halfUpRow?.includes(",half-up,3,"), halfUpRow);
    const junit = await runCli(["merge", resultFile, "--format", "junit"]);
    assert.equal(junit.code, 0, junit.stderr);
    const dev = /<testsuite name="dev"[^>]*>\s*<properties>([\s\S]*?)<\/properties>/.exec(junit.stdout);
    assert.ok(dev, "dev's suite has properties");
    assert.match(dev[1], /<property name="misconception\.affine-quantization\.half-away" value="1"\/>/);
    assert.match(dev[1], /<property name="misconception\.int4-scale\.power-of-two" value="2"\/>/);
    assert.doesNotMatch(junit.stdout, /<testsuite name="ada"[^>]*>\s*<properties>/);
  });

  it("the HTML report opens offline under its CSP with its charts painted, and passes an axe-core scan", async () => {
    const htmlFile = path.join(work, "report.html");
    const run = await runCli(["merge", resultFile, "--format", "html", "--out", htmlFile]);
    assert.equal(run.code, 0, run.stderr);
    const html = fs.readFileSync(htmlFile, "utf8");
    assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/, "no script and no network address");
    assert.ok(html.includes("&lt;hal&gt;&amp;co") && !html.includes("<hal>"), "a learner's name is text, not markup");

    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on("request", (r) => void (r.url().startsWith("file:") || requests.push(r.url())));
    page.on("console", (m) => void (m.type() === "error" || m.type() === "warning" ? problems.push(m.text()) : undefined));
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`file://${htmlFile}`);

    // Painted: each pass-rate bar is as long as its rate, and filled with the stylesheet's colour (which the
    // CSP lets through only when its hash matches, so this also proves the policy admits the report's own style).
    const bars = await page.locator("#chart-pass-rate rect.bar-pass").evaluateAll((rects) =>
      rects.map((r) => ({ width: r.getBoundingClientRect().width, track: (r.previousElementSibling as Element).getBoundingClientRect().width, fill: getComputedStyle(r).fill })),
    );
    assert.equal(bars.length, 2);
    assert.ok(Math.abs(bars[0].width / bars[0].track - 2 / 8) < 0.01, JSON.stringify(bars));
    assert.ok(Math.abs(bars[1].width / bars[1].track - 5 / 8) < 0.01, JSON.stringify(bars));
    assert.equal(bars[0].fill, "rgb(26, 127, 55)");
    const misconceptionBars = await page.locator("#chart-misconceptions-0 rect.bar-misconception").count();
    assert.equal(misconceptionBars, 3);
    const cells = await page.locator("table.matrix tbody tr").count();
    assert.equal(cells, 8);
    await saveScreenshot(page, "class-report");
    await saveScreenshot(page.locator("section[aria-labelledby=failed-cases]"), "class-report-failed-cases");
    await saveScreenshot(page.locator("section[aria-labelledby=learners]"), "class-report-learners");

    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      [],
    );
    assert.deepEqual(requests, [], "the report reaches for nothing outside its file");
    assert.deepEqual(problems, [], "no CSP violation or error in the console");
  });
});
