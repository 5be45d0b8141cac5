import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real registries, npm installs and code generation: slow by nature, and they share 2 cores.
    testTimeout: 900_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
