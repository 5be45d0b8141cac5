// One given → want table per normalization rule. Each rule function runs alone on a tiny document;
// every expectation is written by hand from the rule's definition (docs/spec-pipeline.md).
import { describe, expect, it } from "vitest";
import { addMissingArrayItems } from "../src/spec/normalize/array-items.ts";
import { replaceDanglingRefs } from "../src/spec/normalize/dangling-refs.ts";
import { dropTypesThatContradictEnums } from "../src/spec/normalize/enum-types.ts";
import { splitMixedTypeLists } from "../src/spec/normalize/multi-type.ts";
import { isIdentifier, MAX_NAME_LENGTH, pascalCase, toIdentifier } from "../src/spec/normalize/names.ts";
import { rewriteNullable } from "../src/spec/normalize/nullable.ts";
import { canonicalSetOrder } from "../src/spec/normalize/set-order.ts";
import type { JsonObject } from "../src/spec/normalize/walk.ts";
import { docWith, FIVE_TYPES_AS_ANY_OF, schemaOf } from "./helpers.ts";

type Rule = (document: JsonObject) => void;

function applyToSchema(rule: Rule, given: unknown): unknown {
  const document = docWith(structuredClone(given)) as JsonObject;
  rule(document);
  return schemaOf(document);
}

describe("names", () => {
  it.each([
    ["Account", "Account"],
    ["Email Verification", "EmailVerification"],
    ["API Key", "APIKey"],
    ["SuperSearch Enrichment", "SuperSearchEnrichment"],
    ["Inbox Placement Blacklist & SpamAssassin Report", "InboxPlacementBlacklistAndSpamAssassinReport"],
    ["Inbox Placement Blacklist And SpamAssassin Report", "InboxPlacementBlacklistAndSpamAssassinReport"],
    ["DFY Email Account Order", "DFYEmailAccountOrder"],
    ["def-38", "Def38"],
    ["funding_type", "FundingType"],
    ["fundingType", "FundingType"],
    ["3rd party", "_3rdParty"],
  ])("pascalCase(%j) = %j", (given, want) => {
    expect(pascalCase(given)).toBe(want);
  });

  it.each([
    ["listInboxPlacementBlacklist&SpamAssassinReport", "listInboxPlacementBlacklistAndSpamAssassinReport"],
    ["InboxPlacementBlacklist&SpamAssassinReport", "InboxPlacementBlacklistAndSpamAssassinReport"],
    ["listLeads", "listLeads"],
    ["list lead-lists", "listLeadLists"],
    ["Lead List", "LeadList"],
    ["2fa-accounts", "_2faAccounts"],
    // Reserved words cannot name a generated function or type: a leading `_` (no inner `_`: orval re-cases).
    ["delete", "_delete"],
    ["class", "_class"],
    ['s*/ console.log("pwned"); /*', "sConsoleLogPwned"],
  ])("toIdentifier(%j) = %j", (given, want) => {
    expect(toIdentifier(given)).toBe(want);
  });

  it("caps names at 100 characters, deterministically, keeping long names with a shared start distinct", () => {
    const long = (tail: string) => `list${"Very".repeat(40)}${tail}`;
    for (const make of [toIdentifier, pascalCase]) {
      const [a, b] = [make(long("A")), make(long("B"))];
      expect(a).toHaveLength(MAX_NAME_LENGTH);
      expect(a).toMatch(/^[A-Za-z][A-Za-z0-9]*[0-9a-f]{8}$/);
      expect(a).not.toBe(b);
      expect(make(long("A"))).toBe(a);
      expect(isIdentifier(a)).toBe(true);
    }
    const exact = `a${"b".repeat(MAX_NAME_LENGTH - 1)}`;
    expect(toIdentifier(exact)).toBe(exact);
  });
});

describe("rule: nullable: true means | null", () => {
  it.each([
    ["type string", { type: "string", nullable: true }, { type: ["string", "null"] }],
    ["type list", { type: ["number"], nullable: true }, { type: ["number", "null"] }],
    ["already nullable", { type: ["null", "string"], nullable: true }, { type: ["null", "string"] }],
    [
      "enum gains null",
      { type: "string", enum: ["on", "off"], nullable: true },
      { type: ["string", "null"], enum: ["on", "off", null] },
    ],
    [
      "$ref becomes anyOf, siblings stay",
      { $ref: "#/components/schemas/Owner", nullable: true, description: "d" },
      { anyOf: [{ $ref: "#/components/schemas/Owner" }, { type: "null" }], description: "d" },
    ],
    [
      "oneOf gains a null branch",
      { oneOf: [{ type: "string" }], nullable: true },
      { oneOf: [{ type: "string" }, { type: "null" }] },
    ],
    [
      "allOf is wrapped",
      { allOf: [{ type: "object" }], nullable: true },
      { anyOf: [{ allOf: [{ type: "object" }] }, { type: "null" }] },
    ],
    ["nullable: false is dropped", { type: "string", nullable: false }, { type: "string" }],
    ["no type: already accepts null", { description: "x", nullable: true }, { description: "x" }],
    [
      "a property named nullable is data, not the keyword",
      { type: "object", properties: { nullable: { type: "boolean" } } },
      { type: "object", properties: { nullable: { type: "boolean" } } },
    ],
    [
      "nested in items",
      { type: "array", items: { type: "integer", nullable: true } },
      { type: "array", items: { type: ["integer", "null"] } },
    ],
  ])("%s", (_name, given, want) => {
    expect(applyToSchema(rewriteNullable, given)).toEqual(want);
  });
});

