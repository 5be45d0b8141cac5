import { operationSchemas } from "@instantly-kit/zod/operations";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { ownResponseProperties } from "../src/generated/stateful.gen.js";
import { createMockApi, crudResources, defaultBodies, type MockOperationId } from "../src/index.js";
import { createValidator, specOperations } from "./spec.js";
import { bodyPointer, model, resolve, validBody } from "./valid-requests.js";

const BASE = "https://api.instantly.ai/api/v2";
const api = createMockApi({ seed: "tests" });
const server = setupServer(...api.handlers);
const validate = createValidator();
const validateRequestBody = validate;
const pointerOf = (operationId: string) =>
  specOperations.find((op) => op.operationId === operationId)?.successPointer ?? "";

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => api.reset());
afterAll(() => server.close());

async function send(method: string, path: string, body?: unknown) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : {
          body: typeof body === "string" ? body : JSON.stringify(body),
          headers: { "content-type": "application/json" },
        }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe("createMockApi: CRUD over the store", () => {
  it("keeps create → list → get → patch → delete of lead labels coherent", async () => {
    const created = await send("POST", "/lead-labels", { label: "Warm", interest_status_label: "neutral" });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ label: "Warm", interest_status_label: "neutral" });
    // Filled to a full item: valid against the spec's LeadLabel schema, with a fresh id.
    expect(validate(pointerOf("getLeadLabel"), created.body)).toBeUndefined();
    const id = created.body.id as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const listed = await send("GET", "/lead-labels");
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect(listed.body.next_starting_after).toBeUndefined();
    expect(validate(pointerOf("listLeadLabel"), listed.body)).toBeUndefined();

    expect((await send("GET", `/lead-labels/${id}`)).body).toEqual(created.body);

    const patched = await send("PATCH", `/lead-labels/${id}`, { label: "Hot" });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...created.body, label: "Hot" });
    expect((await send("GET", `/lead-labels/${id}`)).body.label).toBe("Hot");

    const deleted = await send("DELETE", `/lead-labels/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(id);
    expect((await send("GET", "/lead-labels")).body.items).toEqual([]);
    const gone = await send("GET", `/lead-labels/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ statusCode: 404, error: "Not Found", message: expect.stringContaining(id) });
  });

  it("lists leads with POST /leads/list, filtered by campaign", async () => {
    await send("POST", "/leads", {
      email: "a@example.com",
      campaign: "c0000000-0000-4000-8000-000000000001",
    });
    await send("POST", "/leads", {
      email: "b@example.com",
      campaign: "c0000000-0000-4000-8000-000000000002",
    });
    const all = await send("POST", "/leads/list", {});
    expect(all.body.items.map((lead: { email: string }) => lead.email)).toEqual([
      "a@example.com",
      "b@example.com",
    ]);
    const one = await send("POST", "/leads/list", { campaign: "c0000000-0000-4000-8000-000000000002" });
    expect(one.body.items.map((lead: { email: string }) => lead.email)).toEqual(["b@example.com"]);
    expect(validate(pointerOf("listLeads"), one.body)).toBeUndefined();
  });

  it("keys accounts by email, the path parameter of /accounts/{email}", async () => {
    const created = await send("POST", "/accounts", {
      email: "sender@example.com",
      first_name: "Sam",
      last_name: "Sender",
      provider_code: 2,
      imap_username: "sender@example.com",
      imap_password: "x",
      imap_host: "imap.example.com",
      imap_port: 993,
      smtp_username: "sender@example.com",
      smtp_password: "x",
      smtp_host: "smtp.example.com",
      smtp_port: 587,
    });
    expect(created.status).toBe(200);
    expect(created.body.email).toBe("sender@example.com");
    const fetched = await send("GET", "/accounts/sender%40example.com");
    expect(fetched.status).toBe(200);
    expect(fetched.body.first_name).toBe("Sam");
    expect(validate(pointerOf("getAccount"), fetched.body)).toBeUndefined();
    expect((await send("DELETE", "/accounts/sender@example.com")).status).toBe(200);
    expect((await send("GET", "/accounts/sender@example.com")).status).toBe(404);
  });

  it("ignores body properties the item schema does not have, and keeps the id on patch", async () => {
    // The create schema has additionalProperties: false, so request validation refuses the unknown property…
    const refused = await send("POST", "/custom-tags", { label: "VIP", not_a_field: 1 });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain("body.not_a_field: expected no such property");
    // …and without validation the store drops it.
    server.use(...createMockApi({ seed: "tests", validateRequests: false }).handlers);
    const created = await send("POST", "/custom-tags", { label: "VIP", not_a_field: 1 });
    expect(created.status).toBe(200);
    expect(created.body).not.toHaveProperty("not_a_field");
    const patched = await send("PATCH", `/custom-tags/${created.body.id}`, { id: "other", label: "VIP+" });
    expect(patched.body.id).toBe(created.body.id);
    expect(validate(pointerOf("getCustomTag"), patched.body)).toBeUndefined();
    server.resetHandlers();
  });

  it("answers unknown ids with 404 on get, patch and delete", async () => {
    for (const method of ["GET", "PATCH", "DELETE"]) {
      const response = await send(
        method,
        "/campaigns/does-not-exist",
        method === "PATCH" ? { name: "x" } : undefined,
      );
      expect(response.status).toBe(404);
      expect(response.body.statusCode).toBe(404);
    }
  });

  it("rejects a body that is not JSON, or misses a required property, with 400 and a clear message", async () => {
    const broken = await send("POST", "/lead-labels", "{ label: ");
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ statusCode: 400, error: "Bad Request" });
    expect(broken.body.message).toMatch(/^Body is not valid JSON: /);
    const missing = await send("POST", "/lead-labels", { label: "no status" });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe(
      "Invalid request: body.interest_status_label: expected a required property, got nothing",
    );
    expect(api.store.list("lead-labels")).toEqual([]);
  });
});

