// Realistic, deterministic mock data: seeded items are different people with unique emails, dates near the
// mocks' fixed "now", and every item of every resource still validates against the spec.
import { describe, expect, it } from "vitest";
import { createMockApi, crudResources, defaultBodies, type MockOperationId } from "../src/index.js";
import { createValidator, specOperations } from "./spec.js";

const validate = createValidator();
const pointerOf = (operationId: string) =>
  specOperations.find((op) => op.operationId === operationId)?.successPointer ?? "";
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?Z)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every string in a value that looks like a date, with where it is. */
function dates(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return ISO_DATE.test(value) ? [[path, value]] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => dates(item, `${path}[${index}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => dates(item, `${path}.${key}`));
  }
  return [];
}

describe("seeded items", () => {
  it("of every resource validate against the item schema (60 each)", () => {
    const api = createMockApi({ seed: 7 });
    for (const resource of Object.values(crudResources)) {
      const items = api.seed(resource.name, 60);
      for (const item of items) {
        expect(validate(pointerOf(resource.itemOperation), item), resource.name).toBeUndefined();
      }
    }
  });

  it("are different people: unique emails, varied names and companies, no placeholders", () => {
    const leads = createMockApi().seed("leads", 100);
    const emails = leads.map((lead) => lead.email);
    expect(new Set(emails).size).toBe(100);
    expect(new Set(leads.map((lead) => lead.first_name)).size).toBeGreaterThanOrEqual(30);
    expect(new Set(leads.map((lead) => lead.last_name)).size).toBeGreaterThanOrEqual(30);
    expect(new Set(leads.map((lead) => lead.company_name)).size).toBeGreaterThanOrEqual(10);
    for (const lead of leads) {
      expect(lead.first_name).not.toBe("John");
      expect(lead.last_name).not.toBe("Doe");
      expect(lead.email).not.toMatch(/example\.com$/);
      // The email is the lead's own name at its company's domain.
      expect(lead.email).toContain(`@${String(lead.company_domain)}`);
    }
  });

  it("accounts are keyed by realistic, unique emails, never UUIDs", () => {
    const accounts = createMockApi().seed("accounts", 50);
    const emails = accounts.map((account) => account.email);
    expect(new Set(emails).size).toBe(50);
    for (const email of emails) {
      expect(email).toMatch(/^[a-z]+\.[a-z]+\d*@[a-z0-9]+\.com$/);
      expect(email).not.toMatch(UUID);
    }
  });

  it("have dates near the fixed now (2026-01-01), none in 1970", () => {
    const api = createMockApi();
    for (const resource of Object.values(crudResources)) {
      for (const item of api.seed(resource.name, 5)) {
        for (const [path, date] of dates(item)) {
          const time = Date.parse(date);
          expect(time, `${resource.name}${path} = ${date}`).toBeGreaterThanOrEqual(Date.parse("2025-01-01"));
          expect(time, `${resource.name}${path} = ${date}`).toBeLessThanOrEqual(Date.parse("2026-01-02"));
        }
      }
    }
  });

  it("are the same for the same seed and after reset (deterministic)", () => {
    const first = createMockApi({ seed: "same" });
    const second = createMockApi({ seed: "same" });
    const a = first.seed("leads", 20);
    expect(second.seed("leads", 20)).toEqual(a);
    first.reset();
    expect(first.seed("leads", 20)).toEqual(a);
  });
});

describe("references between seeded resources", () => {
  it("a seeded lead's campaign and list are seeded ones, spread over them; valid against the schema", () => {
    const api = createMockApi();
    const campaigns = api.seed("campaigns", 3).map((campaign) => campaign.id);
    const lists = api.seed("lead-lists", 2).map((list) => list.id);
    const leads = api.seed("leads", 6);
    expect(leads.map((lead) => lead.campaign)).toEqual([...campaigns, ...campaigns]);
    expect(leads.map((lead) => lead.list_id)).toEqual([
      lists[0],
      lists[1],
      lists[0],
      lists[1],
      lists[0],
      lists[1],
    ]);
    for (const lead of leads) expect(validate(pointerOf("getLead"), lead)).toBeUndefined();
  });

  it("a reference the caller gives wins; with nothing seeded the mock's own value stays", () => {
    const api = createMockApi();
    const [lonely] = api.seed("leads", 1);
    expect(lonely?.campaign).toBe(
      (defaultBodies["getLead" as MockOperationId]() as { campaign: string }).campaign,
    );
    api.seed("campaigns", 1);
    const [chosen] = api.seed("leads", [{ campaign: "0198f6d3-0000-4000-8000-00000000c0de" }]);
    expect(chosen?.campaign).toBe("0198f6d3-0000-4000-8000-00000000c0de");
  });
});

describe("default bodies", () => {
  it("of every operation have no placeholder dates from 1970", () => {
    const old: string[] = [];
    for (const [operationId, body] of Object.entries(defaultBodies)) {
      for (const [path, date] of dates((body as () => unknown)())) {
        if (Date.parse(date) < Date.parse("2000-01-01")) old.push(`${operationId}${path} = ${date}`);
      }
    }
    expect(old).toEqual([]);
  });

  it("use generated people, not the spec's John Doe", () => {
    const lead = defaultBodies["getLead" as MockOperationId]() as Record<string, unknown>;
    expect(lead.first_name).not.toBe("John");
    expect(lead.email).toMatch(/@/);
    expect(lead.email).not.toBe("example@example.com");
  });
});
