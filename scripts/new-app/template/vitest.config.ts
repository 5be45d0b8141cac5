import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  test: {
    environment: "jsdom",
    include: ["test/**/*.test.{ts,tsx}"],
    setupFiles: ["test/setup.ts"],
    // Not vitest's 5 s default: jsdom renders on a busy CI machine can take that long alone.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
