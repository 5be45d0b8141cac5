import { createHash } from "node:crypto";
import type { Faker } from "@faker-js/faker";
// faker's main entry evaluates all ~70 of its locales (~0.4 s of CPU per `generate msw`); its English entry
// evaluates one and exports `faker`, which is `new Faker({ locale: [en, base] })` — the instance the builder
// needs. The builder seeds it before every use and sets a constant reference date, so sharing the module's
// instance between builders gives the same values; nothing else in the generator uses faker.
import { faker as englishFaker } from "@faker-js/faker/locale/en";
import { escapePointerSegment, pointerSegments, type SpecModel } from "../../model/index.ts";
import { formatCheck, type SchemaChecker } from "./schema-check.ts";

type Schema = Record<string, unknown>;

/**
 * How a subtree is built. Examples first and every property is the realistic default; when a schema rule
 * (`not`, `contains`, `oneOf`, additionalProperties: false beside allOf…) rejects that, the builder retries the
 * node with fewer optional properties and/or generated values instead of the spec's examples.
 */
interface Variant {
  examples: boolean;
  optional: boolean;
}

const VARIANTS: readonly Variant[] = [
  { examples: true, optional: true },
  { examples: true, optional: false },
  { examples: false, optional: true },
  { examples: false, optional: false },
];

/** Marks a recursive schema we stopped descending into: an optional property is left out, an array is empty. */
const OMIT = Symbol("omit");

/** Keywords whose constraints the per-leaf logic does not enforce: such nodes are checked with Ajv. */
const CHECKED_KEYWORDS = [
  "not",
  "contains",
  "if",
  "oneOf",
  "anyOf",
  "allOf",
  "dependentRequired",
  "dependentSchemas",
  "uniqueItems",
  "patternProperties",
  "propertyNames",
  "maxProperties",
];

/** All mock times fall in a fixed window, so output does not depend on when it is generated. */
const REF_DATE = new Date("2026-01-01T00:00:00.000Z");

/** Values for the patterns of this API that faker's `fromRegExp` cannot produce (groups, lookaheads). */
const PATTERN_SAMPLES: readonly string[] = [
  "09:00",
  "ptid_a1b2c3d4",
  "rule-0",
  "example.com",
  "https://example.com",
  "f9cc070d-8dba-4341-b847-f083c358e460",
  "Example",
];

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function seedOf(pointer: string): number {
  return createHash("sha256").update(pointer).digest().readUInt32BE(0);
}

/** The JSON Schema `type` keyword as a list, with `null` last so the first entry is the realistic one. */
function typesOf(schema: Schema): string[] {
  const type = schema.type;
  const list = Array.isArray(type) ? (type as string[]) : typeof type === "string" ? [type] : [];
  return [...list.filter((t) => t !== "null"), ...list.filter((t) => t === "null")];
}

function inferType(schema: Schema): string | undefined {
  const [first] = typesOf(schema);
  if (first) return first;
  if (isSchema(schema.properties) || "additionalProperties" in schema || "required" in schema)
    return "object";
  if ("items" in schema || "prefixItems" in schema) return "array";
  if ("pattern" in schema || "format" in schema || "minLength" in schema) return "string";
  if ("minimum" in schema || "maximum" in schema) return "number";
  return undefined;
}

function jsonEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function codePointLength(text: string): number {
  return [...text].length;
}

/**
 * Builds one deterministic, schema-valid value per schema node: the spec's `example`/`examples` where they are
 * valid, seeded faker (seed = the node's JSON pointer) where there is none. Same spec → same values.
 */
export class MockDataBuilder {
  readonly #model: SpecModel;
  readonly #checker: SchemaChecker;
  readonly #faker: Faker = englishFaker;
  readonly #refStack: string[] = [];

  constructor(model: SpecModel, checker: SchemaChecker) {
    this.#model = model;
    this.#checker = checker;
    this.#faker.setDefaultRefDate(REF_DATE);
  }

