// The msw target's mock data: example first, seeded faker otherwise, always valid against the schema.
// Each case is a tiny hand-written schema; validity is checked with an Ajv set up here, not the target's own.
import { createRequire } from "node:module";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index.ts";
import { normalize } from "../../src/spec/normalize/index.ts";
import { MockDataBuilder } from "../../src/targets/msw/mock-data.ts";
import { SchemaChecker } from "../../src/targets/msw/schema-check.ts";
import { docWith } from "../helpers.ts";

const addFormats = createRequire(import.meta.url)("ajv-formats") as (ajv: Ajv2020) => Ajv2020;

function mock(schema: unknown, extra: Record<string, unknown> = {}) {
  const document = docWith(schema);
  Object.assign((document.components as { schemas: object }).schemas, extra);
  const model = buildModel(document);
  const { value, valid } = new MockDataBuilder(model, new SchemaChecker(model)).build(
    "/components/schemas/Thing",
  );
  return { value, valid, ...independentCheck(document, value) };
}

function independentCheck(document: Record<string, unknown>, value: unknown) {
  const ajv = new Ajv2020({ strict: false, logger: false });
  addFormats(ajv);
  ajv.addSchema(document, "doc");
  const validate = ajv.compile({ $ref: "doc#/components/schemas/Thing" });
  return { independentlyValid: validate(value), errors: ajv.errorsText(validate.errors) };
}

describe("values come from the spec's examples when they are valid", () => {
  it.each([
    ["string example", { type: "string", example: "Hot Lead" }, "Hot Lead"],
    ["first valid of `examples`", { type: "string", minLength: 5, examples: ["nope", "valid"] }, "valid"],
    ["number example", { type: "integer", minimum: 1, example: 25 }, 25],
    ["enum value named by the example", { type: "string", enum: ["a", "b"], example: "b" }, "b"],
    ["boolean example", { type: "boolean", example: true }, true],
    ["default when there is no example", { type: "integer", default: 7 }, 7],
    ["const", { const: "fixed" }, "fixed"],
    [
      "example list of valid values",
      { type: "array", items: { type: "string" }, example: ["x", "y"] },
      ["x", "y"],
    ],
  ])("%s", (_name, schema, want) => {
    const result = mock(schema);
    expect(result.value).toEqual(want);
    expect(result.independentlyValid).toBe(true);
  });

  it("builds objects property by property, from each property's example", () => {
    const result = mock({
      type: "object",
      required: ["id"],
      properties: {
        id: { type: "string", example: "f9cc070d-8dba-4341-b847-f083c358e460" },
        label: { type: "string", example: "Hot Lead" },
        score: { type: ["null", "number"], example: 0.5 },
      },
      additionalProperties: false,
    });
    expect(result.value).toEqual({
      id: "f9cc070d-8dba-4341-b847-f083c358e460",
      label: "Hot Lead",
      score: 0.5,
    });
  });
});

