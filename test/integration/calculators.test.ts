import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { CalculatorResult } from "../../src/calculators/calculator";
import type { FromWebviewMessage } from "../../src/protocol/webviewMessages";
import { activateTutor, nextEvent } from "./harness/extension";

const IDS = ["quantize", "qparams", "memory", "softmax", "divergence", "distillation"];

describe("calculators: the palette commands, called with arguments in a real VS Code", () => {
  before(async () => {
    await activateTutor();
  });

  it("registers compressionTutor.calc.<name> for all six calculators", async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.deepEqual(
      IDS.filter((id) => !commands.includes(`compressionTutor.calc.${id}`)),
      [],
    );
  });

  it('compressionTutor.calc.memory { params: "7B", format: "int4", groupSize: 128 } returns 3.609375 GB', async () => {
    const result = await vscode.commands.executeCommand<CalculatorResult>("compressionTutor.calc.memory", { params: "7B", format: "int4", groupSize: 128 });
    assert.equal(result.values.bitsPerWeight, 4.125);
    assert.deepEqual(result.values.weights, { bytes: 3_609_375_000, gb: 3.609375, gib: 3_609_375_000 / 2 ** 30 });
    assert.match(result.summary, /3\.609 GB \(3\.361 GiB/);
  });

  it('compressionTutor.calc.softmax { temperature: -1 } rejects with "temperature must be greater than 0 (got -1)"', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand("compressionTutor.calc.softmax", { logits: "2, 0", temperature: -1 })),
      /temperature must be greater than 0 \(got -1\)/,
    );
  });

  it("compressionTutor.calc.divergence with openPanel opens the results panel, which paints the per-class chart", async () => {
    const api = await activateTutor();
    // Subscribe before the panel can render: an already-open panel answers at once.
    const existing = api.resultsPanel();
    const renderedOnExisting = existing
      ? nextEvent<FromWebviewMessage>(existing.onDidReceiveMessage, 'the results webview to post "rendered"', (m) => m.type === "rendered" && m.charts === 2)
      : undefined;
    const result = await vscode.commands.executeCommand<CalculatorResult>("compressionTutor.calc.divergence", { p: [0.7, 0.3], q: [0.6, 0.4], openPanel: true });
    assert.ok(Math.abs((result.values.klPQ as number) - 0.0216) < 1e-4);
    const panel = api.resultsPanel();
    assert.ok(panel, "no results panel after openPanel: true");
    assert.equal(panel.panel.title, result.title);
    const rendered =
      (await renderedOnExisting) ??
      (await nextEvent<FromWebviewMessage>(panel.onDidReceiveMessage, 'the results webview to post "rendered"', (m) => m.type === "rendered" && m.charts === 2));
    assert.ok(rendered.type === "rendered" && rendered.paintedCharts.includes("kl-contributions"), JSON.stringify(rendered));
  });

  it("every calculator computes from its defaults when called with an empty argument object", async () => {
    for (const id of IDS) {
      const result = await vscode.commands.executeCommand<CalculatorResult>(`compressionTutor.calc.${id}`, {});
      assert.equal(result.calculator, id);
    }
  });
});
