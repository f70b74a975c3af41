// Installs the npm dependencies when they are missing or older than package-lock.json, so that a fresh clone's
// `npm start` works on its own. Plain Node (no dependencies): it runs before there are any.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const installed = path.join(root, "node_modules", ".package-lock.json");
const lock = path.join(root, "package-lock.json");
const stale = !fs.existsSync(installed) || fs.statSync(installed).mtimeMs < fs.statSync(lock).mtimeMs;
if (stale) {
  console.log("npm dependencies are missing or older than package-lock.json: running npm ci");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error("npm ci failed (see above); fix that, then run npm start again");
    process.exit(result.status ?? 1);
  }
}
