// `onIgnoredFilter`: the stateful mock never silently ignores a list filter. For every (list operation, filter
// parameter) of a generated `listFilters` table — of a hand-written fixture spec (generated into a scratch copy
// of this package) and of the real pinned spec — requests that send the parameter: "warn" warns once for two
// requests, "error" answers 501 naming it, "off" stays silent, a callback is called; and parameters the mock
// does apply (derived filters, hand-written rules) never trigger any of it.
import { fileURLToPath } from "node:url";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import { buildModel } from "../../codegen/src/model/index.ts";
import { MockDataBuilder } from "../../codegen/src/targets/msw/mock-data.ts";
import { SchemaChecker } from "../../codegen/src/targets/msw/schema-check.ts";
import type { ListFilterSpec } from "../src/filters.js";
import type { IgnoredFilterInfo, IgnoredFilterStrategy, MockApi } from "../src/index.js";
import { type FixturePackage, fixturePackage } from "./fixture-package.js";
import { spec } from "./spec.js";

type Schema = Record<string, unknown>;
type Params = Record<string, unknown>;

const ORIGIN = "https://api.instantly.ai";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let warn: MockInstance<typeof console.warn>;
beforeAll(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => warn.mockClear());
afterAll(() => warn.mockRestore());

/** What a suite needs of a package (the real one, or a fixture's scratch copy) and the spec it came from. */
interface Subject {
  module: Pick<FixturePackage["module"], "createMockApi" | "crudResources" | "operationSpecs">;
  listFilters: { readonly [operationId: string]: ListFilterSpec };
  rules: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  document: Schema;
}

interface Case {
  operationId: string;
  param: string;
  /** Whether the mock applies no filter of this operation (no store behind it: its example page). */
  examplePage: boolean;
  /** Whether sending the parameter must be reported. */
  reported: boolean;
}

const escapeSegment = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

/** Every filter parameter of every list operation of the table, with what the mock must do about it. */
function casesOf(subject: Subject): Case[] {
  const { crudResources } = subject.module;
  const stored = new Set(Object.values(crudResources).map((resource) => resource.list as string));
  // The background-job list answers from the job queue, through the same filters.
  for (const [operationId, operation] of Object.entries(subject.module.operationSpecs)) {
    if (operation.method === "GET" && operation.path.endsWith("/background-jobs")) stored.add(operationId);
  }
  return Object.entries(subject.listFilters).flatMap(([operationId, table]) => {
    const examplePage = !stored.has(operationId);
    const rules = subject.rules[operationId] ?? {};
    return [...table.filters.map((filter) => filter.param), ...table.ignored].map((param) => ({
      operationId,
      param,
      examplePage,
      reported: examplePage || (table.ignored.includes(param) && !Object.hasOwn(rules, param)),
    }));
  });
}

