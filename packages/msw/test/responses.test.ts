import { getResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createHandlers,
  getGetCampaignResponseMock,
  handlers,
  mockErrorResponse,
  operationSpecs,
} from "../src/index.js";
import { createValidator, errorPointer, resolveSchema, specOperations, urlFor } from "./spec.js";
import { validRequest } from "./valid-requests.js";

const validate = createValidator();

async function call(operation: (typeof specOperations)[number], list = handlers, base?: string) {
  const { request, valid } = validRequest(operation, base);
  // The few bodies the builder cannot make valid are sent to handlers that do not validate: this test is about
  // the responses (validation has its own, validation.test.ts).
  const response = await getResponse(
    valid ? list : createHandlers({ validateRequests: false, ...(base ? { baseUrl: base } : {}) }),
    request,
  );
  if (!response) throw new Error(`no handler answered ${operation.method} ${operation.path}`);
  return response;
}

describe("default handlers", () => {
  it("cover every operation of the spec, and nothing else", () => {
    expect(handlers).toHaveLength(specOperations.length);
    expect(Object.keys(operationSpecs).sort()).toEqual(specOperations.map((op) => op.operationId).sort());
  });

  it.each(specOperations.map((op) => [op.operationId, op] as const))(
    "%s answers with its documented success status and a body valid against its schema",
    async (_id, operation) => {
      const response = await call(operation);
      expect(response.status).toBe(operation.status);
      if (operation.successPointer) {
        expect(response.headers.get("content-type")).toContain("application/json");
        const body = await response.json();
        expect(validate(operation.successPointer, body)).toBeUndefined();
      } else if (operation.successContentType && operation.status !== 204) {
        expect(response.headers.get("content-type")).toContain(operation.successContentType);
        expect((await response.text()).length).toBeGreaterThan(0);
      } else {
        // Bodiless (204 / no schema): no body and no JSON content type.
        expect(await response.text()).toBe("");
        expect(response.headers.get("content-type")).toBeNull();
      }
    },
  );

  it("answer list operations with one last page (no next_starting_after), so infinite queries end", async () => {
    const lists = specOperations.filter((op) => {
      const schema = resolveSchema(op.successPointer);
      const properties = (schema?.properties ?? {}) as Record<string, unknown>;
      const required = (schema?.required ?? []) as string[];
      return (
        "items" in properties &&
        "next_starting_after" in properties &&
        !required.includes("next_starting_after")
      );
    });
    expect(lists.length).toBeGreaterThan(30);
    for (const operation of lists) {
      const body = await (await call(operation)).json();
      expect(Array.isArray(body.items), operation.operationId).toBe(true);
      expect(body, operation.operationId).not.toHaveProperty("next_starting_after");
    }
  });

  it("replace the spec's invalid examples: campaign schedule times follow their HH:MM pattern", async () => {
    const timing = resolveSchema(
      "/components/schemas/Campaign/properties/campaign_schedule/properties/schedules/items/properties/timing/properties/from",
    );
    const pattern = new RegExp(String(timing?.pattern), "u");
    // The spec's own example breaks its pattern…
    expect(pattern.test(String(timing?.example))).toBe(false);
    // …the mock does not.
    const campaign = getGetCampaignResponseMock();
    const from = campaign.campaign_schedule.schedules[0]?.timing.from;
    expect(from).toMatch(pattern);
  });

  it("answer the literal route, not the parameterized one beside it", async () => {
    const analytics = specOperations.find(
      (op) => op.method === "GET" && op.path === "/api/v2/campaigns/analytics",
    );
    const getCampaign = specOperations.find(
      (op) => op.method === "GET" && op.path === "/api/v2/campaigns/{id}",
    );
    expect(analytics && getCampaign).toBeTruthy();
    if (!analytics?.successPointer || !getCampaign?.successPointer) return;
    const body = await (await call(analytics)).json();
    expect(validate(analytics.successPointer, body)).toBeUndefined();
    expect(validate(getCampaign.successPointer, body)).toBeDefined();
  });

  it("answer on another base URL with createHandlers({ baseUrl }) and not on the default one", async () => {
    const operation = specOperations.find((op) => op.operationId === "listCampaign");
    if (!operation) throw new Error("listCampaign missing from the spec");
    const custom = createHandlers({ baseUrl: "http://localhost:9999/proxy" });
    const response = await call(operation, custom, "http://localhost:9999/proxy");
    expect(response.status).toBe(200);
    const missed = await getResponse(custom, new Request(urlFor(operation)));
    expect(missed).toBeUndefined();
  });
});

describe("documented error responses", () => {
  const cases = specOperations.flatMap((op) =>
    op.errorStatuses.map((status) => [op.operationId, status, op] as const),
  );

  it.each(cases)("%s %i has the documented body", (operationId, status, operation) => {
    const response = mockErrorResponse(operationId as never, status as never);
    expect(response.status).toBe(status);
    return response
      .json()
      .then((body) => expect(validate(errorPointer(operation, status), body)).toBeUndefined());
  });

  it("429 carries the API's { statusCode, error, message } shape", async () => {
    const body = await mockErrorResponse("listCampaign", 429).json();
    expect(body).toEqual({ statusCode: 429, error: "Too Many Requests", message: expect.any(String) });
  });
});

describe("with setupServer and fetch", () => {
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  it("serves GET /api/v2/campaigns/{id} as a Campaign", async () => {
    const response = await fetch(
      "https://api.instantly.ai/api/v2/campaigns/0198f6d3-0000-4000-8000-000000000000",
    );
    expect(response.status).toBe(200);
    const operation = specOperations.find((op) => op.operationId === "getCampaign");
    expect(validate(operation?.successPointer ?? "", await response.json())).toBeUndefined();
  });
});
