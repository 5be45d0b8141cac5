import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  // 127.0.0.1, not localhost: no IPv6 loopback guarantees on CI machines.
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
  // The mock API chunk (msw + generated mock data) loads only in mock mode, never in a real-API build.
  build: { chunkSizeWarningLimit: 800 },
});
