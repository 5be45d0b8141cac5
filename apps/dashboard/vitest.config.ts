import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "jsdom",
          environment: "jsdom",
          include: ["test/**/*.test.tsx"],
          setupFiles: ["test/setup.ts"],
          // Not vitest's 5 s default: jsdom renders on a saturated CI machine can take that long alone.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The built app in real Chromium: needs `vite build` first (turbo runs build before test).
        extends: true,
        test: {
          name: "browser",
          environment: "node",
          include: ["test/**/*.e2e.test.ts"],
          testTimeout: 180_000,
          // beforeAll starts the built app's server and Chromium: not vitest's 10 s default either.
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
