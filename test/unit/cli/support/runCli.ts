/** Runs the CLI in-process with captured output, against a sandbox built into a temp folder. */
import path from "node:path";
import { main } from "../../../../src/cli/main";
import type { CliIo } from "../../../../src/cli/io";
import { sandboxHostScript } from "../../runner/support/buildSandbox";

export const repoRoot = path.resolve(__dirname, "..", "..", "..", "..");
export const builtInPack = path.join(repoRoot, "exercises", "quantization-distillation");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], cwd = repoRoot): Promise<CliRun> {
  process.env.COMPRESSION_TUTOR_HOST_SCRIPT = await sandboxHostScript();
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTerminal: false, cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
