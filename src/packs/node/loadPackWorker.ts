/**
 * The pack-loading Worker (dist/packs/loadPackWorker.js): parses and validates one pack off the extension host's
 * thread, with node:fs, under the Worker's own heap limit. Packs are data; nothing of the pack runs here.
 */
import { parentPort } from "node:worker_threads";
import { loadPackFromDisk } from "./loadPackFromDisk";
import type { LoadPackRequest, LoadPackResponse } from "./loadPackMessages";

parentPort?.once("message", (request: LoadPackRequest) => {
  void (async () => {
    let response: LoadPackResponse;
    try {
      const { pack, problems } = await loadPackFromDisk(request.dir, { limits: request.limits });
      response = { type: "loaded", pack, problems };
    } catch (error) {
      response = { type: "failed", message: error instanceof Error ? error.message : String(error) };
    }
    parentPort?.postMessage(response);
  })();
});