describe("createMockApi: abusive requests in-process answer like the mock server", () => {
  it.each([
    ["GET", "/campaigns/%E0%A4%A"],
    ["DELETE", "/lead-labels/%zz"],
    ["GET", "/campaigns?starting_after=%C3%28"],
  ])("%s %s → 400 for malformed percent-encoding", async (method, path) => {
    const response = await send(method, path);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: "Bad Request",
      message: "Malformed percent-encoding in the request URL",
    });
  });

  it("answers a JSON body sent as text/plain with 415 (fetch's default for a string body)", async () => {
    const response = await fetch(`${BASE}/lead-labels`, {
      method: "POST",
      body: JSON.stringify({ label: "x", interest_status_label: "positive" }),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      statusCode: 415,
      error: "Unsupported Media Type",
      message: "Unsupported Media Type: text/plain;charset=UTF-8",
    });
    expect(api.store.list("lead-labels")).toEqual([]);
  });

  it("refuses a second account with the same email (409) and keeps the first", async () => {
    const [first] = api.seed("accounts", [{ email: "dup@example.com", first_name: "First" }]);
    expect(first?.email).toBe("dup@example.com");
    const credentials = {
      imap_username: "u",
      imap_password: "p",
      imap_host: "imap.example.com",
      imap_port: 993,
    };
    const body = {
      email: "dup@example.com",
      first_name: "Second",
      last_name: "Account",
      provider_code: 2,
      ...credentials,
      ...{ smtp_username: "u", smtp_password: "p", smtp_host: "smtp.example.com", smtp_port: 465 },
    };
    const response = await send("POST", "/accounts", body);
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      statusCode: 409,
      error: "Conflict",
      message: "An item of accounts with email 'dup@example.com' already exists",
    });
    expect(api.store.get("accounts", "dup@example.com")?.first_name).toBe("First");
  });

  it("seed refuses an id already in the store or given twice, adding none of the items", () => {
    api.seed("campaigns", [{ id: "c1" }]);
    expect(() => api.seed("campaigns", [{ id: "c2" }, { id: "c1" }])).toThrow(
      `seed("campaigns"): an item with id 'c1' already exists`,
    );
    expect(() => api.seed("campaigns", [{ id: "c3" }, { id: "c3" }])).toThrow(/id 'c3' already exists/);
    expect(api.store.list("campaigns").map((item) => item.id)).toEqual(["c1"]);
  });
});

