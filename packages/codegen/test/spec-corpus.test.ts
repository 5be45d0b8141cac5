// Every real published version in ../shared/specs loads (read + validate + normalize) and comes out
// generator-safe. Expectations come from the documents themselves (e.g. the names the API gave its
// schemas after 2026-06-12), checked with helpers written here, not with the pipeline's own code.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../src/spec/load.ts";
import { normalize } from "../src/spec/normalize/index.ts";
import { SPECS_DIR } from "./helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: JSON documents are walked by hand
type Doc = any;

const files = readdirSync(SPECS_DIR)
  .filter((file) => /^\d{4}-\d{2}-\d{2}_[0-9a-f]+\.json$/.test(file))
  .sort();
const normalized = new Map<string, Doc>();

beforeAll(async () => {
  for (const file of files) normalized.set(file, (await loadSpec(join(SPECS_DIR, file))).document);
});

function rawSpec(file: string): Doc {
  return JSON.parse(readFileSync(join(SPECS_DIR, file), "utf8").replace(/^\uFEFF/, ""));
}

/** Every object in a JSON tree with its JSON pointer. */
function* objects(node: Doc, pointer = "#"): Generator<[Doc, string]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* objects(item, `${pointer}/${i}`);
  } else if (node !== null && typeof node === "object") {
    yield [node, pointer];
    for (const [key, value] of Object.entries(node)) {
      yield* objects(value, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
    }
  }
}

function resolve(document: Doc, ref: string): unknown {
  let node = document;
  for (const token of ref.slice(2).split("/")) {
    const key = token.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

function operations(document: Doc): Doc[] {
  return Object.values(document.paths).flatMap((item: Doc) =>
    ["get", "put", "post", "delete", "patch", "head", "options", "trace"]
      .filter((m) => item[m])
      .map((m) => item[m]),
  );
}

/** How generators name an inline enum of a property: its PascalCase. */
const inlineName = (property: string) =>
  property.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, _sep, c: string) => c.toUpperCase());

const titleKey = (title: string) => title.toLowerCase().replace(/&/g, "and").replace(/\s+/g, " ");

