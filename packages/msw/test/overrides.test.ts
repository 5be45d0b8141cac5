import { HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  getCreateLeadLabelMockHandler,
  getGetCampaignMockHandler,
  getGetCampaignResponseMock,
  getListLeadLabelMockHandler,
  getShareCampaignMockHandler,
  handlers,
  mockError,
  mockNetworkError,
  operationSpecs,
} from "../src/index.js";
import { createValidator, spec, specOperations } from "./spec.js";

const server = setupServer(...handlers);
const validate = createValidator();
const campaignUrl = "https://api.instantly.ai/api/v2/campaigns/0198f6d3-0000-4000-8000-000000000000";
const campaignSchema = (
  spec.components as { schemas: Record<string, { properties: Record<string, { example?: unknown }> }> }
).schemas.Campaign;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("default mock data", () => {
  it("takes per-property values from the spec's examples", () => {
    const campaign = getGetCampaignResponseMock();
    expect(campaign.name).toBe(campaignSchema?.properties.name?.example);
    expect(campaign.daily_limit).toBe(campaignSchema?.properties.daily_limit?.example);
  });

  it("is a fresh object on every call (a test mutating it cannot leak into the next)", () => {
    const first = getGetCampaignResponseMock();
    (first as { name: string }).name = "mutated";
    expect(getGetCampaignResponseMock().name).not.toBe("mutated");
  });
});

describe("per-operation handler factories", () => {
  it("merge a partial value over the default body", async () => {
    server.use(
      getGetCampaignMockHandler({ name: "Override", campaign_schedule: { start_date: "2026-02-01" } }),
    );
    const body = await (await fetch(campaignUrl)).json();
    expect(body.name).toBe("Override");
    expect(body.campaign_schedule.start_date).toBe("2026-02-01");
    // Untouched properties keep their defaults, nested ones included.
    expect(body.daily_limit).toBe(getGetCampaignResponseMock().daily_limit);
    expect(body.campaign_schedule.schedules).toEqual(
      getGetCampaignResponseMock().campaign_schedule.schedules,
    );
    expect(
      validate(specOperations.find((op) => op.operationId === "getCampaign")?.successPointer ?? "", body),
    ).toBeUndefined();
  });

  it("replace arrays as a whole", async () => {
    server.use(getListLeadLabelMockHandler({ items: [] }));
    const body = await (await fetch("https://api.instantly.ai/api/v2/lead-labels")).json();
    expect(body.items).toEqual([]);
  });

  it("call an async resolver with the request, params and default body", async () => {
    server.use(
      getGetCampaignMockHandler(async ({ params, defaultBody, request }) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return { ...defaultBody, id: params.id ?? "", name: new URL(request.url).pathname };
      }),
    );
    const body = await (await fetch(campaignUrl)).json();
    expect(body.id).toBe("0198f6d3-0000-4000-8000-000000000000");
    expect(body.name).toBe("/api/v2/campaigns/0198f6d3-0000-4000-8000-000000000000");
  });

  it("let a resolver return any Response", async () => {
    server.use(getGetCampaignMockHandler(() => HttpResponse.json({ custom: true }, { status: 418 })));
    const response = await fetch(campaignUrl);
    expect(response.status).toBe(418);
    expect(await response.json()).toEqual({ custom: true });
  });

  it("answer once with { once: true }, then fall back to the default handler", async () => {
    server.use(getGetCampaignMockHandler({ name: "first" }, { once: true }));
    expect((await (await fetch(campaignUrl)).json()).name).toBe("first");
    expect((await (await fetch(campaignUrl)).json()).name).toBe(getGetCampaignResponseMock().name);
  });

  it("delay the response with { delay }", async () => {
    server.use(getGetCampaignMockHandler(undefined, { delay: 120 }));
    const started = performance.now();
    await fetch(campaignUrl);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });

  it("send bodiless responses without a body", async () => {
    server.use(getShareCampaignMockHandler());
    const response = await fetch(`${campaignUrl}/share`, { method: "POST" });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
  });

  it("check the JSON request body even when the response is overridden", async () => {
    server.use(getCreateLeadLabelMockHandler({ label: "x" }));
    const response = await fetch("https://api.instantly.ai/api/v2/lead-labels", {
      method: "POST",
      body: "not json",
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/^Body is not valid JSON/);
  });
});

describe("error helpers", () => {
  it.each([
    [401, "Unauthorized"],
    [404, "Not Found"],
    [429, "Too Many Requests"],
  ] as const)("mockError(getCampaign, %i) answers with the documented body", async (status, error) => {
    server.use(mockError("getCampaign", status));
    const response = await fetch(campaignUrl);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ statusCode: status, error, message: expect.any(String) });
  });

  it.each([500, 503, 418, 451])(
    "mockError(listCampaign, %i), not documented: the generic error shape",
    async (status) => {
      expect(Object.keys(operationSpecs.listCampaign.errors)).not.toContain(String(status));
      server.use(mockError("listCampaign", status));
      const response = await fetch("https://api.instantly.ai/api/v2/campaigns");
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({
        statusCode: status,
        error: expect.any(String),
        message: expect.any(String),
      });
    },
  );

  it.each([200, 302, 600, 404.5, Number.NaN])("mockError refuses %s: not an error status", (status) => {
    expect(() => mockError("listCampaign", status)).toThrow(
      /^mockError: status must be an integer from 400 to 599/,
    );
  });

  it("mockNetworkError: fetch rejects with a TypeError, as on a dropped connection", async () => {
    server.use(mockNetworkError("listCampaign"));
    await expect(fetch("https://api.instantly.ai/api/v2/campaigns")).rejects.toThrow(TypeError);
    // Only that operation.
    expect((await fetch(campaignUrl)).status).toBe(200);
  });

  it("take a message and headers", async () => {
    server.use(mockError("getCampaign", 429, { message: "slow down", headers: { "Retry-After": "3" } }));
    const response = await fetch(campaignUrl);
    expect(response.headers.get("retry-after")).toBe("3");
    expect((await response.json()).message).toBe("slow down");
  });
});
