/**
 * The one MSW server of the hook tests: a small in-memory Instantly API (campaigns, lead labels, leads)
 * answering on the default base URL, recording every request so tests can assert on what was sent.
 * TODO(msw): switch to `createMockApi()` from @instantly-kit/msw once it is available.
 */
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";

export const BASE = "https://api.instantly.ai";

export interface Recorded {
  method: string;
  url: URL;
  authorization: string | null;
  body: unknown;
}

export const requests: Recorded[] = [];

const campaigns = Array.from({ length: 5 }, (_, index) => ({
  id: `c${index + 1}`,
  name: `Campaign ${index + 1}`,
  status: 1,
  campaign_schedule: { schedules: [] },
  timestamp_created: "2026-01-01T00:00:00.000Z",
  timestamp_updated: "2026-01-01T00:00:00.000Z",
}));
let labels: Array<Record<string, unknown>> = [];
const leads = Array.from({ length: 5 }, (_, index) => ({
  id: `l${index + 1}`,
  campaign: "c1",
  email: `lead${index + 1}@example.com`,
}));

export function resetData(): void {
  requests.length = 0;
  labels = [{ id: "label-1", label: "Hot Lead", interest_status_label: "positive" }];
  campaigns.forEach((campaign, index) => {
    campaign.name = `Campaign ${index + 1}`;
  });
}

/** Cursor pagination over `items`: the cursor is the id of the last item of the previous page. */
function page<T extends { id: string }>(items: T[], limit: number, startingAfter: string | null | undefined) {
  const start = startingAfter ? items.findIndex((item) => item.id === startingAfter) + 1 : 0;
  const slice = items.slice(start, start + limit);
  const last = slice.at(-1);
  const more = start + limit < items.length;
  return { items: slice, ...(more && last ? { next_starting_after: last.id } : {}) };
}

const notFound = () =>
  HttpResponse.json({ statusCode: 404, error: "Not Found", message: "Campaign not found" }, { status: 404 });

export const server = setupServer(
  http.all(`${BASE}/*`, async ({ request }) => {
    const text = request.method === "GET" ? "" : await request.clone().text();
    requests.push({
      method: request.method,
      url: new URL(request.url),
      authorization: request.headers.get("authorization"),
      body: text ? JSON.parse(text) : undefined,
    });
  }),
  http.get(`${BASE}/api/v2/campaigns`, ({ request }) => {
    const url = new URL(request.url);
    return HttpResponse.json(
      page(campaigns, Number(url.searchParams.get("limit") ?? 100), url.searchParams.get("starting_after")),
    );
  }),
  http.get(`${BASE}/api/v2/campaigns/:id`, ({ params }) => {
    const campaign = campaigns.find((item) => item.id === params.id);
    return campaign ? HttpResponse.json(campaign) : notFound();
  }),
  http.patch(`${BASE}/api/v2/campaigns/:id`, async ({ params, request }) => {
    const campaign = campaigns.find((item) => item.id === params.id);
    if (!campaign) return notFound();
    Object.assign(campaign, await request.json());
    return HttpResponse.json(campaign);
  }),
  http.get(`${BASE}/api/v2/lead-labels`, () => HttpResponse.json({ items: labels })),
  http.post(`${BASE}/api/v2/lead-labels`, async ({ request }) => {
    const label = { id: `label-${labels.length + 1}`, ...((await request.json()) as object) };
    labels.push(label);
    return HttpResponse.json(label);
  }),
  http.post(`${BASE}/api/v2/leads/list`, async ({ request }) => {
    const body = (await request.json()) as { campaign?: string; limit?: number; starting_after?: string };
    return HttpResponse.json(
      page(
        leads.filter((lead) => !body.campaign || lead.campaign === body.campaign),
        body.limit ?? 100,
        body.starting_after,
      ),
    );
  }),
);
