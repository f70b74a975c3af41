import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { FromWebviewMessage } from "../../src/protocol/webviewMessages";
import { EXTENSION_ID, activateTutor, nextEvent } from "./harness/extension";

const manifest = () => vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
  contributes: { viewsContainers: { activitybar: { id: string; title: string }[] }; views: Record<string, { id: string; name: string }[]> };
};

describe("foundation: the extension inside a real VS Code", () => {
  it("activates and reports how long activation took", async () => {
    const api = await activateTutor();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.ok(api.activatedInMs >= 0 && api.activatedInMs < 10_000, `activatedInMs is ${api.activatedInMs}`);
    console.log(`      activate() took ${api.activatedInMs.toFixed(1)} ms (VS Code ${vscode.version}, ${vscode.env.appName})`);
  });

  it('contributes the view container "Compression Tutor" with the view "Exercises"', () => {
    const { viewsContainers, views } = manifest().contributes;
    const container = viewsContainers.activitybar.find((c) => c.title === "Compression Tutor");
    assert.ok(container, "no activity-bar container titled Compression Tutor");
    assert.deepEqual(
      views[container.id].map((v) => [v.id, v.name]).find(([, name]) => name === "Exercises"),
      ["compressionTutor.exercises", "Exercises"],
    );
  });

  it("focuses the Exercises view through the command VS Code generates for it", async () => {
    await vscode.commands.executeCommand("compressionTutor.exercises.focus");
  });

  it("registers compressionTutor.showResults", async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes("compressionTutor.showResults"));
  });

  it("compressionTutor.showResults opens the results webview, which draws its charts and says so", async () => {
    const api = await activateTutor();
    await vscode.commands.executeCommand("compressionTutor.showResults");
    const panel = api.resultsPanel();
    assert.ok(panel, "the command opened no results panel");
    const rendered = await nextEvent<FromWebviewMessage>(panel.onDidReceiveMessage, 'the webview to post "rendered"', (m) => m.type === "rendered");
    assert.ok(rendered.type === "rendered" && rendered.paintedCharts.length > 0, `no chart has painted pixels: ${JSON.stringify(rendered)}`);
    assert.equal(panel.panel.visible, true);
  });

  it('logs to the output channel "Compression Tutor"', async () => {
    const api = await activateTutor();
    assert.equal(api.tutor.log.name, "Compression Tutor");
    // A log channel is persisted as "<name>.log" in the extension's log folder; VS Code writes it asynchronously.
    const file = vscode.Uri.joinPath(api.tutor.extension.logUri, "Compression Tutor.log");
    const deadline = Date.now() + 10_000;
    let text = "";
    while (Date.now() < deadline && !text.includes("activated in")) {
      text = await vscode.workspace.fs.readFile(file).then((bytes) => new TextDecoder().decode(bytes), () => "");
      if (!text.includes("activated in")) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.match(text, /activated in [\d.]+ ms/, `${file.fsPath} does not log the activation`);
  });
});
