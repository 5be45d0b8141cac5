import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { configuredBaseUrl, usesMockApi } from "./config.ts";
import "./styles.css";

async function start(): Promise<void> {
  // Mock mode is decided at build time: the env value is inlined here (not read through config.ts) so the
  // bundler sees a constant and a build pointed at a real API drops the mock chunk entirely.
  if (!import.meta.env.VITE_INSTANTLY_BASE_URL) {
    const { startMockApi } = await import("./mocks/browser.ts");
    await startMockApi();
  }
  const root = document.getElementById("root");
  if (!root) throw new Error("index.html has no #root");
  createRoot(root).render(
    <StrictMode>
      <App baseUrl={configuredBaseUrl} usesMockApi={usesMockApi} />
    </StrictMode>,
  );
}

void start();
