/** A copy of the built-in pack limited to the ten seed exercises (or the given ones), for grading tests and benchmarks. */
import fs from "node:fs";
import path from "node:path";
import { SEED_EXERCISES } from "./generateClass";

export function writeSeedPack(builtInPack: string, outDir: string, exercises: readonly string[] = SEED_EXERCISES): string {
  const packDir = path.join(outDir, "seed-pack");
  fs.mkdirSync(packDir, { recursive: true });
  for (const id of exercises) fs.cpSync(path.join(builtInPack, id), path.join(packDir, id), { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(builtInPack, "pack.json"), "utf8")) as Record<string, unknown>;
  delete manifest.$schema;
  fs.writeFileSync(path.join(packDir, "pack.json"), JSON.stringify({ ...manifest, exercises }, null, 2));
  return packDir;
}
