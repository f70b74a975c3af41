/**
 * `npm start`: builds and packages the extension, installs the .vsix into code-server, opens a learner
 * workspace (.cache/playground/, kept between runs, as is the VS Code profile) and keeps code-server running
 * at a printed 127.0.0.1 URL until Ctrl-C. CS_PORT picks the port (default 18500, so it does not collide with
 * the tests' 18080); PLAYGROUND picks another workspace folder.
 */
import fs from "node:fs";
import path from "node:path";
import { applyEdits, modify, parse } from "jsonc-parser";
import { codeServerEnv, installCodeServer, startCodeServer, stopCodeServer } from "./lib/codeServer";
import { ROOT, VSIX } from "./lib/paths";
import { runOrThrow } from "./lib/run";

const playground = path.resolve(process.env.PLAYGROUND ?? path.join(ROOT, ".cache", "playground"));

async function main(): Promise<void> {
  process.env.CS_PORT ??= "18500";
  await runOrThrow("npm", ["run", "--silent", "package"]);
  await installCodeServer();
  fs.mkdirSync(playground, { recursive: true });
  const coldStartMs = await startCodeServer({ vsix: VSIX, workspace: playground, keepState: true });
  welcomeOnFirstRun();
  const { CS_URL } = codeServerEnv();
  console.log(`\nModel Compression Tutor is running in VS Code (code-server, started in ${coldStartMs} ms):\n`);
  console.log(`    ${CS_URL}/?folder=${encodeURIComponent(playground)}\n`);
  console.log("Open that URL in a browser on this machine (it listens on 127.0.0.1 only). Press Ctrl-C to stop.");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopCodeServer();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // Keep running while code-server does; if it dies on its own, say so and exit.
  const pidFile = path.join(codeServerEnv().CS_STATE, "code-server.pid");
  setInterval(() => {
    const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8")) : NaN;
    let alive = false;
    try {
      alive = Number.isFinite(pid) && process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (!alive && !stopping) {
      console.error(`code-server exited on its own; its log is ${path.join(codeServerEnv().CS_STATE, "code-server.log")}`);
      void stopCodeServer().then(() => process.exit(1));
    }
  }, 2000);
}

/**
 * A new learner should land on the Compression Tutor view and its walkthrough, not an empty Explorer: the
 * profile's settings get `compressionTutor.openOnFirstRun` (the extension then opens both once per profile).
 * Written after start.sh created the settings and before any browser connects, so the first window sees it;
 * a value the learner set is left alone.
 */
function welcomeOnFirstRun(): void {
  const file = path.join(codeServerEnv().CS_STATE, "user-data", "User", "settings.json");
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "{}";
  const settings = (parse(text) ?? {}) as Record<string, unknown>;
  if ("compressionTutor.openOnFirstRun" in settings) return;
  const edits = modify(text, ["compressionTutor.openOnFirstRun"], true, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  fs.writeFileSync(file, applyEdits(text, edits));
}

main().catch(async (error: Error) => {
  console.error(`start: ${error.message}`);
  await stopCodeServer();
  process.exit(1);
});
