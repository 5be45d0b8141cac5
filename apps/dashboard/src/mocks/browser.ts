import { createMockApi } from "@instantly-kit/msw";
import { setupWorker } from "msw/browser";
import { seedDemoData } from "./demo-data.ts";

/**
 * Mock mode: msw's service worker answers the API from @instantly-kit/msw's stateful mock, so what you create
 * shows up in lists until the tab is reloaded. Requests to anything else (Vite's own files) pass through.
 */
export async function startMockApi(): Promise<void> {
  const api = createMockApi({ seed: "dashboard" });
  seedDemoData(api);
  const worker = setupWorker(...api.handlers);
  await worker.start({
    onUnhandledRequest: "bypass",
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    quiet: true,
  });
}