describe("invalid examples are replaced by valid values", () => {
  it.each([
    ["pattern", { type: "string", pattern: "^([01][0-9]|2[0-3]):([0-5][0-9])$", example: "9am" }],
    [
      "lookahead pattern",
      { type: "string", pattern: "^ptid_(?!ptid_)[A-Za-z0-9_-]{1,45}$", example: "ptid_ptid_x" },
    ],
    ["date-time format", { type: "string", format: "date-time", example: "yesterday" }],
    ["date format", { type: "string", format: "date", example: "2025-13-45" }],
    ["email format", { type: "string", format: "email", example: "not an email" }],
    ["uri format", { type: "string", format: "uri", example: "example dot com" }],
    ["minLength", { type: "string", minLength: 12, example: "short" }],
    ["maxLength", { type: "string", maxLength: 3, example: "too long" }],
    ["maximum", { type: "integer", maximum: 100, example: 500 }],
    ["integer", { type: "integer", example: 1.5 }],
    ["enum", { type: "string", enum: ["a", "b"], example: "c" }],
    ["minItems", { type: "array", minItems: 2, items: { type: "string", example: "x" }, example: ["x"] }],
    ["wrong type", { type: "number", example: "12" }],
  ])("%s", (_name, schema) => {
    const result = mock(schema);
    expect(result.value).not.toEqual((schema as { example: unknown }).example);
    expect(result.errors).toBe("No errors");
    expect(result.valid).toBe(true);
  });

  it("satisfies `contains` + `not` even when every example violates it", () => {
    // The campaign subsequence variants: at least one variant must not be disabled, but the example disables it.
    const result = mock({
      type: "object",
      required: ["variants"],
      properties: {
        variants: {
          type: "array",
          items: {
            type: "object",
            required: ["subject"],
            properties: {
              subject: { type: "string", example: "Hi" },
              v_disabled: { type: "boolean", example: true },
            },
          },
          contains: {
            type: "object",
            not: { properties: { v_disabled: { enum: [true] } }, required: ["v_disabled"] },
          },
        },
      },
    });
    expect(result.errors).toBe("No errors");
  });

  it("picks exactly one branch of a oneOf whose branches overlap", () => {
    const result = mock({
      oneOf: [
        { type: "string", example: "f9cc070d" },
        { type: "string", enum: ["default"] },
      ],
    });
    expect(result.errors).toBe("No errors");
  });

  it("drops optional properties that additionalProperties: false in an allOf branch forbids", () => {
    const result = mock(
      {
        allOf: [
          { $ref: "#/components/schemas/Base" },
          { type: "object", properties: { tags: { type: "array", items: { type: "string" } } } },
        ],
      },
      {
        Base: {
          type: "object",
          required: ["id"],
          properties: { id: { type: "string", example: "a" } },
          additionalProperties: false,
        },
      },
    );
    expect(result.errors).toBe("No errors");
    expect(result.value).toEqual({ id: "a" });
  });

  it("fills minProperties of a free-form object", () => {
    const result = mock({
      type: "object",
      minProperties: 2,
      additionalProperties: { type: "integer", example: 1 },
    });
    expect(result.errors).toBe("No errors");
    expect(Object.keys(result.value as object)).toHaveLength(2);
  });
});

describe("where there is no example", () => {
  it("generates by format, and by what the property name suggests", () => {
    const result = mock({
      type: "object",
      properties: {
        timestamp_created: { type: "string", format: "date-time" },
        email: { type: "string" },
        website: { type: "string" },
        campaign_id: { type: "string" },
      },
    });
    const value = result.value as Record<string, string>;
    expect(value.timestamp_created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(value.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(value.website).toMatch(/^https?:\/\//);
    expect(value.campaign_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(result.errors).toBe("No errors");
  });

  it("is deterministic: the same schema gives the same value in a fresh builder", () => {
    const schema = {
      type: "object",
      properties: { name: { type: "string" }, n: { type: "number", minimum: 3, maximum: 9 } },
    };
    expect(mock(schema).value).toEqual(mock(schema).value);
  });

  it("stops at recursive schemas instead of looping", () => {
    const result = mock({
      type: "object",
      required: ["name"],
      properties: {
        name: { type: "string", example: "root" },
        children: { type: "array", items: { $ref: "#/components/schemas/Thing" } },
      },
    });
    expect(result.errors).toBe("No errors");
    expect((result.value as { name: string }).name).toBe("root");
  });

  it("treats a dangling $ref as any value (normalization drops the ref; the mocks do not look for it again)", () => {
    const { document } = normalize(
      docWith({ type: "object", properties: { ghost: { $ref: "#/components/schemas/Missing" } } }),
    );
    const model = buildModel(document);
    const { value, valid } = new MockDataBuilder(model, new SchemaChecker(model)).build(
      "/components/schemas/Thing",
    );
    expect(Object.keys(value as object)).toEqual(["ghost"]);
    expect(valid).toBe(true);
  });
});
