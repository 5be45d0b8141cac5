// Part of the validation chunk (loaded only by a client created with `validate`): turns a schema's issues
// into violations a person can act on — `$.items[0].status: expected one of 1, 2, 3, got 7`.
import type { ValidationViolation } from "./errors.js";
import type { Redactor } from "./redact.js";

/**
 * What the client needs of a schema: zod's `safeParse` (zod 4), described structurally so that the client's
 * public types do not depend on zod's.
 */
export interface SchemaLike {
  safeParse(data: unknown): { success: true } | { success: false; error: { issues: readonly IssueLike[] } };
}

/** The fields of a zod 4 issue this module reads (`input` is left out: zod does not report it by default). */
export interface IssueLike {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly format?: string;
  readonly pattern?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  readonly divisor?: number;
  readonly keys?: readonly string[];
  readonly errors?: readonly (readonly IssueLike[])[];
  readonly issues?: readonly IssueLike[];
  /** A custom issue's own fields; @instantly-kit/zod's checks put `expected` and `got` there (its `uniqueItems`). */
  readonly params?: { readonly expected?: unknown; readonly got?: unknown };
}

const MAX_SAMPLE = 80;
const MAX_VALUES = 8;

/** The type of a JSON value as the violations name it. */
export function typeOf(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && !Number.isFinite(value)) return "non-finite number";
  return typeof value;
}

/**
 * `JSON.stringify`, with the characters it leaves as they are but that end a line or drive a terminal — DEL, the
 * C1 controls (U+0085 is a line break, U+009B a CSI), U+2028, U+2029 — escaped too: a server's map key or enum
 * value stays on the violation's one line, and still reads back with `JSON.parse`.
 */