/** Builds requests with valid values (request validation stays on, as in the API) for one subject. */
function requests(subject: Subject) {
  const model = buildModel(subject.document);
  const builder = new MockDataBuilder(model, new SchemaChecker(model));
  const built = new Map<string, unknown>();
  const valueAt = (pointer: string) => {
    if (!built.has(pointer)) built.set(pointer, builder.build(pointer).value);
    return structuredClone(built.get(pointer));
  };
  const operationOf = (operationId: string) => {
    const spec = subject.module.operationSpecs[operationId as keyof typeof subject.module.operationSpecs];
    const method = spec.method.toLowerCase();
    const paths = subject.document.paths as Record<string, Record<string, Schema>>;
    const pointer = `/paths/${escapeSegment(spec.path)}/${method}`;
    return { spec, pointer, source: paths[spec.path]?.[method] as Schema };
  };

  /** A valid, non-empty value of the parameter (query parameter or body property). */
  function paramValue(operationId: string, param: string): unknown {
    const { pointer, source } = operationOf(operationId);
    const parameters = (source.parameters ?? []) as Schema[];
    const index = parameters.findIndex((parameter) => parameter.in === "query" && parameter.name === param);
    const value =
      index >= 0
        ? valueAt(`${pointer}/parameters/${index}/schema`)
        : valueAt(
            `${pointer}/requestBody/content/application~1json/schema/properties/${escapeSegment(param)}`,
          );
    expect(value, `${operationId} ${param}: a value that counts as sent`).not.toSatisfy(
      (built: unknown) =>
        built === undefined || built === null || built === "" || (Array.isArray(built) && built.length === 0),
    );
    return value;
  }

  /** The parameters every request of the operation must send (required query parameters and body properties). */
  function requiredOf(operationId: string): Params {
    const { pointer, source } = operationOf(operationId);
    const required: Params = {};
    ((source.parameters ?? []) as Schema[]).forEach((parameter, index) => {
      if (parameter.in === "query" && parameter.required === true) {
        required[String(parameter.name)] = valueAt(`${pointer}/parameters/${index}/schema`);
      }
    });
    const body = model.resolve(model.at(`${pointer}/requestBody/content/application~1json/schema`))?.node;
    for (const name of (body?.required ?? []) as string[]) required[name] = paramValue(operationId, name);
    return required;
  }

  /** The list request with `params` as query parameters or JSON body (as the table says), path filled in. */
  function request(operationId: string, params: Params): Request {
    const { spec, pointer, source } = operationOf(operationId);
    const parameters = (source.parameters ?? []) as Schema[];
    const path = spec.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const index = parameters.findIndex((parameter) => parameter.in === "path" && parameter.name === name);
      return encodeURIComponent(String(valueAt(`${pointer}/parameters/${index}/schema`)));
    });
    const url = new URL(`${ORIGIN}${path}`);
    const all = { ...requiredOf(operationId), ...params };
    if (subject.listFilters[operationId]?.in === "body") {
      return new Request(url, {
        method: spec.method,
        body: JSON.stringify(all),
        headers: { "content-type": "application/json" },
      });
    }
    for (const [name, value] of Object.entries(all)) {
      for (const entry of Array.isArray(value) ? value : [value])
        url.searchParams.append(name, String(entry));
    }
    return new Request(url, { method: spec.method });
  }

  return { paramValue, requiredOf, request };
}

