import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // vitest's default 5 s per test is a real-time deadline: tests with real servers and retry delays
    // must pass on a saturated CI machine too (see README, "Tests under load").
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Type tests (*.test-d.ts) are compiled by tsc, never run: wrong paths/params must not compile.
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
      // tsc with the state the package's `typecheck` task left (it checked this same program just before):
      // only what changed since is checked again (scripts/tsc-typecheck.mjs).
      checker: fileURLToPath(new URL("../../scripts/tsc-typecheck.mjs", import.meta.url)),
    },
  },
});
