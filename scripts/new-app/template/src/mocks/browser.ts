import { createMockApi } from "@instantly-kit/msw";
import { CampaignStatus } from "@instantly-kit/types";
import { setupWorker } from "msw/browser";

/**
 * Mock mode: msw's service worker answers the API from @instantly-kit/msw's stateful mock, so what the app
 * creates shows up in lists until the tab is reloaded. Anything else (Vite's own files) passes through.
 */
export async function startMockApi(): Promise<void> {
  const api = createMockApi({ seed: "demo" });
  const statuses = [
    CampaignStatus.Active,
    CampaignStatus.Paused,
    CampaignStatus.Draft,
    CampaignStatus.Completed,
  ];
  api.seed(
    "campaigns",
    Array.from({ length: 25 }, (_, index) => ({
      name: `Demo campaign ${index + 1}`,
      status: statuses[index % statuses.length],
    })),
  );
  const worker = setupWorker(...api.handlers);
  await worker.start({
    onUnhandledRequest: "bypass",
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    quiet: true,
  });
}