describe("createMockApi: every CRUD resource of the spec", () => {
  const operation = (id: string) => specOperations.find((op) => op.operationId === id);
  const pathOf = (id: string, itemId = "") =>
    (operation(id)?.path ?? "").replace(/^\/api\/v2/, "").replace(/\{[^}]+\}/, encodeURIComponent(itemId));

  it.each(Object.values(crudResources).map((resource) => [resource.name, resource] as const))(
    "%s: create → get → list → patch → delete",
    async (_name, resource) => {
      // The create operation's required properties valued like the item's own mock data (so the item stays
      // valid), or like a valid request body where the item's value is not a valid request (validation is on).
      const create = operation(resource.create);
      const valid = (create ? validBody(create)?.value : {}) as Record<string, unknown>;
      const template = defaultBodies[resource.itemOperation as MockOperationId]() as Record<string, unknown>;
      const pointer = create ? (bodyPointer(create) ?? "") : "";
      const required = (resolve(model.at(pointer))?.required ?? []) as string[];
      const fromTemplate = Object.fromEntries(required.map((name) => [name, template[name] ?? valid[name]]));
      const body = validateRequestBody(pointer, fromTemplate) === undefined ? fromTemplate : valid;
      // The one or two create bodies the mock-data builder cannot make valid go to a mock without validation.
      if (validateRequestBody(pointer, body) !== undefined) {
        server.use(...createMockApi({ seed: "tests", validateRequests: false }).handlers);
      }
      onTestFinished(() => server.resetHandlers());
      const created = await send("POST", pathOf(resource.create), body);
      expect(created.status).toBe(operation(resource.create)?.status);
      // Each operation answers its own documented shape (createAIAgent is not getAIAgent's summary).
      expect(validate(pointerOf(resource.create), created.body)).toBeUndefined();
      const id = String(created.body[resource.idProperty]);

      if ("get" in resource) {
        const fetched = (await send("GET", pathOf(resource.get, id))).body;
        expect(validate(pointerOf(resource.get), fetched)).toBeUndefined();
        if (ownResponseProperties[resource.create] === undefined) expect(fetched).toEqual(created.body);
        else expect(fetched[resource.idProperty]).toBe(created.body[resource.idProperty]);
      }
      const list =
        resource.listIn === "body"
          ? await send("POST", pathOf(resource.list), {})
          : await send("GET", pathOf(resource.list));
      expect(list.body.items.map((item: Record<string, unknown>) => item[resource.idProperty])).toEqual([
        created.body[resource.idProperty],
      ]);
      if ("update" in resource) {
        const update = operation(resource.update);
        const patched = await send(
          "PATCH",
          pathOf(resource.update, id),
          update ? validBody(update)?.value : {},
        );
        expect(patched.status).toBe(200);
        expect(patched.body[resource.idProperty]).toBe(created.body[resource.idProperty]);
        expect(validate(pointerOf(resource.update), patched.body)).toBeUndefined();
      }
      if ("remove" in resource) {
        const deleted = await send("DELETE", pathOf(resource.remove, id));
        expect(deleted.status).toBe(operation(resource.remove)?.status);
        expect(validate(pointerOf(resource.remove), deleted.body)).toBeUndefined();
        if ("get" in resource) expect((await send("GET", pathOf(resource.get, id))).status).toBe(404);
      }
    },
  );
});

describe("createMockApi: pagination with real cursors", () => {
  it("walks 25 seeded campaigns in pages of 10 with next_starting_after", async () => {
    const seeded = api.seed("campaigns", 25);
    const seen: string[] = [];
    let cursor: string | undefined;
    const pages: number[] = [];
    do {
      const query = new URLSearchParams({ limit: "10", ...(cursor ? { starting_after: cursor } : {}) });
      const page = await send("GET", `/campaigns?${query}`);
      expect(validate(pointerOf("listCampaign"), page.body)).toBeUndefined();
      pages.push(page.body.items.length);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.next_starting_after;
      if (cursor) expect(cursor).toBe(seen.at(-1));
    } while (cursor);
    expect(pages).toEqual([10, 10, 5]);
    expect(seen).toEqual(seeded.map((item) => item.id));
    expect(new Set(seen).size).toBe(25);
  });

  it("has no next cursor when the last page is exactly full", async () => {
    api.seed("lead-labels", 4);
    const first = await send("GET", "/lead-labels?limit=2");
    const second = await send("GET", `/lead-labels?limit=2&starting_after=${first.body.next_starting_after}`);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.next_starting_after).toBeUndefined();
  });

  it("rejects a limit outside 1..100 with 400", async () => {
    expect((await send("GET", "/lead-labels?limit=0")).status).toBe(400);
    expect((await send("GET", "/lead-labels?limit=101")).status).toBe(400);
  });
});

