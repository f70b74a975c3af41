import path from "node:path";
import { ROOT } from "../../../scripts/lib/paths";

/**
 * Where the code-server under test is. scripts/test/e2e.ts starts it and passes these on; the defaults match
 * scripts/code-server/env.sh, so `npx mocha ... test/e2e/x.test.ts` also works against a code-server started by hand.
 */
export const CS_PORT = process.env.CS_PORT ?? "18080";
export const CS_URL = process.env.CS_URL ?? `http://127.0.0.1:${CS_PORT}`;
export const CS_STATE = process.env.CS_STATE ?? path.join(ROOT, ".cache", "code-server-state", CS_PORT);
/** The folder code-server opens; empty on a fresh start. */
export const WORKSPACE = process.env.CS_WORKSPACE ?? path.join(CS_STATE, "workspace");
export const USER_DATA = path.join(CS_STATE, "user-data");
export const EXTENSIONS_DIR = path.join(CS_STATE, "extensions");
