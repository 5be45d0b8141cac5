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

/** What an app must be able to rely on for one enum's exported helpers, by the enum's name. */
function helpers(name: string) {
  // The functions are camelCase (`campaignStatusLabel`, `aiAgentStatusLabel`): found case-insensitively.
  const fn = (suffix: string) =>
    Object.keys(exports).find(
      (key) => /^[a-z]/.test(key) && key.toLowerCase() === `${name}${suffix}`.toLowerCase(),
    ) ?? `${name}${suffix}`;
  return {
    constant: exports[name] as Record<string, number | null> | undefined,
    labels: exports[`${name}Labels`] as Record<string, string> | undefined,
    descriptions: exports[`${name}Descriptions`] as Record<string, string> | undefined,
    guard: exports[`is${name}`] as ((value: unknown) => boolean) | undefined,
    label: exports[fn("Label")] as ((code: unknown) => string) | undefined,
    description: exports[fn("Description")] as ((code: unknown) => string) | undefined,
  };
}

describe("numeric enum constants generated from x-enumDescriptions (pinned spec)", () => {
  test("Campaign.status reads as the spec documents it", () => {
    expect(types.CampaignStatus.Active).toBe(1);
    expect(types.CampaignStatus.Draft).toBe(0);
    expect(types.CampaignStatus.AccountSuspended).toBe(-99);
    expect(types.campaignStatusLabel(1)).toBe("Active");
    expect(types.CampaignStatusLabels[-99]).toBe("Account Suspended");
  });

  test("labels are short; the whole sentence stays the description", () => {
    expect(types.accountStatusLabel(3)).toBe("Temporarily paused for maintenance");
    expect(types.accountStatusDescription(3)).toBe(
      "Temporarily paused for maintenance; will be automatically resumed shortly",
    );
    expect(types.campaignSubsequenceStatusLabel(0)).toBe("Draft");
    expect(types.campaignNotSendingStatusLabel(99)).toBe("Campaign is currently not sending due to an error");
    expect(types.campaignNotSendingStatusDescription(99)).toMatch(/Please contact support/);
  });

  test("unknown codes give a fallback instead of throwing; guards say which codes are known", () => {
    expect(types.campaignStatusLabel(7)).toBe("Unknown (7)");
    expect(types.campaignStatusDescription(7)).toBe("Unknown (7)");
    expect(types.isCampaignStatus(1)).toBe(true);
    expect(types.isCampaignStatus(-99)).toBe(true);
    for (const value of [7, "1", null, undefined, Number.NaN, {}, "constructor", "__proto__"]) {
      expect(types.isCampaignStatus(value), String(value)).toBe(false);
    }
  });

  test("the lead interest status has a member for 'no interest status yet' (null, or the property absent)", () => {
    expect(types.LeadLtInterestStatus.None).toBeNull();
    expect(types.LeadLtInterestStatus.Interested).toBe(1);
    expect(types.isLeadLtInterestStatus(null)).toBe(true);
    expect(types.isLeadLtInterestStatus(undefined)).toBe(false);
    expect(types.leadLtInterestStatusLabel(null)).toBe("Lead");
    expect(types.leadLtInterestStatusLabel(undefined)).toBe("Lead");
    expect(types.leadLtInterestStatusLabel(types.LeadLtInterestStatus.None)).toBe("Lead");
    expect(types.leadLtInterestStatusDescription(null)).toMatch(/No interest status yet/);
    expect(types.leadLtInterestStatusLabel(-2)).toBe("Wrong Person");
    // A custom interest status (LeadLabel.interest_status) is a number the spec does not list.
    expect(types.leadLtInterestStatusLabel(12345)).toBe("Unknown (12345)");
  });

  const enums = topLevelNumericEnums();
  test("the spec has numeric enums to check", () => {
    expect(enums.length).toBeGreaterThan(10);
  });

  test.each(enums.map((e) => [`${e.schema}.${e.property}`, e] as const))(
    "%s: every code has a constant, a guard, a short label and its whole description",
    (_, { schema, property, descriptions, values }) => {
      const name = pascal(`${schema} ${property}`);
      const { constant, labels, guard, label, description } = helpers(name);
      expect(constant, name).toBeDefined();
      const codes = Object.values(constant ?? {}).filter((value) => value !== null);
      expect([...codes].sort()).toEqual([...values].sort());
      for (const value of values) {
        const text = (descriptions[String(value)] ?? "").trim() || String(value);
        expect(guard?.(value)).toBe(true);
        expect(description?.(value)).toBe(text);
        const short = label?.(value) ?? "";
        expect(labels?.[value]).toBe(short);
        // The short label is the text's leading clause: a prefix, with none of the separators it is cut at.
        expect(text.startsWith(short), `${name} ${value}: ${short} / ${text}`).toBe(true);
        expect(short).not.toMatch(/ [-–] |[;:(]|\.\s/);
        expect(short.length).toBeGreaterThan(0);
      }
      const unknown = Math.max(...values) + 1000;
      expect(guard?.(unknown)).toBe(false);
      expect(label?.(unknown)).toBe(`Unknown (${unknown})`);
      expect(description?.(unknown)).toBe(`Unknown (${unknown})`);
    },
  );
});