describe("createMockApi: seed and reset", () => {
  it("fills partial seeds to full items and lets a seed choose the id", async () => {
    const [label] = api.seed("lead-labels", [
      { id: "11111111-1111-4111-8111-111111111111", label: "Seeded" },
    ]);
    expect(label).toMatchObject({ id: "11111111-1111-4111-8111-111111111111", label: "Seeded" });
    expect(validate(pointerOf("getLeadLabel"), label)).toBeUndefined();
    expect((await send("GET", "/lead-labels/11111111-1111-4111-8111-111111111111")).body.label).toBe(
      "Seeded",
    );
  });

  it("reset empties the store and restarts ids: the same calls give the same items", async () => {
    const first = api.seed("webhooks", 3);
    api.reset();
    expect(api.store.list("webhooks")).toEqual([]);
    expect((await send("GET", "/webhooks")).body.items).toEqual([]);
    const again = api.seed("webhooks", 3);
    expect(again).toEqual(first);
  });

  it("gives different ids for different seeds, the same for the same seed", () => {
    const a = createMockApi({ seed: 1 }).seed("campaigns", 2);
    const b = createMockApi({ seed: 1 }).seed("campaigns", 2);
    const c = createMockApi({ seed: 2 }).seed("campaigns", 2);
    expect(a).toEqual(b);
    expect(c[0]?.id).not.toBe(a[0]?.id);
  });

  it("derives the CRUD resources from the spec's paths", () => {
    expect(api.resources).toEqual(
      expect.arrayContaining([
        "lead-labels",
        "campaigns",
        "leads",
        "lead-lists",
        "custom-tags",
        "webhooks",
        "block-lists-entries",
      ]),
    );
  });
});

// A request schema may allow what the item schema does not (an empty `reply_to` where the account's is an email,
// any `type` where the AI agent's is an enum). Whatever the mock accepts and stores, its answers for the item
// must pass @instantly-kit/zod's response schemas: what the client's `validate: { response: "throw" }` checks.
describe("createMockApi: every value a create or patch accepts is answered schema-valid", () => {
  const CANDIDATES: unknown[] = [
    null,
    "",
    " ",
    0,
    -1,
    1.5,
    true,
    false,
    [],
    {},
    "x".repeat(300),
    "2026-13-45",
  ];
  const operation = (id: string) => specOperations.find((op) => op.operationId === id);
  const pathOf = (id: string, itemId = "") =>
    (operation(id)?.path ?? "").replace(/^\/api\/v2/, "").replace(/\{[^}]+\}/, encodeURIComponent(itemId));
  const refused = (id: string, status: number, body: unknown): string | undefined => {
    const schema = (
      operationSchemas as Record<
        string,
        {
          responses: Record<
            number,
            {
              safeParse(value: unknown): {
                success: boolean;
                error?: { issues: { path: PropertyKey[] }[] };
              };
            }
          >;
        }
      >
    )[id]?.responses[status];
    const result = schema?.safeParse(body);
    return result && !result.success
      ? `${id} ${status} refused at ${result.error?.issues.map((issue) => issue.path.join(".")).join(", ")}`
      : undefined;
  };

  it.each(Object.values(crudResources).map((resource) => [resource.name, resource] as const))(
    "%s",
    async (_name, resource) => {
      const create = operation(resource.create);
      const createBody = create ? validBody(create) : undefined;
      if (!create || !createBody?.valid) return; // the builder cannot make a valid body: nothing is stored
      const failures: string[] = [];
      for (const opId of [resource.create, "update" in resource ? resource.update : undefined]) {
        const op = opId ? operation(opId) : undefined;
        if (!opId || !op) continue;
        const base = (validBody(op)?.value ?? {}) as Record<string, unknown>;
        const properties = Object.keys(resolve(model.at(bodyPointer(op) ?? ""))?.properties ?? {});
        for (const property of properties) {
          for (const value of CANDIDATES) {
            api.reset();
            let id = "";
            if (opId !== resource.create) {
              const created = await send("POST", pathOf(resource.create), createBody.value);
              id = String(created.body[resource.idProperty]);
            }
            const body = { ...base, [property]: value };
            const answer =
              opId === resource.create
                ? await send("POST", pathOf(opId), body)
                : await send("PATCH", pathOf(opId, id), body);
            if (answer.status >= 400) continue;
            const what = `${opId} with ${property}: ${JSON.stringify(value).slice(0, 20)} → `;
            const itemId = String(answer.body?.[resource.idProperty] ?? id);
            const answers: [string, number, unknown][] = [[opId, answer.status, answer.body]];
            if ("get" in resource) {
              const fetched = await send("GET", pathOf(resource.get, itemId));
              answers.push([resource.get, fetched.status, fetched.body]);
            }
            const list =
              resource.listIn === "body"
                ? await send("POST", pathOf(resource.list), {})
                : await send("GET", pathOf(resource.list));
            answers.push([resource.list, list.status, list.body]);
            for (const [answeredBy, status, answered] of answers) {
              const problem = refused(answeredBy, status, answered);
              if (problem) failures.push(what + problem);
            }
          }
        }
      }
      expect(failures).toEqual([]);
    },
  );
});
