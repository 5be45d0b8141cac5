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
  readonly #document: Record<string, unknown>;
  readonly #validators = new Map<string, (value: unknown) => boolean>();
  /**
   * Validators by schema text: the 240 operations repeat the same error schemas (and many list schemas) at
   * different pointers, and compiling is most of generate's time. `$ref`s are document-absolute, so equal
   * text means an equal schema.
   */
  readonly #byContent = new Map<string, (value: unknown) => boolean>();

  constructor(document: Record<string, unknown>) {
    this.#ajv = new Ajv2020({
      strict: false,
      allErrors: false,
      logger: false,
      validateSchema: false,
      // Each validator runs a handful of times: skipping the code optimizer halves compile time.
      code: { optimize: false },
    });
    addFormats(this.#ajv);
    this.#document = withoutDanglingRefs(document);
    this.#ajv.addSchema(this.#document, "spec");
  }

  check(pointer: string, value: unknown): boolean {
    let validate = this.#validators.get(pointer);
    if (!validate) {
      const content = JSON.stringify(nodeAt(this.#document, pointer));
      validate = this.#byContent.get(content);
      if (!validate) {
        validate = this.#ajv.compile({ $ref: `spec${pointerToFragment(pointer)}` });
        this.#byContent.set(content, validate);
      }
      this.#validators.set(pointer, validate);
    }
    return validate(value);
  }
}

function nodeAt(document: Record<string, unknown>, pointer: string): unknown {
  let node: unknown = document;
  for (const raw of pointer.split("/").slice(1)) {
    const segment = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return node;
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
  let dangling = false;
  const scan = (node: unknown): void => {
    if (dangling || typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) {
      for (const item of node) scan(item);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && !resolves(document, value)) dangling = true;
      else scan(value);
    }
  };
  scan(document);
  if (!dangling) return document;
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
