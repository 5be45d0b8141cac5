// Typed overrides over the stateful mock: a resolver reads the request body and path parameters, answers some
// requests itself and lets the rest fall through (passthrough() or undefined) to createMockApi's store.
import { HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createMockApi,
  getCreateLeadLabelMockHandler,
  getGetLeadLabelMockHandler,
  getPatchLeadLabelMockHandler,
  passthrough,
} from "../src/index.js";

const api = createMockApi({ seed: "passthrough" });
const server = setupServer(...api.handlers);
const BASE = "https://api.instantly.ai/api/v2/lead-labels";

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  api.reset();
});
afterAll(() => server.close());

async function post(body: unknown) {
  const response = await fetch(BASE, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe("passthrough", () => {
  it("a resolver answers the requests it picks and passes the others to the store", async () => {
    const seen: string[] = [];
    server.use(
      getCreateLeadLabelMockHandler(async ({ body }) => {
        const sent = await body();
        seen.push(sent.label);
        if (sent.label === "Taken") return HttpResponse.json({ message: "exists" }, { status: 409 });
        return passthrough();
      }),
    );
    const taken = await post({ label: "Taken", interest_status_label: "positive" });
    expect(taken.status).toBe(409);
    const created = await post({ label: "Hot leads", interest_status_label: "positive" });
    expect(created.status).toBe(200);
    expect(created.body.label).toBe("Hot leads");
    // The resolver read both bodies; only the passed-through one reached the store.
    expect(seen).toEqual(["Taken", "Hot leads"]);
    expect(api.store.list("lead-labels").map((label) => label.label)).toEqual(["Hot leads"]);
  });

  it("returning undefined falls through the same way, and the body can still be read by the store", async () => {
    server.use(getCreateLeadLabelMockHandler(async ({ body }) => void (await body())));
    const created = await post({ label: "Via undefined", interest_status_label: "negative" });
    expect(created.status).toBe(200);
    expect(api.store.get("lead-labels", created.body.id)?.interest_status_label).toBe("negative");
  });

  it("path parameters reach the resolver; an unknown id falls through to the store's 404", async () => {
    const [label] = api.seed("lead-labels", [{ label: "Seeded" }]);
    const ids: string[] = [];
    server.use(
      getGetLeadLabelMockHandler(({ params, defaultBody }) => {
        ids.push(params.id);
        return params.id === "pinned" ? { ...defaultBody, id: "pinned", label: "Pinned" } : passthrough();
      }),
    );
    expect((await (await fetch(`${BASE}/pinned`)).json()).label).toBe("Pinned");
    expect((await (await fetch(`${BASE}/${label?.id}`)).json()).label).toBe("Seeded");
    expect((await fetch(`${BASE}/missing`)).status).toBe(404);
    expect(ids).toEqual(["pinned", label?.id, "missing"]);
  });

  it("an override sees only valid requests: an invalid body is answered 400 before the resolver runs", async () => {
    let called = 0;
    server.use(
      getPatchLeadLabelMockHandler(() => {
        called++;
        return passthrough();
      }),
    );
    const [label] = api.seed("lead-labels", [{ label: "Before" }]);
    const response = await fetch(`${BASE}/${label?.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ label: 5 }),
    });
    expect(response.status).toBe(400);
    expect(called).toBe(0);
    expect(api.store.get("lead-labels", String(label?.id))?.label).toBe("Before");
  });
});
