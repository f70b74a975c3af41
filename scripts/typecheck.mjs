// `npm run typecheck`: checks every TypeScript project the solution (tsconfig.json) references, each with its
// own runtime's settings, two at a time (each is one CPU-bound tsc). Fails if any project has an error.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// tsconfig.json holds comments, which JSON.parse refuses: strip whole-line `//` comments first.
const solution = JSON.parse(
  fs.readFileSync(path.join(root, "tsconfig.json"), "utf8").replace(/^\s*\/\/.*$/gm, ""),
);
const projects = solution.references.map((r) => r.path);
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");

function check(project) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [tsc, "--noEmit", "-p", project], { cwd: root });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => {
      process.stdout.write(`${project}: ${code === 0 ? "ok" : "errors"} (${((Date.now() - started) / 1000).toFixed(1)} s)\n${output}`);
      resolve(code === 0);
    });
  });
}

const queue = [...projects];
const width = Math.max(1, Math.min(2, os.availableParallelism()));
const results = await Promise.all(
  Array.from({ length: width }, async () => {
    let ok = true;
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) ok = (await check(p)) && ok;
    return ok;
  }),
);
if (!results.every(Boolean)) process.exit(1);
