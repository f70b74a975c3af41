/**
 * Loaded before every unit test file (mocha --require): the CLI keeps compiled bundles, stored expected values
 * and cloned packs in $COMPRESSION_TUTOR_CACHE, else in ~/.cache. Tests get a temporary folder of their own, so
 * nothing they run writes into the user's home; a test that sets the variable itself still wins.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

if (!process.env.COMPRESSION_TUTOR_CACHE) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-cache-"));
  process.env.COMPRESSION_TUTOR_CACHE = folder;
  process.on("exit", () => fs.rmSync(folder, { recursive: true, force: true }));
}
