import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  // 127.0.0.1, not localhost: the browser test and CI have no IPv6 loopback guarantees.
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
  // The mock API chunk (msw + generated mock data, ~650 kB) loads only in mock mode, never in a real-API build.
  build: { chunkSizeWarningLimit: 800 },
});
