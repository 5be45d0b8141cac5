import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // At least two test files at once, even on a 2-core machine (vitest's default there is one: cores - 1). Most of
    // this suite waits on the processes it starts (the CLI, tsc, Biome, a held generate), so one file at a time
    // leaves a core idle for the whole run, and this package's tests are the longest of `turbo run test`. Every
    // file already works in scratch folders of its own (other packages' suites run beside it under turbo), and
    // nothing here depends on a quiet machine: margins are generous, waits are for lines and exits, not for time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
