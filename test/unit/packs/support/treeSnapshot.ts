import fs from "node:fs";
import path from "node:path";

/**
 * Every path under `dir` (links not followed) with its size and modification time: compared before and after a
 * command to show what it wrote.
 */
export function treeSnapshot(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .sort()
    .map((name) => {
      const stat = fs.lstatSync(path.join(dir, name));
      return `${name} ${stat.size} ${stat.mtimeMs}`;
    });
}
