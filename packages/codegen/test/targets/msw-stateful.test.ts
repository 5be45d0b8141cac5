// The msw target's stateful tables (stateful.gen.ts), derived from a tiny hand-written spec: one case per
// naming rule of the list filters, plus background-job operations and operations answering their own shape.
import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index.ts";
import { mockOperations, mockResources } from "../../src/targets/msw/mock-operations.ts";
import {
  backgroundJobOperations,
  type ListFilter,
  listFilterSpecs,
  ownResponseProperties,
  requiredItemProperties,
} from "../../src/targets/msw/stateful.ts";

const page = (item: string) => ({
  type: "object",
  properties: {
    items: { type: "array", items: { $ref: `#/components/schemas/${item}` } },
    next_starting_after: { type: "string" },
  },
});
const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const query = (name: string, schema: unknown, description?: string) => ({
  name,
  in: "query",
  schema,
  ...(description ? { description } : {}),
});

const document = {
  openapi: "3.1.0",
  info: { title: "fixture", version: "1" },
  paths: {
    "/api/v2/things": {
      get: {
        operationId: "listThing",
        parameters: [
          query("limit", { type: "integer" }),
          query("starting_after", { type: "string" }),
          query("search", { type: "string" }, "Search by first name or email"),
          query("status", { type: "number" }),
          query("owner_ids", { type: "string" }, "A comma-separated list"),
          query("owner", { type: "string" }, "Owners, as a comma-separated list"),
          query("ids", { type: "string" }, "Comma-separated ids"),
          query("excluded_ids", { type: "string" }, "Comma-separated ids"),
          query("exclude_status", { type: "number" }),
          query("owner_not", { type: "string" }),
          query("in_campaign", { type: "boolean" }),
          query("in_list", { type: "boolean" }),
          query("min_timestamp_created", { type: "string" }),
          query("max_timestamp_created", { type: "string" }),
          query("smart_view_id", { type: "string" }),
          query("sort_order", { type: "string" }),
        ],
        responses: { 200: json(page("Thing")) },
      },
      post: {
        operationId: "createThing",
        requestBody: json({ type: "object", properties: { first_name: { type: "string" } } }),
        responses: { 200: json({ $ref: "#/components/schemas/CreatedThing" }) },
      },
    },
    "/api/v2/things/{id}": {
      get: { operationId: "getThing", responses: { 200: json({ $ref: "#/components/schemas/Thing" }) } },
      delete: {
        operationId: "deleteThing",
        responses: { 200: json({ $ref: "#/components/schemas/Thing" }) },
      },
    },
    "/api/v2/leads/list": {
      post: {
        operationId: "listLeads",
        requestBody: json({
          type: "object",
          properties: {
            starting_after: { type: "string" },
            search: { type: "string", description: "can be First Name, Last Name, or Email" },
            ids: { type: "array", items: { type: "string" } },
            contacts: { type: "array", items: { type: "string" } },
            campaign: { type: "string" },
          },
        }),
        responses: { 200: json(page("Lead")) },
      },
    },
    "/api/v2/things/move": {
      post: {
        operationId: "moveThings",
        responses: { 200: json({ $ref: "#/components/schemas/BackgroundJob" }) },
      },
    },
    "/api/v2/background-jobs/{id}": {
      get: {
        operationId: "getBackgroundJob",
        responses: { 200: json({ $ref: "#/components/schemas/BackgroundJob" }) },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: "object",
        required: ["id", "status"],
        properties: {
          id: { type: "string" },
          status: { type: "number" },
          first_name: { type: "string" },
          email: { type: "string" },
          owner: { type: "string" },
          campaign: { type: "string" },
          list_id: { type: "string" },
          timestamp_created: { type: "string" },
        },
      },
      CreatedThing: { type: "object", properties: { id: { type: "string" }, created: { type: "boolean" } } },
      Lead: {
        type: "object",
        properties: {
          id: { type: "string" },
          email: { type: "string" },
          first_name: { type: "string" },
          last_name: { type: "string" },
          campaign: { type: "string" },
        },
      },
      BackgroundJob: { type: "object", properties: { id: { type: "string" }, status: { type: "string" } } },
    },
  },
};

const model = buildModel(document);
const operations = mockOperations(model);
const resources = mockResources(model, operations);
const specs = listFilterSpecs(model, operations, resources);
const filterOf = (operationId: string, param: string) =>
  specs[operationId]?.filters.find((filter) => filter.param === param);

describe("list filters: one naming rule per case", () => {
  it.each<[string, string, ListFilter]>([
    ["listThing", "search", { param: "search", kind: "search", properties: ["first_name", "email"] }],
    ["listThing", "status", { param: "status", kind: "equals", property: "status" }],
    ["listThing", "owner", { param: "owner", kind: "equals", property: "owner", many: "comma" }],
    ["listThing", "ids", { param: "ids", kind: "equals", property: "id", many: "comma" }],
    ["listThing", "excluded_ids", { param: "excluded_ids", kind: "not", property: "id", many: "comma" }],
    ["listThing", "exclude_status", { param: "exclude_status", kind: "not", property: "status" }],
    ["listThing", "owner_not", { param: "owner_not", kind: "not", property: "owner" }],
    ["listThing", "in_campaign", { param: "in_campaign", kind: "present", property: "campaign" }],
    ["listThing", "in_list", { param: "in_list", kind: "present", property: "list_id" }],
    [
      "listThing",
      "min_timestamp_created",
      { param: "min_timestamp_created", kind: "min", property: "timestamp_created" },
    ],
    [
      "listThing",
      "max_timestamp_created",
      { param: "max_timestamp_created", kind: "max", property: "timestamp_created" },
    ],
    [
      "listLeads",
      "search",
      { param: "search", kind: "search", properties: ["email", "first_name", "last_name"] },
    ],
    ["listLeads", "ids", { param: "ids", kind: "equals", property: "id", many: "array" }],
    ["listLeads", "contacts", { param: "contacts", kind: "equals", property: "email", many: "array" }],
    ["listLeads", "campaign", { param: "campaign", kind: "equals", property: "campaign" }],
  ])("%s %s", (operationId, param, expected) => {
    expect(filterOf(operationId, param)).toEqual(expected);
  });

  it("says where each list's filters are sent: query parameters (GET) or the JSON body (POST /list)", () => {
    expect(specs.listThing?.in).toBe("query");
    expect(specs.listLeads?.in).toBe("body");
  });

  it("lists what it cannot map as ignored, and never paging or sorting parameters", () => {
    expect(specs.listThing?.ignored).toEqual(["owner_ids", "smart_view_id"]);
    const params = specs.listThing?.filters.map((filter) => filter.param) ?? [];
    for (const paging of ["limit", "starting_after", "sort_order"]) expect(params).not.toContain(paging);
  });
});

describe("jobs, shapes and required properties", () => {
  it("finds the operations answering the background-job schema", () => {
    expect(backgroundJobOperations(operations)).toEqual(["moveThings"]);
  });

  it("finds CRUD operations whose documented answer is not the stored item's shape", () => {
    expect(ownResponseProperties(model, operations, resources)).toEqual({ createThing: ["id", "created"] });
  });

  it("lists the item's required properties per resource", () => {
    expect(requiredItemProperties(model, operations, resources)).toEqual({ things: ["id", "status"] });
  });
});
