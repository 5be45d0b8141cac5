import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import * as types from "../src/index.js";

// The spec the generated code was built from: expectations come from its x-enumDescriptions, not from
// the generated output.
const root = process.env.INSTANTLY_KIT_ROOT ?? join(import.meta.dirname, "..", "..", "..");
const spec = JSON.parse(readFileSync(join(root, "spec", "openapi.json"), "utf8"));
const exports = types as unknown as Record<string, unknown>;

interface EnumSchema {
  enum?: unknown[];
  "x-enumDescriptions"?: Record<string, string>;
}

function topLevelNumericEnums(): {
  schema: string;
  property: string;
  descriptions: Record<string, string>;
  values: number[];
}[] {
  const found = [];
  for (const [schema, definition] of Object.entries<{ properties?: Record<string, EnumSchema> }>(
    spec.components.schemas,
  )) {
    for (const [property, value] of Object.entries(definition.properties ?? {})) {
      const descriptions = value["x-enumDescriptions"];
      const values = (value.enum ?? []).filter((v) => v !== null);
      if (descriptions && values.length > 0 && values.every((v) => typeof v === "number")) {
        found.push({ schema, property, descriptions, values: values as number[] });
      }
    }
  }
  return found;
}

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join("");

describe("numeric enum constants generated from x-enumDescriptions", () => {
  test("Campaign.status reads as the spec documents it", () => {
    expect(types.CampaignStatus.Active).toBe(1);
    expect(types.CampaignStatus.Draft).toBe(0);
    expect(types.CampaignStatus.AccountSuspended).toBe(-99);
    expect(types.campaignStatusLabel(1)).toBe("Active");
    expect(types.CampaignStatusLabels[-99]).toBe("Account Suspended");
  });

  const enums = topLevelNumericEnums();
  test("the spec has numeric enums to check", () => {
    expect(enums.length).toBeGreaterThan(10);
  });

  test.each(enums.map((e) => [`${e.schema}.${e.property}`, e] as const))(
    "%s: every code has a constant and its label",
    (_, { schema, property, descriptions, values }) => {
      const name = pascal(`${schema} ${property}`);
      const constant = exports[name] as Record<string, number> | undefined;
      const labels = exports[`${name}Labels`] as Record<string, string> | undefined;
      expect(constant, name).toBeDefined();
      expect(Object.values(constant ?? {}).sort()).toEqual([...values].sort());
      for (const value of values) {
        expect(labels?.[value]).toBe(descriptions[String(value)]);
      }
    },
  );
});
