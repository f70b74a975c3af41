import path from "node:path";

/** The repository root, whichever script or test imports this. */
export const ROOT = path.resolve(__dirname, "..", "..");

/** Where every test layer writes its results JSON and metrics (git-ignored). Override with TEST_RESULTS_DIR. */
export const RESULTS_DIR = path.resolve(process.env.TEST_RESULTS_DIR ?? path.join(ROOT, "out", "test-results"));

/** Where screenshots go (git-ignored). Override with SCREENSHOTS_DIR. */
export const SCREENSHOTS_DIR = path.resolve(process.env.SCREENSHOTS_DIR ?? path.join(ROOT, "out", "screenshots"));

/** The packaged extension `npm run package` writes. */
export const VSIX = path.join(ROOT, "dist", "compression-tutor.vsix");
