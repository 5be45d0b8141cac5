// Hand-written fixture specs through the whole normalize(): expectations derived by hand from each
// fixture and the rules in docs/spec-pipeline.md (not snapshots of our own output).
import { describe, expect, it } from "vitest";
import { normalize, serializeSpec } from "../src/spec/normalize/index.ts";
import { FIVE_TYPES_AS_ANY_OF, fixture } from "./helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: tests poke into JSON by hand
type Doc = any;
const run = (name: string): { document: Doc; warnings: string[] } => normalize(fixture(name));

describe("def-N schemas are renamed to PascalCase(title)", () => {
  const { document } = run("def-n-schemas.json");
  const schemas = document.components.schemas;

  it("names every schema after its title, keeping existing names and numbering collisions in def order", () => {
    expect(Object.keys(schemas)).toEqual([
      "APIKey", // def-9
      "APIKey2", // def-12: same title, later number
      "Account", // def-2
      "Account2", // def-10
      "Def4", // no title: from its key
      "InboxPlacementBlacklistAndSpamAssassinReport", // def-7, "&" spelled "And"
      "Lead", // already named: keeps its name
      "Lead2", // def-3 titled "Lead"
    ]);
    expect(schemas.Account.properties).toEqual({ email: { type: "string" } });
    expect(schemas.Account2.properties).toEqual({ id: { type: "string" } });
  });

  it("rewrites every $ref, including refs into a schema and discriminator mappings", () => {
    const reports = document.paths["/reports"].get.responses["200"].content["application/json"].schema;
    expect(reports.items).toEqual({
      $ref: "#/components/schemas/InboxPlacementBlacklistAndSpamAssassinReport",
    });
    expect(schemas.InboxPlacementBlacklistAndSpamAssassinReport.properties.owner).toEqual({
      $ref: "#/components/schemas/Account2/properties/id",
    });
    const keys = document.paths["/keys"].post;
    expect(keys.requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/APIKey",
    });
    const union = keys.responses["200"].content["application/json"].schema;
    expect(union.oneOf).toEqual([
      { $ref: "#/components/schemas/APIKey" },
      { $ref: "#/components/schemas/APIKey2" },
    ]);
    expect(union.discriminator.mapping).toEqual({
      key: "#/components/schemas/APIKey",
      legacy: "#/components/schemas/APIKey2",
      bare: "APIKey2",
    });
  });
});

describe("nullable", () => {
  it("rewrites every nullable: true of the fixture", () => {
    const properties = run("nullable.json").document.components.schemas.Thing.properties;
    expect(properties).toEqual({
      already: { type: ["string", "null"] },
      both: { anyOf: [{ allOf: [{ $ref: "#/components/schemas/Owner" }] }, { type: "null" }] },
      either: { oneOf: [{ type: "string" }, { type: "number" }, { type: "null" }] },
      name: { type: ["string", "null"] },
      nullable: { type: "boolean", description: "a property that happens to be called nullable" },
      owner: {
        anyOf: [{ $ref: "#/components/schemas/Owner" }, { type: "null" }],
        description: "who owns it",
      },
      score: { type: ["number", "null"] },
      status: { type: ["string", "null"], enum: ["on", "off", null] },
      strict: { type: "string" },
    });
  });
});

describe("dangling $ref", () => {
  it("becomes unknown, and the warning names the ref and each place using it", () => {
    const { document, warnings } = run("dangling-ref.json");
    const campaign = document.components.schemas.Campaign;
    expect(campaign.properties.schedule).toEqual({});
    expect(campaign.properties.history).toEqual({ type: "array", items: {} });
    expect(warnings).toEqual([
      "dangling $ref #/components/schemas/def-38 (no such schema) is typed as unknown; used at 2 places: " +
        "#/components/schemas/def-1/properties/history/items, #/components/schemas/def-1/properties/schedule",
    ]);
    expect(document.paths["/campaigns/{id}"].get.responses["200"].content["application/json"].schema).toEqual(
      {
        $ref: "#/components/schemas/Campaign",
      },
    );
  });
});

