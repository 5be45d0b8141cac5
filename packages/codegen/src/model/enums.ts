import { camelCase, isIdentifier, pascalCase } from "./naming.ts";
import { compareCodePoints } from "./order.ts";
import { isObject, type JsonObject } from "./pointer.ts";
import type { AbsentMember, EnumMember, NumericEnum, Operation } from "./types.ts";

/**
 * The spec's numeric enums with labels (rendered as constants by the types target). The API documents codes such as campaign status
 * `-99` "Account Suspended" only in the vendor extension `x-enumDescriptions`; no generator turns those
 * into names, so apps end up comparing against magic numbers. We emit, per distinct enum (names: enumExportNames):
 *   `CampaignStatus` (`as const` object + value union type), `isCampaignStatus()`, `CampaignStatusLabels` +
 *   `campaignStatusLabel()` (short labels), `CampaignStatusDescriptions` + `campaignStatusDescription()`.
 * `as const` objects rather than TS enums: erasable, tree-shakeable, and literal-typed.
 */

type Schema = JsonObject;

const NUMERIC_KEY = /^-?\d+(\.\d+)?$/;

/** Whether a schema lets the property hold `null` (3.1 `type` list, or `null` among the `enum` values). */
function allowsNull(schema: Schema): boolean {
  return (
    (Array.isArray(schema.type) && schema.type.includes("null")) ||
    (Array.isArray(schema.enum) && schema.enum.includes(null))
  );
}

/** The (value, label) pairs of a numeric enum with descriptions, in spec order; undefined if it is not one. */
function numericEnumPairs(schema: Schema): { value: number; label: string }[] | undefined {
  const descriptions = schema["x-enumDescriptions"];
  if (!isObject(descriptions)) return undefined;
  let values: unknown[];
  if (Array.isArray(schema.enum)) {
    values = schema.enum.filter((value) => value !== null);
  } else {
    // Some array item schemas carry only the descriptions; the keys are then the values.
    const keys = Object.keys(descriptions).filter((key) => key !== "null");
    if (!keys.every((key) => NUMERIC_KEY.test(key))) return undefined;
    values = keys.map(Number);
  }
  if (values.length === 0 || !values.every((value) => typeof value === "number" && Number.isFinite(value))) {
    return undefined;
  }
  const pairs: { value: number; label: string }[] = [];
  const seen = new Set<number>();
  for (const value of values as number[]) {
    if (seen.has(value)) continue;
    seen.add(value);
    const label = descriptions[String(value)];
    pairs.push({ value, label: typeof label === "string" && label.trim() ? label.trim() : String(value) });
  }
  return pairs;
}

/**
 * The short label of a description: its leading clause, up to ` - `, ` – `, `;`, `:`, `(` or the end of the first
 * sentence ("Draft - The subsequence is in draft mode" → "Draft", "Temporarily paused for maintenance; will
 * be…" → "Temporarily paused for maintenance", "Campaign has reached its daily sending limit." → without the
 * period). The whole description when no clause is left (it starts with a separator).
 */
