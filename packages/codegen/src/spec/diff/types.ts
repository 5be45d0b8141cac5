import type { ChangeKind } from "./kinds.ts";
/** How much a change breaks consumers of the generated packages (semver of @instantly-kit/*). */
export type Severity = "major" | "minor" | "patch";
export type Bump = Severity | "none";

/** One change between two spec versions, as printed by `spec:diff --json`. */
export interface SpecChange {
  severity: Severity;
  /** Stable machine-readable name of the rule that fired, e.g. `operation-removed` (see kinds.ts). */
  kind: ChangeKind;
  /** The operation concerned, when the change belongs to one operation. */
  operationId?: string;
  /** The API path (`/api/v2/leads`), when the change belongs to one operation. */
  path?: string;
  /** HTTP method (upper case), when the change belongs to one operation. */
  method?: string;
  /**
   * The component schema concerned, for changes found inside a shared schema: they are reported once per
   * schema (and direction) with the operations that use it, not once per operation (see the README (What an API change means)).
   */
  schema?: string;
  /** operationIds that reach `schema` in the direction of the change (sorted). */
  operations?: string[];
  message: string;
}

export interface SpecDiff {
  bump: Bump;
  changes: SpecChange[];
}

/** Request schemas are what clients send, response schemas what they read: the same edit breaks one or the other. */
export type Direction = "request" | "response";

const rank: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function highestBump(changes: readonly { severity: Severity }[]): Bump {
  let bump: Bump = "none";
  for (const change of changes) if (rank[change.severity] > rank[bump]) bump = change.severity;
  return bump;
}

export function compareSeverity(a: Bump, b: Bump): number {
  return rank[b] - rank[a];
}

import { isObject } from "../../model/index.ts";

export { isObject, type JsonObject } from "../../model/index.ts";

/** Key-order independent equality of two JSON values (normalization sorts keys, but the diff must not rely on it). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
}

/** A short, stable rendering of a JSON value for messages. */
export function show(value: unknown): string {
  if (value === undefined) return "(none)";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
