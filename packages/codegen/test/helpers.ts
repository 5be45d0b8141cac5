import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SpecLock } from "../src/spec/lock.ts";

export const FIXTURES = join(import.meta.dirname, "fixtures");
/** The real published versions (read-only, never committed): ../shared/specs from the repo root. */
export const SPECS_DIR =
  process.env.INSTANTLY_KIT_SPECS_DIR ?? join(import.meta.dirname, "..", "..", "..", "..", "shared", "specs");
/**
 * What the CLI tests run: the launcher the repository's scripts run (`pnpm spec:pull`, each package's `generate`),
 * so a test sees what a user sees. It runs the bundle in dist/ only when that bundle was built from exactly the
 * sources in src/ (turbo builds it before the tests), and src/cli.ts otherwise — an edited source is never tested
 * stale. The bundle spares each spawned CLI (and each of its worker threads) type-stripping its ~120 modules:
 * ~0.3–0.9 s of CPU per process, hundreds of processes per run (ADR 0033). `INSTANTLY_KIT_FROM_SOURCE=1` forces
 * the sources, as for a user; a test about source lines (a stack trace) sets it.
 */
export const CLI = join(import.meta.dirname, "..", "bin", "instantly-kit.mjs");

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
