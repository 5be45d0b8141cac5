// Issue 10, "beyond Prism": `Prefer: example=<name>` and `Prefer: dynamic=true` through msw handlers.
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createOperationHandler } from "../src/handler.js";
import { createHandlers } from "../src/handlers.js";
import type { OperationSpec } from "../src/operation.js";
import { createValidator, specOperations } from "./spec.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const validate = createValidator();
const pointerOf = (operationId: string) =>
  specOperations.find((op) => op.operationId === operationId)?.successPointer ?? "";

// The pinned spec documents no named response examples (checked in the report): the generated `examples`
// table is exercised by the codegen test on a fixture spec; here an operation carrying one, as generated.
const widget: OperationSpec = {
  operationId: "getWidget",
  method: "GET",
  path: "/api/v2/widgets/{id}",
  status: 200,
  body: "json",
  requestBody: false,
  requiredBody: [],
  errors: { 404: () => ({ statusCode: 404, error: "Not Found", message: "Not Found" }) },
  examples: {
    200: { small: () => ({ id: "w1", size: 1 }), large: () => ({ id: "w2", size: 99 }) },
    404: { gone: () => ({ statusCode: 404, error: "Not Found", message: "widget was deleted" }) },
  },
};
const url = "https://api.instantly.ai/api/v2/widgets/w1";
const get = (prefer?: string) => fetch(url, prefer === undefined ? {} : { headers: { prefer } });

describe("Prefer: example=<name>", () => {
  const use = () => server.use(createOperationHandler(widget, () => ({ id: "default", size: 0 })));

  it.each([
    ["example=small", 200, { id: "w1", size: 1 }],
    ["example=large", 200, { id: "w2", size: 99 }],
    ['example="large"', 200, { id: "w2", size: 99 }],
    ["code=404, example=gone", 404, { statusCode: 404, error: "Not Found", message: "widget was deleted" }],
    ["example=gone;code=404", 404, { statusCode: 404, error: "Not Found", message: "widget was deleted" }],
    ["code=200 example=small", 200, { id: "w1", size: 1 }],
    [undefined, 200, { id: "default", size: 0 }],
  ])("%s answers %i with that example", async (prefer, status, body) => {
    use();
    const response = await get(prefer);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body);
  });

  it.each([
    ["example=huge", "getWidget's 200 response (examples: small, large)"],
    ["code=404, example=small", "getWidget's 404 response (examples: gone)"],
  ])("an unknown name (%s) is 400 naming the examples there are", async (prefer, tail) => {
    use();
    const response = await get(prefer);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(["error", "message", "statusCode"]);
    expect(body.statusCode).toBe(400);
    expect(body.message).toContain(tail);
  });

  it("an undocumented code with an example is the undocumented-code 400", async () => {
    use();
    const response = await get("code=418, example=small");
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("Prefer: code=418 is not a documented response");
  });

  it("an operation of the pinned spec without named examples says it has none", async () => {
    server.use(...createHandlers());
    const response = await fetch("https://api.instantly.ai/api/v2/campaigns", {
      headers: { prefer: "example=first" },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe(
      `Prefer: example="first" is not a named example of listCampaign's 200 response (it has no named examples)`,
    );
  });

  it("a success example still needs a valid request", async () => {
    server.use(...createHandlers());
    const response = await fetch("https://api.instantly.ai/api/v2/campaigns?limit=abc", {
      headers: { prefer: "example=first" },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/limit/);
  });
});

describe("Prefer: dynamic=true", () => {
  const LEAD = "https://api.instantly.ai/api/v2/leads/0190f6b4-0000-4000-8000-000000000001";
  async function bodies(count: number, seed?: number | string, target = LEAD, init: RequestInit = {}) {
    server.resetHandlers(...createHandlers(seed === undefined ? {} : { seed }));
    const out: Record<string, unknown>[] = [];
    for (let index = 0; index < count; index++) {
      const response = await fetch(target, {
        ...init,
        headers: { prefer: "dynamic=true", "content-type": "application/json" },
      });
      expect(response.status).toBe(200);
      out.push(await response.json());
    }
    return out;
  }

  it("gives each request another schema-valid lead", async () => {
    const leads = await bodies(12);
    for (const lead of leads) expect(validate(pointerOf("getLead"), lead)).toBeUndefined();
    expect(new Set(leads.map((lead) => lead.email)).size).toBe(12);
    expect(new Set(leads.map((lead) => lead.id)).size).toBe(12);
    expect(new Set(leads.map((lead) => JSON.stringify(lead))).size).toBe(12);
  });

  it("is deterministic per (seed, request count), and the seed changes the sequence", async () => {
    const first = await bodies(5, 7);
    expect(await bodies(5, 7)).toEqual(first);
    expect(await bodies(5, 8)).not.toEqual(first);
  });

  it("varies every item of a list page, still valid", async () => {
    const pages = await bodies(4, 1, "https://api.instantly.ai/api/v2/leads/list", {
      method: "POST",
      body: "{}",
    });
    for (const page of pages) expect(validate(pointerOf("listLeads"), page)).toBeUndefined();
    const emails = pages.flatMap((page) => (page.items as { email: string }[]).map((lead) => lead.email));
    expect(new Set(emails).size).toBe(emails.length);
  });

  it("without the header the body is the static default", async () => {
    server.resetHandlers(...createHandlers());
    const a = await (await fetch(LEAD)).json();
    const b = await (await fetch(LEAD)).json();
    expect(a).toEqual(b);
    const [dynamic] = await bodies(1);
    expect(dynamic).not.toEqual(a);
  });
});
