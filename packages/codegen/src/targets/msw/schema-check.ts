import { createRequire } from "node:module";
import { Ajv2020 } from "ajv/dist/2020.js";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { pointerToFragment, type SpecModel } from "../../model/index.ts";

// ajv-formats is CommonJS with `exports.default`: require() gives the plugin function on every loader.
const addFormats = createRequire(import.meta.url)("ajv-formats") as (ajv: Ajv2020) => Ajv2020;

/**
 * Validates values against any schema of the spec, addressed by JSON pointer, with the same validator the
 * tests use (JSON Schema 2020-12 + ajv-formats). Compiled validators are cached per pointer.
 */
export class SchemaChecker {
  readonly #ajv: Ajv2020;
  readonly #model: SpecModel;
  readonly #validators = new Map<string, (value: unknown) => boolean>();
  /**
   * Validators by schema text: the 240 operations repeat the same error schemas (and many list schemas) at
   * different pointers, and compiling is most of generate's time. `$ref`s are document-absolute, so equal
   * text means an equal schema.
   */
  readonly #byContent = new Map<string, (value: unknown) => boolean>();

  constructor(model: SpecModel) {
    this.#ajv = new Ajv2020({
      strict: false,
      allErrors: false,
      logger: false,
      validateSchema: false,
      // Each validator runs a handful of times: skipping the code optimizer halves compile time.
      code: { optimize: false },
    });
    addFormats(this.#ajv);
    this.#model = model;
    // Dangling refs never reach here: normalization removed them (spec/normalize/dangling-refs.ts).
    this.#ajv.addSchema(model.document, "spec");
  }

  check(pointer: string, value: unknown): boolean {
    let validate = this.#validators.get(pointer);
    if (!validate) {
      const content = JSON.stringify(this.#model.at(pointer));
      validate = this.#byContent.get(content);
      if (!validate) {
        // The schema inside the added document, not a new `{ $ref }` wrapper: a wrapper is a root of its own,
        // so every component it reaches was compiled again for each of the ~200 pointers (a quarter of the time).
        const found = this.#ajv.getSchema(`spec${pointerToFragment(pointer)}`);
        if (!found) throw new Error(`no schema at ${pointer}`);
        validate = found;
        this.#byContent.set(content, validate);
      }
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