describe("array without items", () => {
  it("gets items: {}", () => {
    const properties = run("array-without-items.json").document.components.schemas.Email.properties;
    expect(properties.to_address_json).toEqual({
      type: ["array", "null"],
      items: {},
      description: "recipients",
    });
    expect(properties.tags).toEqual({ type: "array", items: {} });
    expect(properties.cc).toEqual({ type: "array", items: { type: "string" } });
    expect(properties.tuple).toEqual({ type: "array", prefixItems: [{ type: "string" }] });
  });
});

describe("enum values outside the declared type", () => {
  it("drops the contradicting type and keeps every value", () => {
    const properties = run("mixed-enum-type.json").document.components.schemas.Enrichment.properties;
    expect(properties.resource_type).toEqual({ enum: ["CAMPAIGN", "LIST", 1, 2] });
    expect(properties.delivery_mode).toEqual({ type: ["number", "null"], enum: [1, 2, null] });
    expect(properties.catch_all).toEqual({ type: ["boolean", "string"], enum: [true, false, "pending"] });
    expect(properties.level).toEqual({ enum: [1, 2, 2.5] });
    expect(properties.free).toEqual({ enum: ["a", 1] });
  });
});

describe("type lists with object among other types", () => {
  it("become anyOf; scalar lists stay", () => {
    const properties = run("mixed-type-map.json").document.components.schemas.Lead.properties;
    expect(properties.payload.additionalProperties).toEqual(FIVE_TYPES_AS_ANY_OF);
    expect(properties.custom_variables.additionalProperties).toEqual({
      type: ["string", "number", "boolean", "null"],
    });
    expect(properties.shape).toEqual({
      description: "a name or a full shape",
      anyOf: [
        { type: "string", minLength: 1 },
        { type: "object", properties: { kind: { type: "string" } }, required: ["kind"] },
      ],
    });
  });
});

describe("two spellings of one field with inline enums", () => {
  const { document } = run("alias-enums.json");
  const schemas = document.components.schemas;
  const body = document.paths["/lead-finder"].post.requestBody.content["application/json"].schema.properties;

  it("hoists the enums under distinct names, both spellings stay", () => {
    const filters = body.search_filters.properties;
    // funding_type's enum has x-enumDescriptions, fundingType's has not: two schemas. FundingTypeAlias
    // is already taken by another schema, so the alias becomes FundingTypeAlias2.
    expect(filters.funding_type).toEqual({
      type: "array",
      description: "Funding types to include",
      items: { $ref: "#/components/schemas/FundingType" },
    });
    expect(filters.fundingType).toEqual({
      type: "array",
      description: "Product-UI alias of funding_type",
      items: { $ref: "#/components/schemas/FundingTypeAlias2", example: "seed" },
    });
    expect(schemas.FundingType).toEqual({
      type: "string",
      enum: ["seed", "series_a"],
      "x-enumDescriptions": { seed: "Seed", series_a: "Series A" },
    });
    expect(schemas.FundingTypeAlias2).toEqual({ type: "string", enum: ["seed", "series_a"] });
    expect(schemas.FundingTypeAlias).toEqual({ title: "Funding Type Alias", type: "string" });
    // Same values for both spellings: one schema named after the snake_case spelling, annotations stay.
    expect(filters.location_mode).toEqual({
      $ref: "#/components/schemas/LocationMode",
      description: "canonical",
    });
    expect(filters.locationMode).toEqual({ $ref: "#/components/schemas/LocationMode", description: "alias" });
    expect(schemas.LocationMode).toEqual({ type: "string", enum: ["contact", "company"] });
    // No enums: nothing to hoist.
    expect(filters.look_alike).toEqual({ type: "string" });
    expect(filters.lookAlike).toEqual({ type: "string" });
  });

  it("shares identical enums across places and numbers a different one", () => {
    const fallback = body.fallback_search_filters.properties;
    expect(fallback.location_mode).toEqual({ $ref: "#/components/schemas/LocationMode", example: "contact" });
    expect(fallback.locationMode).toEqual({ $ref: "#/components/schemas/LocationMode" });
    const other = body.other_filters.properties;
    expect(other.location_mode).toEqual({ $ref: "#/components/schemas/LocationMode2" });
    expect(other.locationMode).toEqual({ $ref: "#/components/schemas/LocationMode2" });
    expect(schemas.LocationMode2).toEqual({ type: "string", enum: ["contact", "company", "both"] });
    // Same values as LocationMode but another field: named after its own field.
    const display = body.display_filters.properties;
    expect(display.sort_mode).toEqual({ $ref: "#/components/schemas/SortMode" });
    expect(display.sortMode).toEqual({ $ref: "#/components/schemas/SortMode" });
    expect(schemas.SortMode).toEqual({ type: "string", enum: ["contact", "company"] });
  });
});

