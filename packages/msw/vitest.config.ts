import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Type tests (*.test-d.ts) are compiled by tsc: wrong overrides must fail to compile.
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