describe("rule: array without items gets items: {}", () => {
  it.each([
    ["null or array", { type: ["null", "array"] }, { type: ["null", "array"], items: {} }],
    ["array", { type: "array" }, { type: "array", items: {} }],
    ["has items", { type: "array", items: { type: "string" } }, { type: "array", items: { type: "string" } }],
    [
      "tuple",
      { type: "array", prefixItems: [{ type: "string" }] },
      { type: "array", prefixItems: [{ type: "string" }] },
    ],
    ["not an array", { type: "string" }, { type: "string" }],
  ])("%s", (_name, given, want) => {
    expect(applyToSchema(addMissingArrayItems, given)).toEqual(want);
  });
});

describe("rule: a type that contradicts its enum is dropped, the enum stays", () => {
  it.each([
    [
      "number with string values",
      { type: "number", enum: ["CAMPAIGN", "LIST", 1, 2] },
      { enum: ["CAMPAIGN", "LIST", 1, 2] },
    ],
    [
      "covered with null",
      { type: ["null", "number"], enum: [1, 2, null] },
      { type: ["null", "number"], enum: [1, 2, null] },
    ],
    [
      "boolean and string",
      { type: ["boolean", "string"], enum: [true, "x"] },
      { type: ["boolean", "string"], enum: [true, "x"] },
    ],
    ["integer covers whole numbers", { type: "integer", enum: [1, 2] }, { type: "integer", enum: [1, 2] }],
    ["integer with a fraction", { type: "integer", enum: [1, 2.5] }, { enum: [1, 2.5] }],
    ["null value not in type", { type: "string", enum: ["a", null] }, { enum: ["a", null] }],
    ["no type is left alone", { enum: ["a", 1] }, { enum: ["a", 1] }],
  ])("%s", (_name, given, want) => {
    expect(applyToSchema(dropTypesThatContradictEnums, given)).toEqual(want);
  });
});

describe("rule: type lists mixing object/array with other types become anyOf", () => {
  it.each([
    [
      "map value of five types",
      { type: ["null", "string", "number", "boolean", "object"] },
      FIVE_TYPES_AS_ANY_OF,
    ],
    [
      "scalars plus null stay",
      { type: ["string", "number", "boolean", "null"] },
      { type: ["string", "number", "boolean", "null"] },
    ],
    ["nullable object stays", { type: ["null", "object"] }, { type: ["null", "object"] }],
    [
      "keywords move to their branch, annotations stay",
      { type: ["string", "array"], description: "d", minLength: 1, items: { type: "string" }, maxItems: 3 },
      {
        description: "d",
        anyOf: [
          { type: "string", minLength: 1 },
          { type: "array", items: { type: "string" }, maxItems: 3 },
        ],
      },
    ],
  ])("%s", (_name, given, want) => {
    expect(applyToSchema(splitMixedTypeLists, given)).toEqual(want);
  });
});

describe("rule: set-valued arrays in canonical order", () => {
  it.each([
    ["null goes last", { type: ["null", "string"] }, { type: ["string", "null"] }],
    ["duplicates dropped, single type unwrapped", { type: ["string", "string"] }, { type: "string" }],
    ["required sorted and deduplicated", { required: ["b", "a", "b"] }, { required: ["a", "b"] }],
    ["enum keeps its order", { enum: ["b", "a"] }, { enum: ["b", "a"] }],
  ])("%s", (_name, given, want) => {
    expect(applyToSchema(canonicalSetOrder, given)).toEqual(want);
  });
});

describe("rule: dangling $ref → unknown, with a warning", () => {
  it("drops the ref, keeps siblings, names the ref and each user", () => {
    const document = docWith({
      type: "object",
      properties: {
        a: { $ref: "#/components/schemas/def-38" },
        b: { $ref: "#/components/schemas/def-38", description: "kept" },
        c: { $ref: "#/components/schemas/Other" },
        d: { $ref: "#/components/schemas/Thing/properties/c" },
      },
    }) as JsonObject;
    (document.components as JsonObject & { schemas: JsonObject }).schemas.Other = { type: "string" };
    const warnings: string[] = [];
    replaceDanglingRefs(document, warnings);
    expect(schemaOf(document).properties).toEqual({
      a: {},
      b: { description: "kept" },
      c: { $ref: "#/components/schemas/Other" },
      d: { $ref: "#/components/schemas/Thing/properties/c" },
    });
    expect(warnings).toEqual([
      "dangling $ref #/components/schemas/def-38 (no such schema) is typed as unknown; used at 2 places: " +
        "#/components/schemas/Thing/properties/a, #/components/schemas/Thing/properties/b",
    ]);
  });
});
