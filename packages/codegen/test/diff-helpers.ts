import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SpecChange } from "../src/spec/diff/index.ts";

export const DIFF_FIXTURES = join(import.meta.dirname, "fixtures", "diff");

// biome-ignore lint/suspicious/noExplicitAny: tests edit JSON documents by hand
export type Doc = any;

/** A fresh copy of the hand-written base spec (normalized shape: schemas named by title). */
export function baseDoc(): Doc {
  return JSON.parse(readFileSync(join(DIFF_FIXTURES, "base.json"), "utf8"));
}

/** `severity kind owner` with owner = operationId, or `schema:Name`, or `document`: what the tables assert. */
export function summarize(change: SpecChange): string {
  const owner = change.operationId ?? (change.schema !== undefined ? `schema:${change.schema}` : "document");
  return `${change.severity} ${change.kind} ${owner}`;
}

/** Same JSON, every object's keys in reverse order (arrays untouched: their order can mean something). */
export function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, reverseKeys(child)]),
  );
}

/**
 * The same document as a pre-2026-06-12 spec would publish it: component schemas keyed `def-N` (numbered in
 * the given order) and every `$ref` rewritten to match.
 */
export function toDefN(doc: Doc, order: string[]): Doc {
  const rename = new Map(order.map((name, index) => [name, `def-${index * 3 + 1}`]));
  const text = JSON.stringify(doc).replace(/"#\/components\/schemas\/([^"]+)"/g, (_, name: string) => {
    return `"#/components/schemas/${rename.get(name) ?? name}"`;
  });
  const copy = JSON.parse(text);
  copy.components.schemas = Object.fromEntries(
    Object.entries(copy.components.schemas).map(([name, schema]) => [rename.get(name) ?? name, schema]),
  );
  return copy;
}
