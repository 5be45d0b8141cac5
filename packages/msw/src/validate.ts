/**
 * Request validation for the mocks, like Stoplight Prism's: the body and the path/query parameters of a request
 * checked against the operation's schemas, every violation named (where, what was expected, what was sent).
 *
 * The schemas come from the generator (`generated/validation.gen.ts`) as plain data holding only the keywords
 * checked here; why an interpreter over compact tables rather than Ajv (compiled at start or standalone):
 * docs/decisions/0030-mock-request-validation.md. Tests hold it to Ajv's verdict on the real spec.
 */

/** A JSON Schema node as the generator emits it (validation keywords only; `$ref` names a `defs` entry). */
export type SchemaNode = boolean | { readonly [keyword: string]: unknown };

export interface ParameterRule {
  readonly name: string;
  readonly in: "path" | "query";
  readonly required: boolean;
  readonly schema: SchemaNode;
}

/** What is checked for one operation. */
export interface RequestRule {
  readonly body?: SchemaNode;
  readonly bodyRequired?: boolean;
  readonly params?: readonly ParameterRule[];
}

/** One way a request breaks its schema: `body.leads[0].email`, `expected string`, `got number 5`. */
export interface Violation {
  /** Where, for a person: the checked value's place (`body`, `query.limit`) and the way into it, `.leads[0].email`. */
  path: string;
  /**
   * The way into the checked value as its property names and array indices (`["leads", 0, "email"]`; `[]` for the
   * value itself): what code reads, since a property name can hold any character `path` uses.
   */
  segments: readonly (string | number)[];
  expected: string;
  got: string;
}

/** Enough to act on; a body with hundreds of wrong items is not reported item by item. */
const MAX_VIOLATIONS = 10;

type Schema = { readonly [keyword: string]: unknown };
type Defs = Readonly<Record<string, SchemaNode>>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `"text"`, `5`, `null`, `an object`, `an array of 3`: what was sent, short and without newlines. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (isObject(value)) return "an object";
  const text = JSON.stringify(value) ?? String(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return typeof value === "string"
    ? `string ${shown}`
    : `${typeof value === "number" ? "number " : ""}${shown}`;
}

/** Where a value being checked is, as `Violation`'s `path` and `segments` (never mutated: violations share them). */
interface Where {
  readonly path: string;
  readonly segments: readonly (string | number)[];
}

function child(where: Where, key: string | number): Where {
  const { path, segments } = where;
  const text =
    typeof key === "number"
      ? `${path}[${key}]`
      : /^[A-Za-z_$][\w$]*$/.test(key)
        ? `${path}.${key}`
        : `${path}[${JSON.stringify(key)}]`;
  return { path: text, segments: [...segments, key] };
}

function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "integer":
      // Within ±(2^53 − 1), as the client's zod `int()` has it: JSON Schema sets no bound, but a larger value is
      // not exact in JavaScript, and the validating client refuses it (one verdict on every body).
      return typeof value === "number" && Number.isSafeInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    default:
      return typeof value === type;
  }
}

/** Structural equality for `enum`, `const` and `uniqueItems` (JSON values: key order does not matter). */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => equal(item, b[index]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && equal(a[key], b[key]))
    );
  }
  return false;
}

const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) {
    pattern = new RegExp(source, "u");
    patterns.set(source, pattern);
  }
  return pattern;
}

function isValidDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return month >= 1 && month <= 12 && day >= 1 && day <= (days[month - 1] ?? 0);
}

/**
 * The formats this API uses, checked as ajv-formats' "full" mode does for the common cases. A format not listed
 * is not checked (JSON Schema makes formats advisory).
 */
const FORMATS: Readonly<Record<string, (text: string) => boolean>> = {
  date: isValidDate,
  "date-time": (text) => {
    const [date, time] = text.split(/t|\s/i);
    return (
      date !== undefined &&
      time !== undefined &&
      isValidDate(date) &&
      /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i.test(time)
    );
  },
  time: (text) =>
    /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/i.test(text),
  // The same pattern as the zod schemas' (@instantly-kit/codegen, targets/zod/postprocess.ts): test/zod-formats.test.ts.
  email: (text) =>
    /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(
      text,
    ),
  uri: (text) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(text),
  uuid: (text) => /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(text),
};

/** Validates JSON values against the generated schemas, collecting violations. */
export class RequestValidator {
  readonly #defs: Defs;

  constructor(defs: Defs) {
    this.#defs = defs;
  }

  /** The violations of `value` against `schema` at `path` (empty when valid). */
  violations(schema: SchemaNode, value: unknown, path: string): Violation[] {
    const out: Violation[] = [];
    this.#check(schema, value, { path, segments: [] }, out);
    return out.slice(0, MAX_VIOLATIONS);
  }

  resolve(schema: SchemaNode): SchemaNode {
    let node = schema;
    for (let hops = 0; isObject(node) && typeof node.$ref === "string" && hops < 32; hops++) {
      node = this.#defs[node.$ref] ?? true;
    }
    return node;
  }

