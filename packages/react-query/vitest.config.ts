import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    environment: "jsdom",
    setupFiles: ["test/setup.ts"],
    testTimeout: 120_000,
    // beforeAll/afterAll start and stop real servers: same generous margin as tests (CI is a shared machine).
    hookTimeout: 120_000,
    // Type tests (*.test-d.ts) are compiled by tsc: wrong params must fail to compile.
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "tsconfig.json",
      // tsc with the state the package's `typecheck` task left (it checked this same program just before):
      // only what changed since is checked again (scripts/tsc-typecheck.mjs).
      checker: fileURLToPath(new URL("../../scripts/tsc-typecheck.mjs", import.meta.url)),
    },
  },
});
