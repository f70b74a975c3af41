import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./paths";
import { run, runOrThrow } from "./run";

/** Where a code-server on a given port keeps its state; mirrors scripts/code-server/env.sh. */
export function codeServerEnv(port = process.env.CS_PORT ?? "18080") {
  const state = process.env.CS_STATE ?? path.join(ROOT, ".cache", "code-server-state", port);
  return {
    CS_PORT: port,
    CS_URL: `http://127.0.0.1:${port}`,
    CS_STATE: state,
    CS_WORKSPACE: path.join(state, "workspace"),
  };
}

const script = (name: string) => path.join(ROOT, "scripts", "code-server", name);

/** Installs code-server (and the system packages it needs) unless it is already cached. */
export function installCodeServer(): Promise<void> {
  return runOrThrow("bash", [script("install.sh")]);
}

export interface StartOptions {
  vsix?: string;
  workspace?: string;
  keepState?: boolean;
  /** Extra environment for the code-server process; its extension hosts inherit it. */
  env?: Record<string, string>;
}

/** Starts code-server with fresh state and returns its cold start (spawn to /healthz) in ms. */
export async function startCodeServer(options: StartOptions = {}): Promise<number> {
  const args = [script("start.sh")];
  if (options.vsix) args.push("--vsix", options.vsix);
  if (options.workspace) args.push("--workspace", options.workspace);
  if (options.keepState) args.push("--keep-state");
  await runOrThrow("bash", args, { env: { ...process.env, ...options.env } });
  const started = JSON.parse(fs.readFileSync(path.join(codeServerEnv().CS_STATE, "server-start.json"), "utf8")) as { coldStartMs: number };
  return started.coldStartMs;
}

/** Stops the code-server on CS_PORT and its whole process group; safe to call when none runs. */
export async function stopCodeServer(): Promise<void> {
  await run("bash", [script("stop.sh")]);
}

/**
 * Makes Ctrl-C (SIGINT) and SIGTERM stop code-server before this process exits: code-server runs in its own
 * process group (setsid), so the terminal's signal does not reach it and it would outlive the run.
 */
export function stopCodeServerOnInterrupt(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      spawnSync("bash", [script("stop.sh")], { stdio: "inherit" });
      process.exit(130);
    });
  }
}

/**
 * Runs a test script's `main` with code-server stopped on Ctrl-C and on any failure, and exits with its
 * code; `label` starts the one-line message of an unexpected error.
 */
export function runWithCodeServer(label: string, main: () => Promise<number>): void {
  stopCodeServerOnInterrupt();
  main().then(
    (code) => process.exit(code),
    async (error: Error) => {
      console.error(`${label}: ${error.message}`);
      await stopCodeServer();
      process.exit(1);
    },
  );
}
