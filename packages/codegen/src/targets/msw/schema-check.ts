import { createRequire } from "node:module";
import { Ajv2020 } from "ajv/dist/2020.js";
import { fullFormats } from "ajv-formats/dist/formats.js";

// ajv-formats is CommonJS with `exports.default`: require() gives the plugin function on every loader.
const addFormats = createRequire(import.meta.url)("ajv-formats") as (ajv: Ajv2020) => Ajv2020;

/** `/paths/~1api~1v2~1leads/get` → a URI fragment Ajv resolves against the document. */
export function pointerToFragment(pointer: string): string {
  return `#${pointer
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/")}`;
}

export function escapePointerSegment(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

/**
 * Validates values against any schema of the spec, addressed by JSON pointer, with the same validator the
 * tests use (JSON Schema 2020-12 + ajv-formats). Compiled validators are cached per pointer.
 */
export class SchemaChecker {
  readonly #ajv: Ajv2020;
  readonly #validators = new Map<string, (value: unknown) => boolean>();

  constructor(document: Record<string, unknown>) {
    this.#ajv = new Ajv2020({ strict: false, allErrors: false, logger: false, validateSchema: false });
    addFormats(this.#ajv);
    this.#ajv.addSchema(withoutDanglingRefs(document), "spec");
  }

  check(pointer: string, value: unknown): boolean {
    let validate = this.#validators.get(pointer);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `spec${pointerToFragment(pointer)}` });
      this.#validators.set(pointer, validate);
    }
    return validate(value);
  }
}

type FormatCheck = (value: string) => boolean;

/** ajv-formats' own checks, so a leaf that passes here passes the full validator too. */
export function formatCheck(format: string): FormatCheck | undefined {
  const entry = (fullFormats as Record<string, unknown>)[format];
  if (entry instanceof RegExp) return (value) => entry.test(value);
  if (typeof entry === "function") return entry as FormatCheck;
  if (entry && typeof entry === "object" && "validate" in entry) {
    const inner = (entry as { validate: unknown }).validate;
    if (inner instanceof RegExp) return (value) => inner.test(value);
    if (typeof inner === "function") return inner as FormatCheck;
  }
  return undefined;
}

function resolves(document: Record<string, unknown>, ref: string): boolean {
  if (!ref.startsWith("#/")) return false;
  let node: unknown = document;
  for (const raw of ref.slice(2).split("/")) {
    const segment = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (typeof node !== "object" || node === null || !(segment in node)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}

/** A copy where a `$ref` to a missing schema means "any value" (the mock builder reads it the same way). */
function withoutDanglingRefs(document: Record<string, unknown>): Record<string, unknown> {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== "object" || node === null) return node;
    const entries = Object.entries(node).filter(
      ([key, value]) => !(key === "$ref" && typeof value === "string" && !resolves(document, value)),
    );
    return Object.fromEntries(entries.map(([key, value]) => [key, visit(value)]));
  };
  return visit(document) as Record<string, unknown>;
}