  /** Whether `value` is valid, pushing each violation to `out`. */
  #check(schemaNode: SchemaNode, value: unknown, where: Where, out: Violation[]): boolean {
    const schema = this.resolve(schemaNode);
    if (schema === true) return true;
    if (schema === false) {
      out.push({ ...where, expected: "nothing (not allowed)", got: describe(value) });
      return false;
    }
    if (out.length >= MAX_VIOLATIONS) return false;
    const start = out.length;
    const types = Array.isArray(schema.type)
      ? (schema.type as string[])
      : typeof schema.type === "string"
        ? [schema.type]
        : undefined;
    if (types && !types.some((type) => matchesType(type, value))) {
      out.push({ ...where, expected: types.join(" or "), got: describe(value) });
      return false;
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((option) => equal(option, value))) {
      out.push({
        ...where,
        expected: `one of ${schema.enum.map((option) => JSON.stringify(option)).join(", ")}`,
        got: describe(value),
      });
    }
    if ("const" in schema && !equal(schema.const, value)) {
      out.push({ ...where, expected: JSON.stringify(schema.const), got: describe(value) });
    }
    if (typeof value === "string") this.#string(schema, value, where, out);
    else if (typeof value === "number") this.#number(schema, value, where, out);
    else if (Array.isArray(value)) this.#array(schema, value, where, out);
    else if (isObject(value)) this.#object(schema, value, where, out);
    this.#composition(schema, value, where, out);
    return out.length === start;
  }

  #string(schema: Schema, value: string, where: Where, out: Violation[]): void {
    const length = [...value].length;
    if (typeof schema.minLength === "number" && length < schema.minLength) {
      out.push({ ...where, expected: `at least ${schema.minLength} characters`, got: describe(value) });
    }
    if (typeof schema.maxLength === "number" && length > schema.maxLength) {
      out.push({ ...where, expected: `at most ${schema.maxLength} characters`, got: `${length} characters` });
    }
    if (typeof schema.pattern === "string" && !patternOf(schema.pattern).test(value)) {
      out.push({ ...where, expected: `a string matching /${schema.pattern}/`, got: describe(value) });
    }
    const format = typeof schema.format === "string" ? FORMATS[schema.format] : undefined;
    if (format && !format(value))
      out.push({ ...where, expected: `format ${String(schema.format)}`, got: describe(value) });
  }

  #number(schema: Schema, value: number, where: Where, out: Violation[]): void {
    const bound = (keyword: string, fails: (limit: number) => boolean, words: string) => {
      const limit = schema[keyword];
      if (typeof limit === "number" && fails(limit))
        out.push({ ...where, expected: `${words} ${limit}`, got: describe(value) });
    };
    bound("minimum", (limit) => value < limit, "≥");
    bound("maximum", (limit) => value > limit, "≤");
    bound("exclusiveMinimum", (limit) => value <= limit, ">");
    bound("exclusiveMaximum", (limit) => value >= limit, "<");
    bound("multipleOf", (limit) => !Number.isInteger(Number((value / limit).toFixed(9))), "a multiple of");
  }

  #array(schema: Schema, value: unknown[], where: Where, out: Violation[]): void {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) {
      out.push({ ...where, expected: `at least ${schema.minItems} items`, got: describe(value) });
    }
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) {
      out.push({ ...where, expected: `at most ${schema.maxItems} items`, got: describe(value) });
    }
    const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as SchemaNode[]) : [];
    value.forEach((item, index) => {
      const itemSchema = index < prefix.length ? prefix[index] : (schema.items as SchemaNode | undefined);
      if (itemSchema !== undefined) this.#check(itemSchema, item, child(where, index), out);
    });
    if (schema.uniqueItems === true) {
      const duplicate = value.findIndex((item, index) =>
        value.slice(0, index).some((other) => equal(other, item)),
      );
      if (duplicate !== -1)
        out.push({ ...child(where, duplicate), expected: "unique items", got: "a repeated item" });
    }
    if (
      schema.contains !== undefined &&
      !value.some((item) => this.#check(schema.contains as SchemaNode, item, where, []))
    ) {
      out.push({ ...where, expected: "at least one item matching `contains`", got: "none" });
    }
  }

  #object(schema: Schema, value: Record<string, unknown>, where: Where, out: Violation[]): void {
    const properties = isObject(schema.properties) ? (schema.properties as Record<string, SchemaNode>) : {};
    if (Array.isArray(schema.required)) {
      for (const name of schema.required as string[]) {
        if (!Object.hasOwn(value, name))
          out.push({ ...child(where, name), expected: "a required property", got: "nothing" });
      }
    }
    const keys = Object.keys(value);
    if (typeof schema.minProperties === "number" && keys.length < schema.minProperties) {
      out.push({ ...where, expected: `at least ${schema.minProperties} properties`, got: `${keys.length}` });
    }
    if (typeof schema.maxProperties === "number" && keys.length > schema.maxProperties) {
      out.push({ ...where, expected: `at most ${schema.maxProperties} properties`, got: `${keys.length}` });
    }
    for (const key of keys) {
      if (Object.hasOwn(properties, key)) {
        this.#check(properties[key] as SchemaNode, value[key], child(where, key), out);
      } else if (schema.additionalProperties === false) {
        out.push({
          ...child(where, key),
          expected: "no such property (additionalProperties: false)",
          got: describe(value[key]),
        });
      } else if (isObject(schema.additionalProperties)) {
        this.#check(schema.additionalProperties as SchemaNode, value[key], child(where, key), out);
      }
    }
  }

  #composition(schema: Schema, value: unknown, where: Where, out: Violation[]): void {
    if (Array.isArray(schema.allOf)) {
      for (const member of schema.allOf as SchemaNode[]) this.#check(member, value, where, out);
    }
    for (const keyword of ["anyOf", "oneOf"] as const) {
      const branches = schema[keyword];
      if (!Array.isArray(branches)) continue;
      const results = (branches as SchemaNode[]).map((branch) => {
        const found: Violation[] = [];
        this.#check(branch, value, where, found);
        return found;
      });
      const passing = results.filter((found) => found.length === 0).length;
      if (passing === 0) {
        // The branch that came closest says most about what was meant.
        const closest = results.reduce((best, found) => (found.length < best.length ? found : best));
        out.push(...closest);
        if (closest.length === 0)
          out.push({
            ...where,
            expected: `one of the ${branches.length} alternatives`,
            got: describe(value),
          });
      } else if (keyword === "oneOf" && passing > 1) {
        out.push({
          ...where,
          expected: "exactly one of the alternatives (oneOf)",
          got: `a value matching ${passing}`,
        });
      }
    }
    if (schema.not !== undefined && this.#check(schema.not as SchemaNode, value, where, [])) {
      out.push({
        ...where,
        expected: "a value the schema's `not` excludes to be different",
        got: describe(value),
      });
    }
    if (schema.if !== undefined) {
      const branch = this.#check(schema.if as SchemaNode, value, where, []) ? schema.then : schema.else;
      if (branch !== undefined) this.#check(branch as SchemaNode, value, where, out);
    }
  }
}