async function answer(request: Request): Promise<{ status: number; body: unknown }> {
  const response = await fetch(request);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * The table suite, for one subject: every (operation, parameter) of its generated table, against a fresh mock
 * API per strategy with two items stored per resource (so an unfiltered answer is visible).
 */
function ignoredFilterSuite(load: () => Promise<Subject>) {
  let subject: Subject;
  let cases: Case[] = [];
  let build: ReturnType<typeof requests>;
  beforeAll(async () => {
    subject = await load();
    cases = casesOf(subject);
    build = requests(subject);
  });

  function mock(onIgnoredFilter?: IgnoredFilterStrategy): MockApi {
    const api = subject.module.createMockApi({
      seed: "ignored-filters",
      ...(onIgnoredFilter === undefined ? {} : { onIgnoredFilter }),
    });
    for (const resource of api.resources) api.seed(resource, 2);
    server.resetHandlers(...api.handlers);
    return api;
  }

  /** The reported parameters a request with `param` sends (a required one may be reported too), in table order. */
  function reportedWith(operationId: string, param: string): string[] {
    const sent = new Set([...Object.keys(build.requiredOf(operationId)), param]);
    return cases
      .filter((entry) => entry.operationId === operationId && entry.reported && sent.has(entry.param))
      .map((entry) => entry.param);
  }

  const warnings = () => warn.mock.calls.map((call) => String(call[0]));

  it("reported parameters: the default (warn) warns once for two requests, naming operation and parameter", async () => {
    const reported = cases.filter((entry) => entry.reported);
    expect(reported.length).toBeGreaterThan(0);
    for (const { operationId, param, examplePage } of reported) {
      mock();
      warn.mockClear();
      const without = await answer(build.request(operationId, {}));
      const value = build.paramValue(operationId, param);
      const first = await answer(build.request(operationId, { [param]: value }));
      const second = await answer(build.request(operationId, { [param]: value }));
      const label = `${operationId} ${param}`;
      // Answered as before: the items are not filtered by the parameter.
      expect(first, label).toEqual({ status: 200, body: without.body });
      expect(second, label).toEqual(first);
      const named = warnings().filter((line) => line.includes(JSON.stringify(param)));
      expect(named, label).toHaveLength(1);
      expect(named[0], label).toContain(`${operationId}: the mock `);
      expect(named[0], label).toContain("not filtered by");
      if (examplePage) expect(named[0], label).toContain("fixed example page");
    }
  });

  it('reported parameters: "error" answers 501 in the API\'s error shape naming each one, and never warns', async () => {
    mock("error");
    for (const { operationId, param } of cases.filter((entry) => entry.reported)) {
      const label = `${operationId} ${param}`;
      const response = await answer(
        build.request(operationId, { [param]: build.paramValue(operationId, param) }),
      );
      expect(response.status, label).toBe(501);
      expect(response.body, label).toEqual({
        statusCode: 501,
        error: "Not Implemented",
        message: expect.stringContaining(`${operationId}: the mock `),
      });
      for (const name of reportedWith(operationId, param)) {
        expect((response.body as { message: string }).message, label).toContain(JSON.stringify(name));
      }
    }
    expect(warnings()).toEqual([]);
  });

  it('reported parameters: "off" answers the unfiltered items and says nothing', async () => {
    for (const { operationId, param } of cases.filter((entry) => entry.reported)) {
      mock("off");
      const without = await answer(build.request(operationId, {}));
      const response = await answer(
        build.request(operationId, { [param]: build.paramValue(operationId, param) }),
      );
      expect(response, `${operationId} ${param}`).toEqual({ status: 200, body: without.body });
    }
    expect(warnings()).toEqual([]);
  });

  it("reported parameters: a callback gets { operationId, parameters, request } for every request", async () => {
    const calls: IgnoredFilterInfo[] = [];
    mock((info) => {
      calls.push(info);
    });
    for (const { operationId, param } of cases.filter((entry) => entry.reported)) {
      calls.length = 0;
      const value = build.paramValue(operationId, param);
      const first = await answer(build.request(operationId, { [param]: value }));
      await answer(build.request(operationId, { [param]: value }));
      const label = `${operationId} ${param}`;
      expect(first.status, label).toBe(200);
      expect(
        calls.map((info) => ({ operationId: info.operationId, parameters: info.parameters })),
        label,
      ).toEqual(Array(2).fill({ operationId, parameters: reportedWith(operationId, param) }));
      expect(calls[0]?.request, label).toBeInstanceOf(Request);
      expect(new URL(calls[0]?.request.url ?? "").pathname, label).toMatch(/^\/api\/v2\//);
    }
    expect(warnings()).toEqual([]);
  });

  it("parameters the mock applies (derived filters, hand-written rules) never trigger it", async () => {
    const applied = cases.filter((entry) => !entry.reported);
    mock("error");
    for (const { operationId, param } of applied) {
      const response = await answer(
        build.request(operationId, { [param]: build.paramValue(operationId, param) }),
      );
      expect(response.status, `${operationId} ${param}`).toBe(200);
    }
    const calls: IgnoredFilterInfo[] = [];
    mock((info) => {
      calls.push(info);
    });
    for (const { operationId, param } of applied) {
      await answer(build.request(operationId, { [param]: build.paramValue(operationId, param) }));
    }
    expect(calls).toEqual([]);
    expect(warnings()).toEqual([]);
  });

  return () => cases;
}

describe("a hand-written fixture spec: its generated table", () => {
  let fixture: FixturePackage;
  const load = async (): Promise<Subject> => {
    fixture = await fixturePackage(fileURLToPath(new URL("fixtures/list-filters.json", import.meta.url)));
    return {
      module: fixture.module,
      listFilters: fixture.stateful.listFilters,
      rules: fixture.filters.FILTER_RULES,
      document: fixture.document,
    };
  };
  afterAll(() => fixture?.remove());
  const cases = ignoredFilterSuite(load);

  it("classifies every parameter as written in the fixture (derived, ruled, ignored, example page)", () => {
    const reported = cases()
      .filter((entry) => entry.reported)
      .map((entry) => `${entry.operationId} ${entry.param}`);
    expect(reported.sort()).toEqual(
      [
        "listThing tag_ids",
        "listThing start_date",
        "listThing has_reminder",
        // `filter` has a hand-written rule for listAccount; tag_ids has none.
        "listAccount tag_ids",
        "listNote queries",
        "listNote smart_view_id",
        // No store behind listEvent: none of its filters is applied, derived (`type`) or not.
        "listEvent type",
        "listEvent from",
      ].sort(),
    );
    const applied = cases()
      .filter((entry) => !entry.reported)
      .map((entry) => `${entry.operationId} ${entry.param}`);
    expect(applied.sort()).toEqual(
      [
        "listThing search",
        "listThing status",
        "listAccount filter",
        "listNote ids",
        "listNote campaign",
      ].sort(),
    );
  });

  describe("per request", () => {
    const things = (query: string) => new Request(`${ORIGIN}/api/v2/things${query}`);
    let api: MockApi;
    const use = (onIgnoredFilter?: IgnoredFilterStrategy) => {
      api = fixture.module.createMockApi({ ...(onIgnoredFilter ? { onIgnoredFilter } : {}) });
      api.seed("things" as never, 2);
      server.resetHandlers(...api.handlers);
    };
    const lines = () => warn.mock.calls.map((call) => String(call[0]));

    it("one warning names every new parameter of a request; later requests warn only about new ones", async () => {
      use();
      await answer(things("?tag_ids=a,b&start_date=2026-01-01"));
      await answer(things("?tag_ids=c"));
      await answer(things("?tag_ids=d&has_reminder=true"));
      expect(lines()).toHaveLength(2);
      expect(lines()[0]).toContain(
        'listThing: the mock does not apply the list filters "tag_ids", "start_date"',
      );
      expect(lines()[0]).toContain("not filtered by them");
      expect(lines()[1]).toContain('the list filter "has_reminder", so the items are not filtered by it');
      expect(lines()[1]).not.toContain("tag_ids");
    });

    it("api.reset() warns again, like a new mock", async () => {
      use();
      await answer(things("?tag_ids=a"));
      api.reset();
      await answer(things("?tag_ids=a"));
      expect(lines()).toHaveLength(2);
    });

    it("only parameters sent with a value count: empty text, [] and null ask for no filtering", async () => {
      use("error");
      expect((await answer(things("?tag_ids="))).status).toBe(200);
      const notes = (body: unknown) =>
        answer(
          new Request(`${ORIGIN}/api/v2/notes/list`, {
            method: "POST",
            body: JSON.stringify(body),
            headers: { "content-type": "application/json" },
          }),
        );
      expect((await notes({ queries: [], smart_view_id: null })).status).toBe(200);
      expect((await notes({ queries: [{ field: "x" }] })).status).toBe(501);
      // Not a documented parameter of the operation: not in the table, not a filter the mock was asked for.
      expect((await answer(things("?color=red"))).status).toBe(200);
    });

    it("a derived filter still filters next to a reported one (off)", async () => {
      use("off");
      api.store.insert("things" as never, { name: "Needle", status: 1 } as never);
      const page = await answer(things("?search=needle&tag_ids=a"));
      expect(page.status).toBe(200);
      expect((page.body as { items: { name: string }[] }).items.map((item) => item.name)).toEqual(["Needle"]);
    });

    it("a callback can fall back on the built-in strategies: print.warning() and print.error()", async () => {
      use((info, print) => {
        if (info.parameters.includes("tag_ids")) print.error();
        else print.warning();
      });
      const refused = await answer(things("?tag_ids=a"));
      expect(refused.status).toBe(501);
      expect((refused.body as { message: string }).message).toBe(
        'listThing: the mock does not apply the list filter "tag_ids", so the items are not filtered by it (onIgnoredFilter: "error")',
      );
      expect((await answer(things("?has_reminder=true"))).status).toBe(200);
      expect((await answer(things("?has_reminder=false"))).status).toBe(200);
      expect(lines()).toHaveLength(1);
      expect(lines()[0]).toContain('"has_reminder"');
    });

    it("refuses an unknown strategy in one line", () => {
      expect(() => fixture.module.createMockApi({ onIgnoredFilter: "silent" as never })).toThrow(
        new TypeError('onIgnoredFilter must be "warn", "error", "off" or a function, got "silent"'),
      );
    });
  });
});

describe("the real pinned spec: its generated table", () => {
  const cases = ignoredFilterSuite(async () => ({
    module: await import("../src/index.js"),
    listFilters: (await import("../src/generated/stateful.gen.js")).listFilters,
    rules: (await import("../src/filters.js")).FILTER_RULES,
    document: spec,
  }));

  it("reports what the issue named, and never a ruled parameter", () => {
    const reported = (operationId: string, param: string) =>
      cases().find((entry) => entry.operationId === operationId && entry.param === param)?.reported;
    expect(reported("listAccount", "tag_ids")).toBe(true);
    expect(reported("listLeads", "filter")).toBe(false);
    expect(reported("listLeads", "search")).toBe(false);
    expect(cases().filter((entry) => entry.reported && !entry.examplePage).length).toBeGreaterThan(0);
  });
});

// A hand-written rule answers a parameter value by value; a value it does not know (a documented one whose data the
// mock does not keep, such as listAccount's ACC_FILTER_DFY) matches nothing. That filter is not applied as the API
// applies it, so it is reported like any unapplied one — and a value the rule knows never is. Every documented value
// of every ruled parameter of the real spec (its `enum`, or its `x-enumDescriptions` keys), against the real mock.
describe("the real pinned spec: every documented value of a hand-written rule's parameter", () => {
  const resolve = (node: Schema | undefined): Schema | undefined => {
    const ref = node?.$ref;
    if (typeof ref !== "string") return node;
    const found = ref
      .slice(2)
      .split("/")
      .reduce<unknown>((at, key) => (at as Schema)[key.replaceAll("~1", "/").replaceAll("~0", "~")], spec);
    return resolve(found as Schema);
  };
  /** The schema of `param` of a list operation: its query parameter or its JSON body property. */
  const schemaOf = (operationId: string, param: string): Schema | undefined => {
    for (const item of Object.values(spec.paths))
      for (const operation of Object.values(item)) {
        if (operation.operationId !== operationId) continue;
        for (const parameter of (operation.parameters ?? []) as Schema[]) {
          const resolved = resolve(parameter);
          if (resolved?.name === param && resolved.in === "query") return resolve(resolved.schema as Schema);
        }
        const body = resolve(
          (operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content?.[
            "application/json"
          ]?.schema,
        );
        return resolve((body?.properties as Record<string, Schema> | undefined)?.[param]);
      }
    return undefined;
  };

  it("warns for exactly the values the mock's rule does not know, and answers 501 for them with error", async () => {
    const module = await import("../src/index.js");
    const { listFilters } = await import("../src/generated/stateful.gen.js");
    const { FILTER_RULES } = await import("../src/filters.js");
    const build = requests({ module, listFilters, rules: FILTER_RULES, document: spec });
    const rows: [string, string, string, boolean][] = [];
    for (const [operationId, rules] of Object.entries(FILTER_RULES))
      for (const [param, rule] of Object.entries(rules)) {
        const schema = schemaOf(operationId, param);
        const values = Array.isArray(schema?.enum)
          ? (schema.enum as unknown[])
          : Object.keys((schema?.["x-enumDescriptions"] ?? {}) as Schema);
        for (const value of values)
          rows.push([operationId, param, String(value), rule(value, { list: () => [] }) === undefined]);
      }
    // The table is not empty, and holds the case that showed the gap.
    expect(rows.length).toBeGreaterThan(20);
    expect(rows).toContainEqual(["listAccount", "filter", "ACC_FILTER_DFY", true]);
    expect(rows).toContainEqual(["listAccount", "filter", "ACC_FILTER_PAUSED", false]);
    for (const [operationId, param, value, unknown] of rows) {
      const label = `${operationId} ${param}=${value}`;
      for (const strategy of ["warn", "error"] as const) {
        const api = module.createMockApi({ seed: "ignored-values", onIgnoredFilter: strategy });
        server.resetHandlers(...api.handlers);
        warn.mockClear();
        const response = await answer(build.request(operationId, { [param]: value }));
        const warned = warn.mock.calls.map((call) => String(call[0]));
        if (strategy === "warn") {
          expect(response.status, label).toBe(200);
          expect(warned.length, label).toBe(unknown ? 1 : 0);
          if (unknown)
            expect(warned[0], label).toContain(
              `${operationId}: the mock does not know the value sent for the list filter ${JSON.stringify(param)}`,
            );
        } else {
          expect(response.status, label).toBe(unknown ? 501 : 200);
          expect(warned, label).toEqual([]);
        }
      }
    }
  });
});

// The actions that pick leads with `POST /leads/list`'s filters (LEAD_SELECTING in src/actions.ts) are the same class
// as a list request: a filter among their body fields that the mock does not apply must be reported before the
// action acts, or a move with `queries` (a smart view's conditions) moves every lead without a word. Every field
// each action's body documents (a listLeads filter, a filter of the action's own such as moveLeads' `esp_code`, an
// own field), against the real mock, with each strategy.
describe("the real pinned spec: actions that select leads with listLeads' filters", () => {
  it("report exactly the unapplied filters they are sent, before acting; never their own fields or applied filters", async () => {
    const module = await import("../src/index.js");
    const { listFilters } = await import("../src/generated/stateful.gen.js");
    const { FILTER_RULES } = await import("../src/filters.js");
    const { LEAD_SELECTING } = await import("../src/actions.js");
    const build = requests({ module, listFilters, rules: FILTER_RULES, document: spec });
    const table = listFilters.listLeads as ListFilterSpec;
    const ruled = FILTER_RULES.listLeads ?? {};
    const bodyProperties = (operationId: string) => {
      const operation = module.operationSpecs[operationId as keyof typeof module.operationSpecs];
      const source = (spec.paths as Record<string, Record<string, Schema>>)[operation.path]?.[
        operation.method.toLowerCase()
      ];
      let body = (source?.requestBody as Schema | undefined)?.content as Schema | undefined;
      body = (body?.["application/json"] as Schema | undefined)?.schema as Schema | undefined;
      const ref = body?.$ref;
      if (typeof ref === "string")
        body = (spec.components as Record<string, Record<string, Schema>>).schemas?.[
          ref.split("/").pop() ?? ""
        ];
      return Object.keys((body?.properties ?? {}) as Schema);
    };
    const rows: [string, string, boolean][] = [];
    const applied = [...table.filters.map((filter) => filter.param), ...Object.keys(ruled)];
    for (const [operationId, own] of Object.entries(LEAD_SELECTING)) {
      // Every field the action's body documents: an own field, a filter the mock applies, or reported — also the
      // filters listLeads does not have (moveLeads' `esp_code`).
      for (const param of bodyProperties(operationId))
        rows.push([operationId, param, !own.includes(param) && !applied.includes(param)]);
    }
    // The table holds the cases that showed the gap, and the own fields that must never count as a filter.
    expect(rows).toContainEqual(["moveLeads", "queries", true]);
    expect(rows).toContainEqual(["bulkAssignLeads", "smart_view_id", true]);
    expect(rows).toContainEqual(["moveLeads", "esp_code", true]);
    expect(rows).toContainEqual(["bulkAssignLeads", "has_clause", true]);
    expect(rows).toContainEqual(["bulkAssignLeads", "organization_user_ids", false]);
    expect(rows).toContainEqual(["bulkAssignLeads", "assigned_to", false]);
    expect(rows).toContainEqual(["moveLeads", "to_list_id", false]);
    expect(rows).toContainEqual(["moveLeads", "search", false]);

    for (const [operationId, param, reported] of rows) {
      const label = `${operationId} ${param}`;
      for (const strategy of ["warn", "error"] as const) {
        const api = module.createMockApi({ seed: "lead-selecting", onIgnoredFilter: strategy });
        const [list] = api.seed("lead-lists", 1);
        api.seed("leads", 3);
        server.resetHandlers(...api.handlers);
        warn.mockClear();
        const before = JSON.stringify(api.store.list("leads"));
        const operation = module.operationSpecs[operationId as keyof typeof module.operationSpecs];
        const body = {
          ...build.requiredOf(operationId),
          [param]: build.paramValue(operationId, param),
          ...(operationId === "moveLeads" ? { to_list_id: list?.id } : {}),
        };
        const response = await answer(
          new Request(new URL(`${ORIGIN}${operation.path}`), {
            method: operation.method,
            body: JSON.stringify(body),
            headers: { "content-type": "application/json" },
          }),
        );
        const warned = warn.mock.calls.map((call) => String(call[0]));
        if (strategy === "error" && reported) {
          expect(response.status, label).toBe(501);
          // An action answers no items and is no list: the message names the field as the action's (listLeads'
          // `queries` and moveLeads' own `esp_code` alike) and what it fails to narrow, the leads it acts on.
          expect((response.body as { message?: string }).message, label).toBe(
            `${operationId}: the mock does not apply ${operationId}' filter ${JSON.stringify(param)}, so the leads it acts on are not selected by it (onIgnoredFilter: "error")`,
          );
          // Before acting: no job started, no lead changed.
          api.jobs.completeAll();
          expect(api.jobs.list(), label).toEqual([]);
          expect(JSON.stringify(api.store.list("leads")), label).toBe(before);
        } else {
          // The action's own answer (a 400 of its own checks included), never the mock's 501.
          expect(response.status, `${label}: ${JSON.stringify(response.body)}`).not.toBe(501);
        }
        if (strategy === "warn") {
          expect(warned.length, label).toBe(reported ? 1 : 0);
          if (reported)
            expect(warned[0], label).toContain(
              `${operationId}: the mock does not apply ${operationId}' filter ${JSON.stringify(param)}, so the leads it acts on are not selected by it.`,
            );
        } else expect(warned, label).toEqual([]);
      }
    }
  });
});

describe("an action's own filter beyond listLeads' table", () => {
  it("is reported when it asks for filtering, and a flag set to false is not", async () => {
    const module = await import("../src/index.js");
    const infos: IgnoredFilterInfo[] = [];
    const api = module.createMockApi({ seed: "beyond", onIgnoredFilter: (info) => void infos.push(info) });
    const [list] = api.seed("lead-lists", 1);
    api.seed("leads", 2);
    server.resetHandlers(...api.handlers);
    const move = (body: Params) =>
      answer(
        new Request(`${ORIGIN}/api/v2/leads/move`, {
          method: "POST",
          body: JSON.stringify({ to_list_id: list?.id, ...body }),
          headers: { "content-type": "application/json" },
        }),
      );
    await move({ esp_code: 0, skip_leads_in_verification: false, ignore_resource_filter_clauses: true });
    await move({ skip_leads_in_verification: true, check_duplicates_in_campaigns: false });
    await move({ check_duplicates: true, copy_leads: false });
    expect(infos.map((info) => [info.operationId, info.parameters])).toEqual([
      ["moveLeads", ["esp_code"]],
      ["moveLeads", ["skip_leads_in_verification"]],
    ]);
  });
});

describe("an action's filter value that its rule does not know", () => {
  it("is reported naming the leads, not items: it matches no lead", async () => {
    const module = await import("../src/index.js");
    const api = module.createMockApi({ seed: "unknown-lead-filter", onIgnoredFilter: "error" });
    const [list] = api.seed("lead-lists", 1);
    api.seed("leads", 2);
    server.resetHandlers(...api.handlers);
    const response = await answer(
      new Request(`${ORIGIN}/api/v2/leads/move`, {
        method: "POST",
        body: JSON.stringify({ to_list_id: list?.id, filter: "FILTER_NO_SUCH_VALUE" }),
        headers: { "content-type": "application/json" },
      }),
    );
    expect(response.status).toBe(501);
    expect((response.body as { message?: string }).message).toBe(
      `moveLeads: the mock does not know the value sent for moveLeads' filter "filter" (it keeps no data to answer it), so no leads match (onIgnoredFilter: "error")`,
    );
  });
});

describe("an action's message names its fields as the action's, never as a list's", () => {
  const move = (body: Params, listId: unknown) =>
    answer(
      new Request(`${ORIGIN}/api/v2/leads/move`, {
        method: "POST",
        body: JSON.stringify({ to_list_id: listId, ...body }),
        headers: { "content-type": "application/json" },
      }),
    );

  it("listLeads' filters and the action's own, together; an unknown value beside them", async () => {
    const module = await import("../src/index.js");
    const api = module.createMockApi({ seed: "action-wording", onIgnoredFilter: "error" });
    const [list] = api.seed("lead-lists", 1);
    server.resetHandlers(...api.handlers);
    const both = await move({ esp_code: 0, smart_view_id: "00000000-0000-4000-8000-000000000000" }, list?.id);
    expect((both.body as { message?: string }).message).toBe(
      `moveLeads: the mock does not apply moveLeads' filters "smart_view_id", "esp_code", so the leads it acts on are not selected by them (onIgnoredFilter: "error")`,
    );
    const mixed = await move({ filter: "FILTER_NO_SUCH_VALUE", esp_code: 0 }, list?.id);
    expect((mixed.body as { message?: string }).message).toBe(
      `moveLeads: the mock does not know the value sent for moveLeads' filter "filter" (it keeps no data to answer it), so no leads match; the mock does not apply moveLeads' filter "esp_code", so the leads it acts on are not selected by it (onIgnoredFilter: "error")`,
    );
  });

  it("the warning too; a list's keeps saying the list filter", async () => {
    const module = await import("../src/index.js");
    const api = module.createMockApi({ seed: "action-wording-warn" });
    const [list] = api.seed("lead-lists", 1);
    server.resetHandlers(...api.handlers);
    warn.mockClear();
    await move({ esp_code: 0 }, list?.id);
    await answer(
      new Request(`${ORIGIN}/api/v2/leads/list`, {
        method: "POST",
        body: JSON.stringify({ smart_view_id: "00000000-0000-4000-8000-000000000000" }),
        headers: { "content-type": "application/json" },
      }),
    );
    const lines = warn.mock.calls.map((call) => String(call[0]));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(
      `moveLeads: the mock does not apply moveLeads' filter "esp_code", so the leads it acts on are not selected by it.`,
    );
    expect(lines[0]).not.toContain("list filter");
    expect(lines[1]).toContain(
      'listLeads: the mock does not apply the list filter "smart_view_id", so the items are not filtered by it.',
    );
  });
});
