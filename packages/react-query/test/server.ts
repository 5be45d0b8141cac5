/**
 * The one MSW server of the hook tests: @instantly-kit/msw's stateful mock API (create → list → get →
 * patch coherent, real cursors) answering on the default base URL, plus a recorder in front of it so
 * tests can assert on what the hooks actually sent.
 */
import { createMockApi } from "@instantly-kit/msw";
import { http } from "msw";
import { setupServer } from "msw/node";

export const BASE = "https://api.instantly.ai";

export interface Recorded {
  method: string;
  url: URL;
  authorization: string | null;
  body: unknown;
}

export const requests: Recorded[] = [];

export const api = createMockApi({ seed: 1 });

/** Known data for every test: campaigns c1…c5, one lead label, leads l1…l5 in campaign c1. */
export function resetData(): void {
  requests.length = 0;
  api.reset();
  api.seed(
    "campaigns",
    [1, 2, 3, 4, 5].map((n) => ({ id: `c${n}`, name: `Campaign ${n}` })),
  );
  api.seed("lead-labels", [{ id: "label-1", label: "Hot Lead", interest_status_label: "positive" }]);
  api.seed(
    "leads",
    [1, 2, 3, 4, 5].map((n) => ({ id: `l${n}`, campaign: "c1", email: `lead${n}@example.com` })),
  );
}

const recorder = http.all(`${BASE}/*`, async ({ request }) => {
  const text = request.method === "GET" ? "" : await request.clone().text();
  requests.push({
    method: request.method,
    url: new URL(request.url),
    authorization: request.headers.get("authorization"),
    body: text ? JSON.parse(text) : undefined,
  });
});

export const server = setupServer(recorder, ...api.handlers);
