import type { Direction, Severity } from "./types.ts";

/**
 * Every kind of change the diff reports, with its severity: the one table the README's rule tables describe.
 * A kind whose meaning depends on who holds the value (a caller sending it, a reader reading it) has one
 * severity per direction; every other kind has one severity wherever it is found.
 */
export const SEVERITY = {
  // operations
  "operation-removed": "major",
  "operation-moved": "major",
  "operation-renamed": "major",
  "operation-added": "minor",
  "operation-docs-changed": "patch",
  "operation-security-changed": "patch",
  // parameters
  "parameter-removed": "major",
  "required-parameter-added": "major",
  "parameter-made-required": "major",
  "optional-parameter-added": "minor",
  "parameter-made-optional": "minor",
  "parameter-serialization-changed": "minor",
  "parameter-docs-changed": "patch",
  // request bodies
  "request-body-removed": "major",
  "required-request-body-added": "major",
  "request-body-made-required": "major",
  "request-media-type-removed": "major",
  "optional-request-body-added": "minor",
  "request-body-made-optional": "minor",
  "request-media-type-added": "minor",
  "request-body-docs-changed": "patch",
  // responses
  "success-response-removed": "major",
  "response-media-type-removed": "major",
  "error-response-removed": "minor",
  "error-response-media-type-removed": "minor",
  "response-status-added": "minor",
  "response-media-type-added": "minor",
  "response-headers-changed": "minor",
  "response-docs-changed": "patch",
  // object properties
  "request-field-removed": "major",
  "request-field-renamed": "major",
  "request-required-field-added": "major",
  "request-field-made-required": "major",
  "request-optional-field-added": "minor",
  "request-field-made-optional": "minor",
  "response-property-removed": "major",
  "response-property-renamed": "major",
  "response-property-made-optional": "major",
  "response-property-added": "minor",
  "response-property-made-required": "minor",
  // index signatures (additionalProperties as openapi-typescript types them)
  "request-index-signature-narrowed": "major",
  "request-index-signature-widened": "minor",
  "response-index-signature-changed": "major",
  "response-index-signature-added": "minor",
  "additional-properties-changed": "minor",
  // types and nullability
  "request-type-narrowed": "major",
  "request-type-widened": "minor",
  "response-type-changed": "major",
  "request-null-removed": "major",
  "request-null-allowed": "minor",
  "response-made-nullable": "major",
  "response-null-removed": "minor",
  "integer-number-changed": "minor",
  "tuple-changed": "major",
  // unions (oneOf / anyOf): a branch more is a new case for readers, a way more to send for callers
  "oneOf-branch-added": { request: "minor", response: "major" },
  "anyOf-branch-added": { request: "minor", response: "major" },
  "oneOf-branch-removed": "major",
  "anyOf-branch-removed": "major",
  // enums
  "enum-value-removed": "major",
  "enum-value-renamed": "major",
  "request-enum-constrained": "major",
  "response-enum-constrained": "major",
  "response-enum-lifted": "major",
  "request-enum-lifted": "minor",
  "enum-value-added": "minor",
  // schemas and keywords
  "schema-removed": "major",
  "schema-added": "minor",
  "validation-changed": "minor",
  "schema-reference-changed": "patch",
  "docs-changed": "patch",
  "annotation-changed": "patch",
  "document-docs-changed": "patch",
} as const satisfies Record<string, Severity | Record<Direction, Severity>>;

/** The stable machine-readable name of a rule, as printed by `spec:diff --json`. */
export type ChangeKind = keyof typeof SEVERITY;

/** The severity of a kind of change, for a value held in `direction` (ignored by direction-free kinds). */
export function severityOf(kind: ChangeKind, direction: Direction = "response"): Severity {
  const entry: Severity | Record<Direction, Severity> = SEVERITY[kind];
  return typeof entry === "string" ? entry : entry[direction];
}