/**
 * A parameter as the schema types it: URL text → number, boolean or list where the schema says so, so that
 * `?limit=10` is the integer 10; text that does not convert stays text and fails the type check by name.
 */
export function coerceParameter(schema: SchemaNode, values: readonly string[], defs: Defs): unknown {
  let node = schema;
  for (let hops = 0; isObject(node) && typeof node.$ref === "string" && hops < 32; hops++)
    node = defs[node.$ref] ?? true;
  const types = isObject(node)
    ? Array.isArray(node.type)
      ? (node.type as string[])
      : typeof node.type === "string"
        ? [node.type]
        : []
    : [];
  if (types.includes("array")) {
    // `?ids=a&ids=b` (form, exploded: OpenAPI's default) or `?ids=a,b`.
    const items = values.length === 1 ? (values[0] ?? "").split(",") : values;
    const itemSchema = isObject(node) ? ((node.items as SchemaNode | undefined) ?? true) : true;
    return items.map((item) => coerceParameter(itemSchema, [item], defs));
  }
  const text = values[values.length - 1] ?? "";
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text))
    return Number(text);
  if (types.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  if (types.includes("null") && text === "" && !types.includes("string")) return null;
  return text;
}

/** The violations of a request's parameters and (already parsed) body against `rule`. */
export function requestViolations(
  rule: RequestRule,
  defs: Defs,
  validator: RequestValidator,
  request: { params: Record<string, string>; query: URLSearchParams; body: unknown; hasBody: boolean },
): Violation[] {
  const found: Violation[] = [];
  for (const parameter of rule.params ?? []) {
    const where = `${parameter.in}.${parameter.name}`;
    const raw =
      parameter.in === "path"
        ? request.params[parameter.name] === undefined
          ? []
          : [request.params[parameter.name] as string]
        : request.query.getAll(parameter.name);
    if (raw.length === 0) {
      if (parameter.required)
        found.push({ path: where, segments: [], expected: "a required parameter", got: "nothing" });
      continue;
    }
    found.push(
      ...validator.violations(parameter.schema, coerceParameter(parameter.schema, raw, defs), where),
    );
  }
  if (rule.body !== undefined) {
    if (!request.hasBody) {
      // An absent required body reads as `{}` when the schema is an object: the missing properties are named.
      const schema = validator.resolve(rule.body);
      if (rule.bodyRequired && isObject(schema) && schema.type === "object") {
        found.push(...validator.violations(rule.body, {}, "body"));
      } else if (rule.bodyRequired) {
        found.push({ path: "body", segments: [], expected: "a JSON body", got: "nothing" });
      }
    } else {
      found.push(...validator.violations(rule.body, request.body, "body"));
    }
  }
  return found.slice(0, MAX_VIOLATIONS);
}

/** `body.email: expected format email, got string "x"; query.limit: expected ≤ 100, got number 500` */
export function violationMessage(violations: readonly Violation[]): string {
  return `Invalid request: ${violations.map((violation) => `${violation.path}: expected ${violation.expected}, got ${violation.got}`).join("; ")}`;
}
