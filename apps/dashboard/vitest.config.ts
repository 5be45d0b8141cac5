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
        },
      },
      {
        // The built app in real Chromium: needs `vite build` first (turbo runs build before test).
        extends: true,
        test: {
          name: "browser",
          environment: "node",
          include: ["test/**/*.e2e.test.ts"],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
