import { spawn, type SpawnOptions } from "node:child_process";
import { ROOT } from "./paths";

/** Runs a command with inherited stdio from the repository root and resolves with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", ...options });
    child.on("error", (error) => reject(new Error(`could not run ${command} ${args.join(" ")}: ${error.message}`)));
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Like run, but throws with the command line when it exits non-zero. */
export async function runOrThrow(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  const code = await run(command, args, options);
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} exited with code ${code}`);
}