describe("operationIds and tags", () => {
  it("become readable identifiers, unique per operation", () => {
    const { document } = run("invalid-identifiers.json");
    const report = document.paths["/inbox-placement-reports"].get;
    expect(report.operationId).toBe("listInboxPlacementBlacklistAndSpamAssassinReport");
    expect(report.tags).toEqual(["InboxPlacementBlacklistAndSpamAssassinReport"]);
    // "list lead-lists" reads as listLeadLists, which the POST already uses.
    expect(document.paths["/lead-lists"].get.operationId).toBe("listLeadLists2");
    expect(document.paths["/lead-lists"].post.operationId).toBe("listLeadLists");
    expect(document.paths["/lead-lists"].get.tags).toEqual(["LeadList"]);
    expect(document.paths["/accounts"].get.operationId).toBe("_2faAccounts");
    // No operationId at all: method + PascalCase(path), as orval would name it.
    expect(document.paths["/oauth/clients/{id}"].delete.operationId).toBe("deleteOauthClientsId");
    expect(document.tags.map((tag: { name: string }) => tag.name)).toEqual([
      "InboxPlacementBlacklistAndSpamAssassinReport",
      "LeadList",
      "Account",
    ]);
  });
});

describe("OpenAPI 3.0 input", () => {
  it("is upgraded to 3.1 with nullable rewritten", () => {
    const { document }: { document: Doc } = normalize({
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {},
      components: {
        schemas: {
          Thing: {
            type: "object",
            properties: { n: { type: "number", minimum: 0, exclusiveMinimum: true, nullable: true } },
          },
        },
      },
    });
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.components.schemas.Thing.properties.n).toEqual({
      type: ["number", "null"],
      exclusiveMinimum: 0,
    });
  });
});

describe("output", () => {
  it("has sorted keys at every level and is plain 2-space JSON with a newline", () => {
    const text = serializeSpec(run("nullable.json").document);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.startsWith('{\n  "components": {')).toBe(true);
    const sortedEverywhere = (value: unknown): boolean => {
      if (Array.isArray(value)) return value.every(sortedEverywhere);
      if (value === null || typeof value !== "object") return true;
      const keys = Object.keys(value);
      return (
        keys.every((k, i) => i === 0 || (keys[i - 1] as string) < k) &&
        Object.values(value).every(sortedEverywhere)
      );
    };
    expect(sortedEverywhere(JSON.parse(text))).toBe(true);
  });

  it("keeps a property literally named __proto__", () => {
    const raw = JSON.parse(
      '{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"Thing":{"type":"object","properties":{"__proto__":{"type":"string"}}}}}}',
    );
    const text = serializeSpec(normalize(raw).document);
    expect(text).toContain('"__proto__": {\n');
    expect(JSON.parse(text).components.schemas.Thing.properties).toEqual(
      JSON.parse('{"__proto__":{"type":"string"}}'),
    );
  });

  it("does not modify its input", () => {
    const input = fixture("alias-enums.json");
    const before = JSON.stringify(input);
    normalize(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