  /** A value for the schema at `pointer` (e.g. an operation's response schema); tries each variant until valid. */
  build(pointer: string): { value: unknown; valid: boolean } {
    let last: unknown;
    for (const variant of VARIANTS) {
      const value = this.#node(pointer, variant);
      last = value === OMIT ? {} : value;
      if (this.#checker.check(pointer, last)) return { value: last, valid: true };
    }
    return { value: last, valid: false };
  }

  /** The schema at `pointer` (`true` reads as `{}`), not following a `$ref` it may hold. */
  #schemaAt(pointer: string): Schema | undefined {
    const node = this.#model.at(pointer);
    if (node === true) return {};
    return isSchema(node) ? node : undefined;
  }

  #node(pointer: string, variant: Variant): unknown {
    const schema = this.#schemaAt(pointer);
    if (!schema) return null;
    if (typeof schema.$ref === "string") {
      // The model follows the chain; normalization removed dangling refs, so undefined is a malformed input
      // (non-local ref): "anything".
      const target = this.#model.resolve(schema, pointer);
      if (!target) return {};
      // A schema that contains itself: stop descending (an optional property is left out, an array is empty).
      if (this.#refStack.includes(target.pointer)) return OMIT;
      this.#refStack.push(target.pointer);
      try {
        return this.#node(target.pointer, variant);
      } finally {
        this.#refStack.pop();
      }
    }
    const needsCheck = CHECKED_KEYWORDS.some((keyword) => keyword in schema);
    if (!needsCheck) return this.#shape(pointer, schema, variant);
    const start = VARIANTS.indexOf(variant);
    const order = [...VARIANTS.slice(start), ...VARIANTS.slice(0, start)];
    let first: unknown;
    for (const candidateVariant of order) {
      for (const candidate of this.#candidates(pointer, schema, candidateVariant)) {
        if (candidate === OMIT) return OMIT;
        if (first === undefined) first = candidate;
        if (this.#checker.check(pointer, candidate)) return candidate;
      }
    }
    return first;
  }

  /** Candidate values for a node with composition keywords: one per branch, merged with the node's own shape. */
  *#candidates(pointer: string, schema: Schema, variant: Variant): Generator<unknown> {
    const own = this.#shape(pointer, schema, variant);
    const branches = (
      Array.isArray(schema.oneOf) ? "oneOf" : Array.isArray(schema.anyOf) ? "anyOf" : undefined
    ) as "oneOf" | "anyOf" | undefined;
    const allOf = Array.isArray(schema.allOf) ? (schema.allOf as unknown[]) : [];
    const withAllOf = (value: unknown): unknown => {
      let merged = value;
      allOf.forEach((_, index) => {
        merged = mergeValues(merged, this.#node(`${pointer}/allOf/${index}`, variant));
      });
      return merged;
    };
    const conditional = (value: unknown): unknown[] =>
      "if" in schema
        ? [
            ...(isSchema(schema.then) ? [mergeValues(value, this.#node(`${pointer}/then`, variant))] : []),
            ...(isSchema(schema.else) ? [mergeValues(value, this.#node(`${pointer}/else`, variant))] : []),
            value,
          ]
        : [value];
    const base = withAllOf(ownOrUndefined(own, schema));
    if (branches) {
      const list = schema[branches] as unknown[];
      for (let index = 0; index < list.length; index++) {
        const branch = this.#node(`${pointer}/${branches}/${index}`, variant);
        yield* conditional(mergeValues(base, branch));
      }
    }
    yield* conditional(base === undefined ? own : base);
  }

  /** The node's value from its own keywords (type, properties, items, enum, example…), ignoring composition. */
  #shape(pointer: string, schema: Schema, variant: Variant): unknown {
    if ("const" in schema) return schema.const;
    const type = inferType(schema);
    const examples = variant.examples ? exampleCandidates(schema) : [];
    if (Array.isArray(schema.enum)) {
      const options = schema.enum as unknown[];
      const fromExample = examples.find((example) => options.some((option) => jsonEqual(option, example)));
      if (fromExample !== undefined) return fromExample;
      return options.find((option) => option !== null) ?? options[0];
    }
    switch (type) {
      case "object":
        return this.#object(pointer, schema, variant, examples);
      case "array":
        return this.#array(pointer, schema, variant, examples);
      case "string":
        return this.#string(pointer, schema, examples);
      case "integer":
      case "number":
        return this.#number(pointer, schema, type, examples);
      case "boolean":
        return examples.find((example) => typeof example === "boolean") ?? schema.default === true;
      case "null":
        return null;
      default:
        // Untyped: the example if there is one, otherwise a plain word (valid against `{}`).
        return examples[0] ?? (isSchema(schema.properties) ? {} : this.#seeded(pointer).lorem.word());
    }
  }

  #seeded(pointer: string): Faker {
    this.#faker.seed(seedOf(pointer));
    return this.#faker;
  }

  #object(pointer: string, schema: Schema, variant: Variant, examples: unknown[]): unknown {
    const properties = isSchema(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const names = Object.keys(properties);
    if (names.length === 0) {
      // A free-form object: the spec's example object shows what it looks like in practice.
      const example = examples.find(isSchema);
      if (example && schema.additionalProperties !== false) {
        return modernizeDates(structuredClone(example), this.#seeded(pointer));
      }
    }
    const result: Record<string, unknown> = {};
    for (const name of names) {
      if (!variant.optional && !required.has(name)) continue;
      const value = this.#node(`${pointer}/properties/${escapePointerSegment(name)}`, variant);
      if (value === OMIT) {
        if (required.has(name)) setOwn(result, name, null);
        continue;
      }
      setOwn(result, name, value);
    }
    for (const name of required) {
      if (name in result) continue;
      setOwn(
        result,
        name,
        isSchema(schema.additionalProperties)
          ? this.#node(`${pointer}/additionalProperties`, variant)
          : "example",
      );
    }
    const minProperties = typeof schema.minProperties === "number" ? schema.minProperties : 0;
    if (Object.keys(result).length < minProperties) {
      // Fill up with the optional properties first, then with additional ones.
      for (const name of names) {
        if (Object.keys(result).length >= minProperties) break;
        if (name in result) continue;
        const value = this.#node(`${pointer}/properties/${escapePointerSegment(name)}`, variant);
        if (value !== OMIT) setOwn(result, name, value);
      }
      for (
        let index = 1;
        Object.keys(result).length < minProperties && schema.additionalProperties !== false;
        index++
      ) {
        result[`key${index}`] = isSchema(schema.additionalProperties)
          ? this.#node(`${pointer}/additionalProperties`, variant)
          : "value";
      }
    }
    return result;
  }

  #array(pointer: string, schema: Schema, variant: Variant, examples: unknown[]): unknown {
    const minItems = typeof schema.minItems === "number" ? schema.minItems : 0;
    const maxItems = typeof schema.maxItems === "number" ? schema.maxItems : Number.POSITIVE_INFINITY;
    const itemSchema = isSchema(schema.items) ? this.#model.resolve(schema.items)?.node : undefined;
    // An example list of plain values (tags, emails…) is used when each value fits the item schema.
    const example = examples.find(
      (candidate): candidate is unknown[] =>
        Array.isArray(candidate) &&
        candidate.length >= minItems &&
        candidate.length <= maxItems &&
        itemSchema !== undefined &&
        candidate.every((item) => this.#leafAccepts(itemSchema, item)),
    );
    if (example) return modernizeDates(structuredClone(example), this.#seeded(pointer));
    if (!isSchema(schema.items)) return [];
    const count = Math.min(Math.max(minItems, 1), maxItems);
    const items: unknown[] = [];
    for (let index = 0; index < count; index++) {
      const item = this.#node(`${pointer}/items`, variant);
      if (item === OMIT) return minItems === 0 ? [] : OMIT;
      items.push(item);
    }
    if (schema.uniqueItems === true && count > 1) {
      // Identical seeds give identical items; unique lists get one item per seed offset.
      return items.slice(0, 1);
    }
    return items;
  }

  /** Whether a primitive value satisfies a primitive schema (objects and compositions: no). */
  #leafAccepts(schema: Schema, value: unknown): boolean {
    if (CHECKED_KEYWORDS.some((keyword) => keyword in schema)) return false;
    if (Array.isArray(schema.enum))
      return (schema.enum as unknown[]).some((option) => jsonEqual(option, value));
    if (value === null) return typesOf(schema).includes("null");
    const type = inferType(schema);
    if (type === "string") return stringAccepts(schema, value);
    if (type === "number" || type === "integer") return numberAccepts(schema, type, value);
    if (type === "boolean") return typeof value === "boolean";
    return false;
  }

  #string(pointer: string, schema: Schema, examples: unknown[]): unknown {
    const accepts = (value: unknown) => stringAccepts(schema, value);
    const name = pointerSegments(pointer).at(-1) ?? "";
    // People, companies, contact details and dates: the spec's examples are placeholders ("John", "Doe",
    // "example@example.com", 1970-01-01) that would make every item look alike, so these are generated first.
    const realistic = realisticString(this.#seeded(pointer), schema, name);
    if (realistic !== undefined && accepts(realistic)) return realistic;
    const fromSpec = [...examples, schema.default]
      .map((example) => modernizeDates(example, this.#seeded(pointer)))
      .find(accepts);
    if (fromSpec !== undefined) return fromSpec;
    const faker = this.#seeded(pointer);
    for (const candidate of stringCandidates(faker, schema, name)) if (accepts(candidate)) return candidate;
    return examples.find((example) => typeof example === "string") ?? "example";
  }

  #number(pointer: string, schema: Schema, type: "integer" | "number", examples: unknown[]): unknown {
    const accepts = (value: unknown) => numberAccepts(schema, type, value);
    const fromSpec = [...examples, schema.default].find(accepts);
    if (fromSpec !== undefined) return fromSpec;
    const min = numberOr(schema.minimum, numberOr(schema.exclusiveMinimum, 0, 1), 0);
    const max = numberOr(schema.maximum, numberOr(schema.exclusiveMaximum, min + 100, -1), 0);
    const faker = this.#seeded(pointer);
    const step = typeof schema.multipleOf === "number" ? schema.multipleOf : type === "integer" ? 1 : 0.01;
    const candidates = [
      Math.round(faker.number.float({ min, max }) / step) * step,
      Math.ceil(min / step) * step,
      min,
      max,
    ].map((value) => Number(value.toFixed(6)));
    return candidates.find(accepts) ?? min;
  }
}

/**
 * `object[key] = value` as plain data: a property name is spec text, and assigning to `__proto__` would set the
 * object's prototype instead (the property would vanish from the mock).
 */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function numberOr(value: unknown, fallback: number, offset: number): number {
  return typeof value === "number" ? value + offset : fallback;
}

function ownOrUndefined(own: unknown, schema: Schema): unknown {
  // A node that is only a composition (no type/properties of its own) contributes nothing itself.
  return inferType(schema) === undefined && !("enum" in schema) && !("const" in schema) ? undefined : own;
}

/** Objects merge key by key (later wins); anything else: the later value. */
function mergeValues(a: unknown, b: unknown): unknown {
  if (b === undefined || b === OMIT) return a;
  if (isSchema(a) && isSchema(b)) return { ...a, ...b };
  return b;
}

function exampleCandidates(schema: Schema): unknown[] {
  const list: unknown[] = [];
  if ("example" in schema) list.push(schema.example);
  if (Array.isArray(schema.examples)) list.push(...(schema.examples as unknown[]));
  return list.filter((value) => value !== undefined);
}

function stringAccepts(schema: Schema, value: unknown): boolean {
  if (typeof value !== "string") return false;
  const length = codePointLength(value);
  if (typeof schema.minLength === "number" && length < schema.minLength) return false;
  if (typeof schema.maxLength === "number" && length > schema.maxLength) return false;
  if (typeof schema.pattern === "string") {
    try {
      if (!new RegExp(schema.pattern, "u").test(value)) return false;
    } catch {
      return false;
    }
  }
  if (typeof schema.format === "string") {
    const check = formatCheck(schema.format);
    if (check && !check(value)) return false;
  }
  return true;
}

function numberAccepts(schema: Schema, type: "integer" | "number", value: unknown): boolean {
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  if (type === "integer" && !Number.isInteger(value)) return false;
  if (typeof schema.minimum === "number" && value < schema.minimum) return false;
  if (typeof schema.maximum === "number" && value > schema.maximum) return false;
  if (typeof schema.exclusiveMinimum === "number" && value <= schema.exclusiveMinimum) return false;
  if (typeof schema.exclusiveMaximum === "number" && value >= schema.exclusiveMaximum) return false;
  if (
    typeof schema.multipleOf === "number" &&
    !Number.isInteger(Number((value / schema.multipleOf).toFixed(9)))
  ) {
    return false;
  }
  return true;
}

/**
 * The spec's examples use the Unix epoch as a placeholder date ("1970-01-01T00:00:00.000Z"); a mock showing 1970
 * looks broken. Any ISO date before 2000 in an example is moved into the half year before the reference date, in
 * the same form (date only, or date and time). The result is checked against the schema like any other value.
 */
export function modernizeDates<T>(value: T, faker: Faker): T {
  if (typeof value === "string") {
    const match = /^(\d{4})-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/.exec(value);
    if (!match || Number(match[1]) >= 2000) return value;
    const date = faker.date.between({ from: "2025-07-01T00:00:00.000Z", to: REF_DATE }).toISOString();
    return (match[2] === undefined ? date.slice(0, 10) : date) as T;
  }
  if (Array.isArray(value)) return value.map((item) => modernizeDates(item, faker)) as T;
  if (isSchema(value)) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) setOwn(result, key, modernizeDates(item, faker));
    return result as T;
  }
  return value;
}

/**
 * What a realistic string property can hold. The generator decides the kind; the msw target emits this union into
 * `resources.gen.ts`, and the runtime (packages/msw/src/realistic.ts) gives each kind its values: an exhaustive
 * switch there fails to compile when a kind is added here.
 */
export const REALISTIC_KINDS = [
  "date-time",
  "date",
  "email",
  "first-name",
  "last-name",
  "company",
  "domain",
  "job-title",
  "phone",
  "url",
] as const;

export type RealisticKind = (typeof REALISTIC_KINDS)[number];

/**
 * What a string property holds, judged by its name and format (a person's name, an email, a company, a phone
 * number, a web address, a date); undefined for anything else, and for patterned or enumerated strings.
 */
export function realisticKind(schema: Schema, name: string): RealisticKind | undefined {
  if (typeof schema.pattern === "string" || Array.isArray(schema.enum) || "const" in schema) return undefined;
  const lower = name.toLowerCase();
  const format = typeof schema.format === "string" ? schema.format : undefined;
  if (
    format === "date-time" ||
    (format === undefined && (lower.startsWith("timestamp") || lower.endsWith("_at")))
  )
    return "date-time";
  if (format === "date") return "date";
  if (format === "email" || lower === "email" || lower.endsWith("_email")) return "email";
  if (format !== undefined && format !== "uri") return undefined;
  if (lower === "first_name" || lower === "firstname") return "first-name";
  if (lower === "last_name" || lower === "lastname") return "last-name";
  if (lower === "company_name") return "company";
  if (lower === "company_domain") return "domain";
  if (lower === "job_title") return "job-title";
  if (lower === "phone" || lower === "phone_number") return "phone";
  if (lower === "website" || format === "uri") return "url";
  return undefined;
}

/** A realistic value of that kind (dates fall in the half year before the fixed reference date). */
export function realisticString(faker: Faker, schema: Schema, name: string): string | undefined {
  const date = faker.date.between({ from: "2025-07-01T00:00:00.000Z", to: REF_DATE });
  switch (realisticKind(schema, name)) {
    case "date-time":
      return date.toISOString();
    case "date":
      return date.toISOString().slice(0, 10);
    case "email":
      return faker.internet.email().toLowerCase();
    case "first-name":
      return faker.person.firstName();
    case "last-name":
      return faker.person.lastName();
    case "company":
      return faker.company.name();
    case "domain":
      return faker.internet.domainName();
    case "job-title":
      return faker.person.jobTitle();
    case "phone":
      return faker.phone.number({ style: "international" });
    case "url":
      return faker.internet.url();
    default:
      return undefined;
  }
}

/** Plausible strings for a property, most specific first: format, pattern, then what its name suggests. */
function* stringCandidates(faker: Faker, schema: Schema, name: string): Generator<string> {
  const format = typeof schema.format === "string" ? schema.format : undefined;
  const date = faker.date.between({ from: "2025-01-01T00:00:00.000Z", to: REF_DATE });
  if (format === "date-time") yield date.toISOString();
  if (format === "date") yield date.toISOString().slice(0, 10);
  if (format === "time") yield date.toISOString().slice(11, 19);
  if (format === "email" || format === "idn-email") yield faker.internet.email().toLowerCase();
  if (format === "uri" || format === "url" || format === "iri") yield faker.internet.url();
  if (format === "hostname" || format === "idn-hostname") yield faker.internet.domainName();
  if (format === "uuid") yield faker.string.uuid();
  if (format === "ipv4") yield faker.internet.ipv4();
  if (format === "ipv6") yield faker.internet.ipv6();
  if (typeof schema.pattern === "string") {
    try {
      // faker wants the pattern without its anchors (it always generates a whole string).
      const start = schema.pattern.startsWith("^") ? 1 : 0;
      const end = schema.pattern.endsWith("$") ? -1 : undefined;
      yield faker.helpers.fromRegExp(schema.pattern.slice(start, end));
    } catch {
      // fromRegExp does not support every construct; the samples below cover this API's patterns.
    }
    yield* PATTERN_SAMPLES;
  }
  const lower = name.toLowerCase();
  if (lower === "id" || lower.endsWith("_id") || lower.endsWith("id")) yield faker.string.uuid();
  if (lower.includes("email")) yield faker.internet.email().toLowerCase();
  if (lower.startsWith("timestamp") || lower.endsWith("_at") || lower.includes("date"))
    yield date.toISOString();
  if (lower.includes("url") || lower.includes("website") || lower.includes("link"))
    yield faker.internet.url();
  if (lower.includes("domain")) yield faker.internet.domainName();
  if (lower.includes("phone")) yield faker.phone.number({ style: "international" });
  if (lower === "first_name" || lower === "firstname") yield faker.person.firstName();
  if (lower === "last_name" || lower === "lastname") yield faker.person.lastName();
  if (lower.includes("company")) yield faker.company.name();
  if (lower.includes("name")) yield faker.person.fullName();
  const words = faker.lorem.words({ min: 2, max: 4 });
  yield words;
  const minLength = typeof schema.minLength === "number" ? schema.minLength : 0;
  if (words.length < minLength) yield words.padEnd(minLength, "x");
  const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : undefined;
  if (maxLength !== undefined) yield words.slice(0, Math.max(maxLength, minLength));
}
