import type { IndexedDocument } from "./document.ts";
import { isObject, type JsonObject } from "./types.ts";

/**
 * A schema written as the TypeScript type openapi-typescript makes of it, short enough for one changelog line:
 * `Enrichment[]`, `{ items: Enrichment[]; next?: string }`, `"a" | "b"`, `string | null`. Named schemas
 * appear by name; nested objects past `depth` and long unions are elided with `…`.
 */
export function describeSchema(doc: IndexedDocument, node: unknown, depth = 2): string {
  if (!isObject(node)) return "unknown";
  if (typeof node.$ref === "string") {
    const name = doc.componentOf(node.$ref);
    if (name !== undefined) return name;
    const target = doc.resolve(node);
    return target ? describeSchema(doc, target, depth) : "unknown";
  }
  const union = (list: unknown[]) => joinUnion(list.map((branch) => describeSchema(doc, branch, depth)));
  if (Array.isArray(node.oneOf)) return union(node.oneOf);
  if (Array.isArray(node.anyOf)) return union(node.anyOf);
  if (Array.isArray(node.allOf)) {
    return node.allOf.map((branch) => describeSchema(doc, branch, depth)).join(" & ") || "unknown";
  }
  const values = Array.isArray(node.enum)
    ? node.enum
    : Object.hasOwn(node, "const")
      ? [node.const]
      : undefined;
  if (values) return joinUnion(values.map((value) => JSON.stringify(value)));
  const types = Array.isArray(node.type) ? node.type : typeof node.type === "string" ? [node.type] : [];
  const kinds =
    types.length > 0 ? types : isObject(node.properties) ? ["object"] : node.items ? ["array"] : [];
  if (kinds.length === 0) return "unknown";
  return joinUnion(kinds.map((kind) => describeKind(doc, node, String(kind), depth)));
}

function describeKind(doc: IndexedDocument, node: JsonObject, kind: string, depth: number): string {
  if (kind === "integer") return "number";
  if (kind === "array") {
    const items = describeSchema(doc, node.items, depth);
    return /[ |&]/.test(items) ? `(${items})[]` : `${items}[]`;
  }
  if (kind !== "object") return kind;
  const properties = isObject(node.properties) ? Object.entries(node.properties) : [];
  if (properties.length === 0) {
    return node.additionalProperties === undefined || node.additionalProperties === false
      ? "Record<string, never>"
      : `Record<string, ${describeSchema(doc, node.additionalProperties === true ? {} : node.additionalProperties, depth)}>`;
  }
  if (depth <= 0) return "{ … }";
  const required = new Set(Array.isArray(node.required) ? node.required : []);
  const shown = properties.slice(0, 4).map(([name, schema]) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
    return `${key}${required.has(name) ? "" : "?"}: ${describeSchema(doc, schema, depth - 1)}`;
  });
  if (properties.length > 4) shown.push("…");
  return `{ ${shown.join("; ")} }`;
}

function joinUnion(members: string[]): string {
  const unique = [...new Set(members)];
  if (unique.length === 0) return "never";
  return unique.length > 6 ? `${unique.slice(0, 6).join(" | ")} | …` : unique.join(" | ");
}