describe.each(files)("%s", (file) => {
  it("has no def-N schema names left, and every schema name is an identifier", () => {
    const names = Object.keys(normalized.get(file).components.schemas);
    expect(names.filter((name) => /^def-\d+$/.test(name))).toEqual([]);
    expect(names.filter((name) => !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name))).toEqual([]);
  });

  it("is a fixed point: normalizing the normalized spec changes no byte", () => {
    const text = JSON.stringify(normalized.get(file));
    expect(JSON.stringify(normalize(JSON.parse(text)).document)).toBe(text);
  });

  it("resolves every $ref", () => {
    const document = normalized.get(file);
    const dangling = [...objects(document)]
      .filter(([node]) => typeof node.$ref === "string")
      .filter(([node]) => resolve(document, node.$ref) === undefined)
      .map(([node, at]) => `${node.$ref} at ${at}`);
    expect(dangling).toEqual([]);
  });

  it("has unique operationIds and tags that are identifiers", () => {
    const document = normalized.get(file);
    const ids = operations(document).map((op: Doc) => op.operationId);
    expect(ids.filter((id) => typeof id !== "string")).toEqual([]);
    expect(ids.filter((id) => !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = [
      ...document.tags.map((t: Doc) => t.name),
      ...operations(document).flatMap((op: Doc) => op.tags ?? []),
    ];
    expect(tags.filter((tag) => !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(tag))).toEqual([]);
  });

  it("has no two spellings of a property that would give two inline enums the same name", () => {
    const clashes: string[] = [];
    for (const [node, at] of objects(normalized.get(file))) {
      if (node.properties === null || typeof node.properties !== "object" || Array.isArray(node.properties))
        continue;
      const byName = new Map<string, string[]>();
      for (const [key, property] of Object.entries<Doc>(node.properties)) {
        const hasInlineEnum = Array.isArray(property?.enum) || Array.isArray(property?.items?.enum);
        if (hasInlineEnum) byName.set(inlineName(key), [...(byName.get(inlineName(key)) ?? []), key]);
      }
      for (const [name, keys] of byName)
        if (keys.length > 1) clashes.push(`${at}: ${keys.join("/")} → ${name}`);
    }
    expect(clashes).toEqual([]);
  });

  it("has none of the known generator traps left", () => {
    const traps: string[] = [];
    for (const [node, at] of objects(normalized.get(file))) {
      if ("nullable" in node && typeof node.nullable === "boolean") traps.push(`nullable at ${at}`);
      const types: unknown[] = Array.isArray(node.type)
        ? node.type
        : typeof node.type === "string"
          ? [node.type]
          : [];
      if (types.includes("array") && !("items" in node)) traps.push(`array without items at ${at}`);
      const structured = types.filter((t) => t === "object" || t === "array");
      const others = types.filter((t) => t !== "null" && t !== "object" && t !== "array");
      if (structured.length > 0 && others.length + structured.length > 1)
        traps.push(`mixed type list at ${at}`);
      if (Array.isArray(node.enum) && types.length > 0) {
        for (const value of node.enum) {
          const type = value === null ? "null" : typeof value;
          const ok =
            types.includes(type) ||
            (type === "number" && Number.isInteger(value) && types.includes("integer"));
          if (!ok)
            traps.push(
              `enum value ${JSON.stringify(value)} outside type ${JSON.stringify(node.type)} at ${at}`,
            );
        }
      }
    }
    expect(traps).toEqual([]);
  });
});

describe("schema names do not depend on the era", () => {
  const newest = files.at(-1) as string;

  it.each(files)("%s names each schema as the titled spec does", (file) => {
    // From 2026-06-12 on the API names schemas itself; those names are the expectation.
    const upstreamName = new Map<string, string>();
    for (const [name, schema] of Object.entries<Doc>(rawSpec(newest).components.schemas)) {
      upstreamName.set(titleKey(schema.title), name);
    }
    const mismatches: string[] = [];
    let compared = 0;
    for (const [name, schema] of Object.entries<Doc>(normalized.get(file).components.schemas)) {
      const expected = schema.title ? upstreamName.get(titleKey(schema.title)) : undefined;
      if (expected === undefined) continue;
      compared++;
      if (expected !== name) mismatches.push(`${schema.title}: ${name} (want ${expected})`);
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(20);
  });

  it("gives Account, Campaign, Lead and the Blacklist report the same name in the oldest and newest spec", () => {
    const oldest = normalized.get(files[0] as string);
    const latest = normalized.get(newest);
    expect(Object.keys(rawSpec(files[0] as string).components.schemas)).toContain("def-0");
    for (const name of [
      "Account",
      "Campaign",
      "Lead",
      "InboxPlacementBlacklistAndSpamAssassinReport",
      "APIKey",
    ]) {
      expect(oldest.components.schemas[name], name).toBeDefined();
      expect(latest.components.schemas[name], name).toBeDefined();
    }
    expect(oldest.components.schemas.Account.title).toBe("Account");
    const ids = (document: Doc) => operations(document).map((op: Doc) => op.operationId);
    expect(ids(oldest)).toContain("listInboxPlacementBlacklistAndSpamAssassinReport");
    expect(ids(latest)).toContain("listInboxPlacementBlacklistAndSpamAssassinReport");
  });

  it("hoists the newest spec's aliased enums under readable names", () => {
    const schemas = normalized.get(newest).components.schemas;
    expect(schemas.FundingType.enum).toContain("series_a");
    expect(schemas.LocationMode.enum).toEqual(["contact", "company"]);
    const filters =
      normalized.get(newest).paths["/api/v2/ai-agents/lead-finder"].post.requestBody.content[
        "application/json"
      ].schema.properties.search_filters.properties;
    expect(filters.location_mode.$ref).toBe("#/components/schemas/LocationMode");
    expect(filters.locationMode.$ref).toBe("#/components/schemas/LocationMode");
    expect(filters.funding_type.items.$ref).toBe("#/components/schemas/FundingType");
    expect(filters.fundingType.items.$ref).toBe("#/components/schemas/FundingTypeAlias");
  });
});