function quote(value: unknown): string | undefined {
  return JSON.stringify(value)?.replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * `$.items[0].status`, `$["first name"]`: a path as a JSON path, each property name redacted — and then the
 * path, since it joins the names with `.` and `"]["`: a key holding those, echoed as nested names
 * (`{"sk":{"live":…}}`), would otherwise come back whole.
 */
export function jsonPath(path: readonly PropertyKey[], redact: Redactor, anyIndex = false): string {
  let out = "$";
  for (const key of path) {
    if (typeof key === "number") out += anyIndex ? "[*]" : `[${key}]`;
    else {
      const name = redact.text(String(key));
      out += /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${quote(name)}]`;
    }
  }
  return redact.text(out);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key as string];
  }
  return value;
}

/** A short, redacted rendering of a value: redacted before it is cut, so a cut never keeps part of the key. */
export function sampleOf(value: unknown, redact: Redactor): string {
  let text: string;
  try {
    text = value === undefined ? "(missing)" : (quote(redact.json(value)) ?? String(value));
  } catch {
    text = typeOf(value);
  }
  return [...text].length > MAX_SAMPLE ? `${[...text].slice(0, MAX_SAMPLE).join("")}…` : text;
}

function literal(value: unknown): string {
  return typeof value === "string" ? (quote(value) as string) : String(value);
}

function bound(issue: IssueLike, side: "minimum" | "maximum"): string {
  const limit = String(issue[side]);
  const sign =
    side === "minimum" ? (issue.inclusive === false ? ">" : "≥") : issue.inclusive === false ? "<" : "≤";
  switch (issue.origin) {
    case "string":
      return `string of length ${sign} ${limit}`;
    case "array":
    case "set":
      return `${issue.origin} of ${sign} ${limit} items`;
    default:
      return `${issue.origin ?? "value"} ${sign} ${limit}`;
  }
}

function lengthOf(value: unknown): string {
  if (typeof value === "string") return `string of length ${[...value].length}`;
  if (Array.isArray(value)) return `array of ${value.length} items`;
  if (typeof value === "number") return String(value);
  return typeOf(value);
}

/** `one of 1, 2, 3` (the first few), or the one value. */
function oneOf(values: readonly unknown[]): string {
  const unique = [...new Set(values)];
  const listed = unique.slice(0, MAX_VALUES).map(literal).join(", ");
  if (unique.length === 1) return listed;
  return `one of ${listed}${unique.length > MAX_VALUES ? `, … (${unique.length} values)` : ""}`;
}

/** An unknown enum value is the point of the report (`got 7`): shown when it is a short primitive. */
function shownValue(value: unknown, redact: Redactor): string {
  const shown = typeof value === "object" || value === undefined ? undefined : sampleOf(value, redact);
  return shown !== undefined && shown.length <= 40 ? shown : typeOf(value);
}

interface Found {
  path: readonly PropertyKey[];
  expected: string;
  got: string;
}

/** What was expected, as `required …` when the value is missing: absent, not just of another type or value. */
function required(value: unknown, expected: string): string {
  return value === undefined ? `required ${expected}` : expected;
}

/**
 * One issue, read against the value it is about. A union issue is explained by the branch that came
 * closest (fewest issues); when every branch stops at the value itself with a type error, the expected
 * types are listed together (`string | number`, got `boolean`).
 */
function explain(issue: IssueLike, root: unknown, base: readonly PropertyKey[], redact: Redactor): Found[] {
  const path = [...base, ...issue.path];
  const value = valueAt(root, path);
  const got = typeOf(value);
  switch (issue.code) {
    case "invalid_type":
      return [{ path, expected: required(value, issue.expected ?? "value"), got }];
    case "invalid_value":
      return [{ path, expected: required(value, oneOf(issue.values ?? [])), got: shownValue(value, redact) }];
    case "invalid_format":
      return [{ path, expected: `string (${issue.format ?? "format"})`, got: `${got} not in that format` }];
    case "too_small":
      return [{ path, expected: bound(issue, "minimum"), got: lengthOf(value) }];
    case "too_big":
      return [{ path, expected: bound(issue, "maximum"), got: lengthOf(value) }];
    case "not_multiple_of":
      return [{ path, expected: `multiple of ${issue.divisor}`, got: lengthOf(value) }];
    case "unrecognized_keys":
      return (issue.keys ?? []).map((key) => ({
        path: [...path, key],
        expected: "no such property",
        got: typeOf((value as Record<string, unknown> | undefined)?.[key]),
      }));
    case "invalid_union": {
      const branches = (issue.errors ?? []).filter((branch) => branch.length > 0);
      if (branches.length === 0) return [{ path, expected: "exactly one matching variant", got }];
      // Every branch stopped at the value itself (a nullable, a union of literals or of types): list what
      // any of them would have taken.
      const atValue = branches.every(
        (branch) =>
          branch.length === 1 &&
          branch[0]?.path.length === 0 &&
          (branch[0]?.code === "invalid_type" || branch[0]?.code === "invalid_value"),
      );
      if (atValue) {
        const firsts = branches.map((branch) => branch[0] as IssueLike);
        const values = firsts.flatMap((first) =>
          first.code === "invalid_value" ? (first.values ?? []) : [],
        );
        const types = firsts.flatMap((first) =>
          first.code === "invalid_type" ? [first.expected ?? "?"] : [],
        );
        const expected = [...new Set(types), ...(values.length > 0 ? [oneOf(values)] : [])].join(" | ");
        if (values.length > 0)
          return [{ path, expected: required(value, expected), got: shownValue(value, redact) }];
        return [{ path, expected: required(value, expected), got }];
      }
      const closest = branches.reduce((best, branch) => (branch.length < best.length ? branch : best));
      return closest.flatMap((inner) => explain(inner, root, path, redact));
    }
    case "invalid_key":
    case "invalid_element":
      return (issue.issues ?? []).flatMap((inner) => explain(inner, root, path, redact));
    case "custom": {
      // A check zod does not have, written by the zod package (`uniqueItems`): its message is a sentence ("must NOT
      // have duplicate items…"), so it says what it expected and found in `params`, as a violation reads.
      const { expected, got: found } = issue.params ?? {};
      if (typeof expected === "string" && typeof found === "string") return [{ path, expected, got: found }];
      return [{ path, expected: issue.message, got }];
    }
    default:
      return [{ path, expected: issue.message, got }];
  }
}

/**
 * The violations of `value` against its schema's `issues`, each (path with array indices as `[*]`,
 * expected, got) once with a count — 100 list items with the same wrong field are one violation, not 100.
 */
export function violationsOf(
  issues: readonly IssueLike[],
  value: unknown,
  redact: Redactor,
  samples: boolean,
): ValidationViolation[] {
  return describeIssues(issues, value, redact, samples).violations;
}

/**
 * A shape longer than this many characters (a server's property names, map keys, can be of any length) is kept as
 * its start and a hash of the whole: what `warn` remembers stays bounded, and two shapes that differ only after
 * their start are still two.
 */
const MAX_SHAPE = 256;

function boundedShape(shape: string): string {
  return shape.length <= MAX_SHAPE ? shape : `${shape.slice(0, MAX_SHAPE)}… #${hash53(shape)}`;
}

/**
 * A 53-bit hash of every UTF-16 unit of `text` (cyrb53, public domain): synchronous and without node:crypto, as
 * the client runs in browsers too. A collision would merge two shapes of one operation, of at most 10 remembered.
 */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The violations, and the shape of each kind of mismatch without the value found: `$.items[*].status one of
 * 1, 2 number`. `got` shows an unknown enum value or a number out of bounds (that is the point of a report),
 * so two bodies wrong in the same way with different values differ in `got` but not in shape — what
 * `warn` reports once.
 */
export function describeIssues(
  issues: readonly IssueLike[],
  value: unknown,
  redact: Redactor,
  samples: boolean,
): { violations: ValidationViolation[]; shapes: string[] } {
  const grouped = new Map<string, { found: Found; count: number }>();
  const shapes = new Set<string>();
  for (const issue of issues) {
    for (const found of explain(issue, value, [], redact)) {
      const path = shapeOf(found.path, redact);
      shapes.add(boundedShape(`${path} ${found.expected} ${typeOf(valueAt(value, found.path))}`));
      const key = `${path}\u0000${found.expected}\u0000${found.got}`;
      const seen = grouped.get(key);
      if (seen) seen.count++;
      else grouped.set(key, { found, count: 1 });
    }
  }
  const violations = [...grouped.values()].map(({ found, count }) => ({
    path: jsonPath(found.path, redact),
    expected: found.expected,
    got: redact.text(found.got),
    count,
    ...(samples ? { sample: sampleOf(valueAt(value, found.path), redact) } : {}),
  }));
  return { violations, shapes: [...shapes] };
}

/** The path with every array index as `[*]`: what "the same violation" means across list items. */
export function shapeOf(path: readonly PropertyKey[], redact: Redactor): string {
  return jsonPath(path, redact, true);
}
