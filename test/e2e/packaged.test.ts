import * as assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { ROOT } from "../../scripts/lib/paths";
import { recordMetric } from "../../scripts/test/results";
import { launchBrowser } from "./lib/browser";
import { EXTENSIONS_DIR } from "./lib/env";
import { reportedActivationMs } from "./lib/runningExtensions";
import { saveScreenshot } from "./lib/screenshots";
import { findWebviewFrame } from "./lib/webview";
import { openWorkbench, runCommand } from "./lib/workbench";

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { publisher: string; name: string; version: string; displayName: string };
const installedFolder = path.join(EXTENSIONS_DIR, `${manifest.publisher}.${manifest.name}-${manifest.version}`);

describe("packaged: the .vsix as code-server installed it", () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    page = await openWorkbench(browser);
  });

  after(async () => {
    await browser?.close();
  });

  it(`is installed as ${manifest.publisher}.${manifest.name}-${manifest.version} with its bundles and without sources`, () => {
    assert.ok(fs.existsSync(installedFolder), `no ${installedFolder}; did start.sh --vsix run?`);
    const files = fs.readdirSync(installedFolder, { recursive: true }).map(String);
    for (const required of ["package.json", path.join("dist", "extension.js"), path.join("dist", "webview", "results.js")]) {
      assert.ok(files.includes(required), `the package lacks ${required}`);
    }
    const leaked = files.filter((f) => f.startsWith(`src${path.sep}`) || f.startsWith(`node_modules${path.sep}`) || f.endsWith(".map"));
    assert.deepEqual(leaked, [], "sources, node_modules or source maps were packaged");
  });

  it('activates from the command palette and "Developer: Show Running Extensions" reports its activation time', async () => {
    await runCommand(page, "Compression Tutor: Show Results Panel");
    await findWebviewFrame(page, "Compression Tutor");
    const activationMs = await reportedActivationMs(page, manifest.displayName);
    recordMetric("e2e.activationMsReportedByVSCode", activationMs);
    console.log(`      VS Code reports activation in ${activationMs} ms`);
    await saveScreenshot(page, "packaged-01-running-extensions");
  });
});
