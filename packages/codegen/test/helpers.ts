import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SpecLock } from "../src/spec/lock.ts";

export const FIXTURES = join(import.meta.dirname, "fixtures");
/** The real published versions (read-only, never committed): ../shared/specs from the repo root. */
export const SPECS_DIR =
  process.env.INSTANTLY_KIT_SPECS_DIR ?? join(import.meta.dirname, "..", "..", "..", "..", "shared", "specs");
export const CLI = join(import.meta.dirname, "..", "src", "cli.ts");

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as Record<string, unknown>;
}

/** A minimal document around one component schema, for given → want tables of single rules. */
export function docWith(schema: unknown, name = "Thing"): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {},
    components: { schemas: { [name]: schema } },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: tests poke into JSON by hand
export function schemaOf(document: any, name = "Thing"): any {
  return document.components.schemas[name];
}

/**
 * What `{ type: ["null", "string", "number", "boolean", "object"] }` normalizes to (a type list mixing
 * object with other types becomes anyOf): one branch per type, null last.
 */
export const FIVE_TYPES_AS_ANY_OF = {
  anyOf: [{ type: "string" }, { type: "number" }, { type: "boolean" }, { type: "object" }, { type: "null" }],
};

/** A lock for calling a target directly: targets only read it for metadata. */
export function stubLock(source: string): SpecLock {
  return { source, sha256: "", pulledAt: "", counts: { paths: 0, operations: 0, schemas: 0 }, warnings: [] };
}
