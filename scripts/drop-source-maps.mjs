// Deletes the development build's source maps from dist/ before `npm run package`: the production build that
// vsce runs writes none, and stale ones would otherwise ship in the .vsix (about 1 MB, and they embed the sources).
// Only the maps go, so a development session using dist/ at the same moment keeps working.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");
if (fs.existsSync(dist)) {
  for (const file of fs.readdirSync(dist, { recursive: true }).map(String)) {
    if (file.endsWith(".map")) fs.rmSync(path.join(dist, file), { force: true });
  }
}
