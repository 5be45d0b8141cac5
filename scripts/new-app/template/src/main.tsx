import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";

const baseUrl = import.meta.env.VITE_INSTANTLY_BASE_URL || undefined;

async function start(): Promise<void> {
  // Mock mode is decided at build time: the env value is inlined here so a build pointed at a real API
  // drops the mock chunk (msw + mock data) entirely.
  if (!import.meta.env.VITE_INSTANTLY_BASE_URL) {
    const { startMockApi } = await import("./mocks/browser.ts");
    await startMockApi();
  }
  // The API key is asked for at run time and kept for the tab only: never part of the build.
  // (apps/dashboard has a full key form to borrow when the app grows one.)
  const apiKey = baseUrl
    ? (sessionStorage.getItem("api-key") ?? window.prompt("Instantly API key") ?? "")
    : "mock-api-key";
  if (baseUrl) sessionStorage.setItem("api-key", apiKey);
  const root = document.getElementById("root");
  if (!root) throw new Error("index.html has no #root");
  createRoot(root).render(
    <StrictMode>
      <App apiKey={apiKey} baseUrl={baseUrl} />
    </StrictMode>,
  );
}

void start();