export function shortLabel(description: string): string {
  return description.split(/ [-–] |[;:(]|\.(?:\s|$)/)[0]?.trim() || description;
}

/** The member name from a label's leading phrase (`Draft`, `TemporarilyPausedForMaintenance`), in PascalCase. */
function memberBaseName(label: string, value: number | null): string {
  const name = pascalCase(shortLabel(label));
  if (!name) return value === null ? "None" : `Value${valueToken(value)}`;
  return /^[0-9]/.test(name) ? `Value${name}` : name;
}

/** A value as an identifier fragment: `11` → `11`, `-1` → `Minus1`, `1.5` → `1_5`. */
function valueToken(value: number): string {
  const digits = String(Math.abs(value)).replace(".", "_");
  return value < 0 ? `Minus${digits}` : digits;
}

/** A schema that is itself a numeric enum with descriptions (its constant takes the schema's name). */
export function isNumericEnumSchema(schema: unknown): boolean {
  return isObject(schema) && typeof schema.$ref !== "string" && numericEnumPairs(schema) !== undefined;
}

/** Names for all members; members whose names collide all get their value appended (deterministic). */
function nameMembers(pairs: { value: number; label: string }[]): EnumMember[] {
  const bases = pairs.map((pair) => memberBaseName(pair.label, pair.value));
  const counts = new Map<string, number>();
  for (const base of bases) counts.set(base, (counts.get(base) ?? 0) + 1);
  return pairs.map((pair, index) => {
    const base = bases[index] as string;
    const name = (counts.get(base) ?? 0) > 1 ? `${base}${valueToken(pair.value)}` : base;
    return { name, value: pair.value, label: shortLabel(pair.label), description: pair.label };
  });
}

interface Occurrence {
  nameParts: string[];
  source: string;
  pairs: { value: number; label: string }[];
  fromComponents: boolean;
  /** The occurrence allows `null`; with the spec's text for it (`x-enumDescriptions.null`), if any. */
  nullable: { description: string | undefined } | undefined;
}

/**
 * "No code yet" states the API has but the spec states only in prose, by the source of an enum occurrence: the
 * lead interest status is `null`/absent until one is set (the web app shows it as "Lead"; the spec's
 * update-interest-status body says `interest_value: null` resets a lead to it, and its AI-agent lead activity
 * says `null` when the lead has no interest status). API knowledge, written by us — not spec text.
 */
const PROSE_ABSENT_STATES: Readonly<Record<string, AbsentMember>> = {
  "Lead.lt_interest_status": {
    name: "None",
    label: "Lead",
    description:
      'No interest status yet (the web app\'s "Lead" status): the API sends `null` or leaves the property out; setting the interest value to `null` returns a lead to it.',
  },
};

/** The absent state of an enum group: from the spec when an occurrence allows `null`, else from the prose facts. */
function absentMember(
  occurrences: readonly Occurrence[],
  members: readonly EnumMember[],
): AbsentMember | undefined {
  const nullable = occurrences.find((occurrence) => occurrence.nullable);
  const known = occurrences.map((occurrence) => PROSE_ABSENT_STATES[occurrence.source]).find(Boolean);
  let absent: AbsentMember | undefined;
  const text = nullable?.nullable?.description;
  if (text !== undefined)
    absent = { name: memberBaseName(text, null), label: shortLabel(text), description: text };
  else if (known) absent = { ...known };
  else if (nullable) absent = { name: "None", label: "None", description: "No value (`null`)." };
  if (!absent) return undefined;
  const taken = new Set(members.map((member) => member.name));
  let name = absent.name;
  for (let n = 2; taken.has(name); n++) name = `${absent.name}Null${n > 2 ? n : ""}`;
  return { ...absent, name };
}

/** Depth-first over inline schemas (not $refs: referenced component schemas are visited once, by name). */
function visitSchema(
  schema: unknown,
  nameParts: string[],
  source: string,
  fromComponents: boolean,
  out: Occurrence[],
): void {
  if (!isObject(schema) || typeof schema.$ref === "string") return;
  const pairs = numericEnumPairs(schema);
  if (pairs) {
    const descriptions = schema["x-enumDescriptions"] as JsonObject;
    const nullText = descriptions.null;
    const nullable = allowsNull(schema)
      ? { description: typeof nullText === "string" && nullText.trim() ? nullText.trim() : undefined }
      : undefined;
    out.push({ nameParts, source, pairs, fromComponents, nullable });
  }
  if (isObject(schema.properties)) {
    for (const [key, value] of Object.entries(schema.properties)) {
      visitSchema(value, [...nameParts, key], `${source}.${key}`, fromComponents, out);
    }
  }
  for (const key of ["items", "additionalProperties", "not"]) {
    visitSchema(schema[key], nameParts, source, fromComponents, out);
  }
  for (const key of ["anyOf", "oneOf", "allOf", "prefixItems"]) {
    const list = schema[key];
    if (Array.isArray(list))
      for (const item of list) visitSchema(item, nameParts, source, fromComponents, out);
  }
}

function collectOccurrences(document: Schema, operations: readonly Operation[]): Occurrence[] {
  const out: Occurrence[] = [];
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  for (const [name, schema] of Object.entries(schemas)) visitSchema(schema, [name], name, true, out);

  for (const operation of operations) {
    const { id } = operation;
    for (const parameter of operation.parameters) {
      visitSchema(
        parameter.schema,
        [id, parameter.name],
        `${id} ${parameter.in}.${parameter.name}`,
        false,
        out,
      );
    }
    visitSchema(operation.requestBody?.json?.schema, [id], `${id} body`, false, out);
    for (const response of operation.responses) {
      visitSchema(response.json?.schema, [id, "Response"], `${id} response ${response.status}`, false, out);
    }
  }
  return out;
}

/**
 * Every distinct numeric enum with `x-enumDescriptions`, named after where it is found:
 * a component schema property → Schema + property path (`Campaign.status` → `CampaignStatus`),
 * an operation's parameter/body/response → operationId + property path.
 * Identical enums (same codes and labels) are emitted once. Of the component-schema occurrences the
 * shortest name is the canonical one (`CampaignStatus` rather than `AccountCampaignMappingStatus`; ties
 * by code point) and the others are exported as aliases, so every Schema+Property name exists.
 * Operation-level occurrences only matter when no component schema has the same enum (then the shortest
 * name wins and repeats are dropped: they are the same values under less useful names).
 * `reserved` are names the package already exports (schema types, helpers); clashes get `2`, `3`…
 */
export function collectNumericEnums(
  document: Schema,
  operations: readonly Operation[],
  reserved: Iterable<string>,
): NumericEnum[] {
  const taken = new Set(reserved);
  const claim = (base: string): string => {
    let name = base;
    const names = (candidate: string) => Object.values(enumExportNames(candidate));
    for (let n = 2; names(name).some((each) => taken.has(each)); n++) name = `${base}${n}`;
    for (const each of names(name)) taken.add(each);
    return name;
  };
  const baseName = (occurrence: Occurrence): string => {
    const base = pascalCase(occurrence.nameParts.join(" "));
    return isIdentifier(base) ? base : `Enum${base}`;
  };
  const shortestFirst = (a: Occurrence, b: Occurrence): number => {
    const [x, y] = [baseName(a), baseName(b)];
    return x.length - y.length || compareCodePoints(x, y);
  };

  // Groups in order of first appearance (the normalized document's key order: deterministic).
  const groups = new Map<string, Occurrence[]>();
  for (const occurrence of collectOccurrences(document, operations)) {
    const identity = JSON.stringify([...occurrence.pairs].sort((a, b) => a.value - b.value));
    groups.set(identity, [...(groups.get(identity) ?? []), occurrence]);
  }
  const result: NumericEnum[] = [];
  for (const occurrences of groups.values()) {
    const fromComponents = occurrences.filter((occurrence) => occurrence.fromComponents);
    const candidates = [...(fromComponents.length > 0 ? fromComponents : occurrences)].sort(shortestFirst);
    const [canonical, ...others] = candidates as [Occurrence, ...Occurrence[]];
    // Every other component-schema name of this enum, once (anyOf branches can repeat a property).
    const aliases = new Map<string, Occurrence>();
    if (fromComponents.length > 0) {
      for (const other of others) {
        const name = baseName(other);
        if (name !== baseName(canonical) && !aliases.has(name)) aliases.set(name, other);
      }
    }
    const members = nameMembers(canonical.pairs);
    result.push({
      name: claim(baseName(canonical)),
      source: canonical.source,
      members,
      absent: absentMember(occurrences, members),
      aliases: [...aliases].map(([name, alias]) => ({ name: claim(name), source: alias.source })),
    });
  }
  return result;
}

/** `CampaignStatus` → `campaignStatusLabel`. */
export function labelFunctionName(enumName: string): string {
  return `${camelCase(enumName)}Label`;
}

/** Every name the types package exports for an enum (or an alias of one): the constant and type, and its helpers. */
export function enumExportNames(enumName: string): {
  constant: string;
  guard: string;
  labels: string;
  label: string;
  descriptions: string;
  description: string;
} {
  return {
    constant: enumName,
    guard: `is${enumName}`,
    labels: `${enumName}Labels`,
    label: labelFunctionName(enumName),
    descriptions: `${enumName}Descriptions`,
    description: `${camelCase(enumName)}Description`,
  };
}
