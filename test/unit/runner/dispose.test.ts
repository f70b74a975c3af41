import assert from "node:assert/strict";
import path from "node:path";
import { Runner, SandboxStartError } from "../../../src/runner";
import { doubling } from "./support/exercises";
import { fixturesDir, sandboxHostScript } from "./support/buildSandbox";

describe("Runner.dispose", function () {
  this.timeout(60_000);

  it("dispose() during a check rejects that check with SandboxStartError instead of inventing a verdict", async () => {
    const runner = new Runner({ hostScript: await sandboxHostScript(), timeoutMs: 20_000 });
    await runner.start();
    const running = runner.check({ packId: "t", exercise: doubling, solutionFile: path.join(fixturesDir, "hostile", "infiniteLoop.ts") });
    // Whether the run has reached the Worker yet or not, disposing ends it: a disposed runner never restarts.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await runner.dispose();
    await assert.rejects(running, (error: unknown) => error instanceof SandboxStartError && /disposed/.test(error.message));
  });
});
