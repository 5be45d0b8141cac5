import { readFileSync } from "node:fs";
import { join } from "node:path";

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
