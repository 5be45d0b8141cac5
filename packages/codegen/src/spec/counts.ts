import type { SpecLock } from "./lock.ts";

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** Paths, operations and component schemas of a (normalized) document, as recorded in the lock. */
export function countSpec(document: Record<string, unknown>): SpecLock["counts"] {
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  let operations = 0;
  for (const item of Object.values(paths)) {
    for (const key of Object.keys(item ?? {})) if (METHODS.has(key)) operations++;
  }
  const components = (document.components ?? {}) as { schemas?: Record<string, unknown> };
  return {
    paths: Object.keys(paths).length,
    operations,
    schemas: Object.keys(components.schemas ?? {}).length,
  };
}
