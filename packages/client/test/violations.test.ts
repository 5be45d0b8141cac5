// Issue 12: every kind of mismatch a schema can report is turned into `path: expected …, got …` — a table
// over zod 4's issue kinds, with hand-written schemas of the shapes the spec uses (nullable, enums, unions,
// maps, arrays, formats, bounds, strict objects).
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { createRedactor } from "../src/redact.js";
import { type SchemaLike, sampleOf, violationsOf } from "../src/violations.js";

const KEY = "sk_live_violations_KEY.123";
const redact = createRedactor(KEY);

function violations(schema: z.ZodType, value: unknown, samples = false) {
  const result = (schema as unknown as SchemaLike).safeParse(value);
  if (result.success) return [];
  return violationsOf(result.error.issues, value, redact, samples).map(
    ({ path, expected, got, count, sample }) =>
      `${path}: expected ${expected}, got ${got}${count > 1 ? ` ×${count}` : ""}${sample === undefined ? "" : ` [${sample}]`}`,
  );
}

const campaign = z.object({
  id: z.string(),
  name: z.string(),
  status: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(-99)]),
  pl_value: z.number().nullable().optional(),
  email_gap: z.number().nullable(),
  owner: z.enum(["me", "team"]),
  sequences: z.array(z.object({ steps: z.array(z.unknown()) })).optional(),
});

describe("violationsOf: one row per kind of mismatch", () => {
  const good = { id: "c1", name: "A", status: 1, email_gap: null, owner: "me" };
  test.each<[string, z.ZodType, unknown, string[]]>([
    ["a valid body", campaign, good, []],
    [
      "missing required",
      campaign,
      { ...good, name: undefined },
      ["$.name: expected required string, got missing"],
    ],
    ["wrong type", campaign, { ...good, name: 42 }, ["$.name: expected string, got number"]],
    [
      "number as a string",
      campaign,
      { ...good, email_gap: "10" },
      ["$.email_gap: expected number, got string"],
    ],
    ["null where not nullable", campaign, { ...good, id: null }, ["$.id: expected string, got null"]],
    ["null where nullable", campaign, { ...good, pl_value: null }, []],
    [
      "unknown numeric enum value",
      campaign,
      { ...good, status: 7 },
      ["$.status: expected one of 0, 1, 2, -99, got 7"],
    ],
    [
      "unknown string enum value",
      campaign,
      { ...good, owner: "nobody" },
      ['$.owner: expected one of "me", "team", got "nobody"'],
    ],
    [
      "missing required string enum",
      campaign,
      { ...good, owner: undefined },
      ['$.owner: expected required one of "me", "team", got missing'],
    ],
    [
      "missing required numeric enum (a union of literals)",
      campaign,
      { ...good, status: undefined },
      ["$.status: expected required one of 0, 1, 2, -99, got missing"],
    ],
    [
      "missing required nullable enum (zod reports the enum: null is not named, as for a nullable string)",
      z.object({ tier: z.enum(["a", "b"]).nullable() }),
      {},
      ['$.tier: expected required one of "a", "b", got missing'],
    ],
    [
      "enum value of the wrong type",
      campaign,
      { ...good, status: "1" },
      ['$.status: expected one of 0, 1, 2, -99, got "1"'],
    ],
    ["body of the wrong type", campaign, [good], ["$: expected object, got array"]],
    ["empty body", campaign, undefined, ["$: expected required object, got missing"]],
    [
      "nested array item",
      campaign,
      { ...good, sequences: [{ steps: [] }, { steps: "x" }] },
      ["$.sequences[1].steps: expected array, got string"],
    ],
    [
      "string format",
      z.object({ email: z.email() }),
      { email: "nope" },
      ["$.email: expected string (email), got string not in that format"],
    ],
    [
      "date-time format",
      z.object({ at: z.iso.datetime() }),
      { at: "yesterday" },
      ["$.at: expected string (datetime), got string not in that format"],
    ],
    [
      "too short",
      z.object({ name: z.string().min(3) }),
      { name: "ab" },
      ["$.name: expected string of length ≥ 3, got string of length 2"],
    ],
    [
      "too many items",
      z.array(z.number()).max(2),
      [1, 2, 3],
      ["$: expected array of ≤ 2 items, got array of 3 items"],
    ],
    [
      "number bound",
      z.object({ limit: z.number().int().max(100) }),
      { limit: 500 },
      ["$.limit: expected number ≤ 100, got 500"],
    ],
    ["integer expected", z.object({ limit: z.int() }), { limit: 1.5 }, ["$.limit: expected int, got number"]],
    [
      "unknown property of a strict object",
      z.strictObject({ a: z.string() }),
      { a: "x", b: 1 },
      ["$.b: expected no such property, got number"],
    ],
    [
      "union of primitive types",
      z.object({ v: z.union([z.string(), z.number()]) }),
      { v: true },
      ["$.v: expected string | number, got boolean"],
    ],
    [
      "union of objects: the closest branch",
      z.union([
        z.object({ kind: z.literal("a"), a: z.string() }),
        z.object({ kind: z.literal("b"), b: z.number(), c: z.number() }),
      ]),
      { kind: "a", a: 1 },
      ["$.a: expected string, got number"],
    ],
    ["map value", z.record(z.string(), z.number()), { x: 1, y: "2" }, ["$.y: expected number, got string"]],
    [
      "a custom check: its message says what was expected",
      z.object({ code: z.string().refine((value) => value.length === 3, "a three-letter code") }),
      { code: "ab" },
      ["$.code: expected a three-letter code, got string"],
    ],
    [
      "a custom check that says what it expected and found (as @instantly-kit/zod's uniqueItems does)",
      z.array(z.string()).check((payload) => {
        if (payload.value[0] === payload.value[1])
          payload.issues.push({
            code: "custom",
            path: [1],
            input: payload.value[1],
            message: "must NOT have duplicate items (items 0 and 1 are identical)",
            params: { expected: "unique items", got: "a repeat of item 0" },
          });
      }),
      ["a", "a"],
      ["$[1]: expected unique items, got a repeat of item 0"],
    ],
    [
      "property name that is not an identifier",
      z.object({ "first name": z.string() }),
      {},
      ['$["first name"]: expected required string, got missing'],
    ],
  ])("%s", (_, schema, value, want) => {
    expect(violations(schema, value)).toEqual(want);
  });
});

describe("violationsOf: one violation per shape", () => {
  const list = z.object({ items: z.array(campaign) });
  const item = (status: number) => ({ id: "c", name: "n", status, email_gap: null, owner: "me" });

  test("the same mismatch in 100 list items is one violation with a count and the first path", () => {
    const items = Array.from({ length: 100 }, () => ({ ...item(1), name: 5 }));
    expect(violations(list, { items })).toEqual(["$.items[0].name: expected string, got number ×100"]);
  });

  test("different mismatches stay apart, in the order met", () => {
    const items = [item(1), { ...item(1), id: null }, item(9), { ...item(1), id: null }];
    expect(violations(list, { items })).toEqual([
      "$.items[1].id: expected string, got null ×2",
      "$.items[2].status: expected one of 0, 1, 2, -99, got 9",
    ]);
  });
});

describe("the key never appears, and values only as asked", () => {
  test("an echoed key in a property name, an enum value or a sample is redacted", () => {
    const schema = z.strictObject({ owner: z.enum(["me"]), note: z.number() });
    const value = { owner: KEY, note: `Bearer ${KEY}`, [KEY]: 1 };
    const out = violations(schema, value, true);
    expect(out).toHaveLength(3);
    expect(out.join("\n")).not.toContain(KEY);
    expect(out.join("\n")).toContain("[redacted]");
  });

  // Each property name is redacted, but a path joins them with `.` and `"]["`: a key holding those, echoed as
  // nested names (`{"sk":{"live":…}}`), would come back whole in `$.sk.live` unless the path is redacted too.
  // Every way of cutting each key into nested names, at every `.` or `"]["` it holds.
  test.each(["sk_live.PART.two", 'sk-live"]["part-two', 'a.b"]["c-d.e', 'x-1"]["y-1"]["z-9'])(
    "a key echoed as nested property names, cut at its separators: %s",
    (key) => {
      const keyRedact = createRedactor(key);
      const cuts = key.split(/(\.|"\]\[")/);
      const names: string[][] = [];
      const seps = (cuts.length - 1) / 2;
      for (let mask = 0; mask < 2 ** seps; mask++) {
        const parts = [cuts[0] as string];
        for (let i = 0; i < seps; i++) {
          const [sep, next] = [cuts[2 * i + 1] as string, cuts[2 * i + 2] as string];
          if (mask & (2 ** i)) parts.push(next);
          else parts[parts.length - 1] += sep + next;
        }
        names.push(parts);
      }
      for (const parts of names) {
        const nested = (depth: number): z.ZodType =>
          depth === 0 ? z.number() : z.record(z.string(), nested(depth - 1));
        const value = parts.reduceRight<unknown>((inner, name) => ({ [name]: inner }), "not a number");
        const result = (nested(parts.length) as unknown as SchemaLike).safeParse(value);
        if (result.success) throw new Error("expected a mismatch");
        const found = violationsOf(result.error.issues, value, keyRedact, true);
        expect(found).toHaveLength(1);
        const texts = found.flatMap((v) => [v.path, v.expected, v.got, v.sample ?? ""]);
        expect(texts.join("\n"), parts.join(" | ")).not.toContain(key);
      }
    },
  );

  test("without samples no value from the body is on a violation (only an enum's unknown short value)", () => {
    const out = violations(campaign, {
      id: "secret-lead@example.com",
      name: 1,
      status: 1,
      email_gap: null,
      owner: "me",
    });
    expect(out.join("\n")).not.toContain("secret-lead");
  });

  test("a sample is redacted before it is cut: no fragment of the key survives", () => {
    for (let pad = 0; pad < 90; pad++) {
      const sample = sampleOf(`${"x".repeat(pad)}${KEY}`, redact);
      expect([...sample].length).toBeLessThanOrEqual(81);
      for (let cut = 6; cut <= KEY.length; cut++) expect(sample).not.toContain(KEY.slice(0, cut));
    }
  });

  test("a long enum value is shown as its type, not quoted at length", () => {
    const long = "v".repeat(200);
    expect(violations(z.object({ o: z.enum(["a"]) }), { o: long })).toEqual([
      '$.o: expected "a", got string',
    ]);
  });
});

describe("a violation is one line whatever the server's strings hold", () => {
  // JSON.stringify escapes C0 controls but not C1 controls (U+0085 NEL ends a line, U+009B is a terminal's
  // CSI) nor U+2028/U+2029: a map key (the path), an unknown enum value (`got`) or a sample holding them
  // would break the message's lines, the report's, or drive the terminal that prints them.
  const breaks = (line: string) =>
    [...line].some((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
    });
  const breakers = ["\n", "\r", "\u001b[2J", "\u0085", "\u009b31m", "\u2028", "\u2029", "\u0080", "\u009f"];
  test.each(breakers.map((b) => [`U+${(b.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`, b]))(
    "%s in a map key, an enum value and a sample",
    (_, breaker) => {
      const schema = z.object({ owner: z.enum(["me"]), headers: z.record(z.string(), z.string()) });
      const key = `x${breaker}y`;
      const out = violations(schema, { owner: `m${breaker}e`, headers: { [key]: 1 } }, true);
      expect(out).toHaveLength(2);
      expect(out.filter(breaks)).toEqual([]);
      // The escapes are JSON's own: the quoted name still reads back as the key.
      const quoted = /^\$\.headers\[("(?:[^"\\]|\\.)*")\]/.exec(
        out.find((l) => l.startsWith("$.headers")) ?? "",
      );
      expect(JSON.parse(quoted?.[1] ?? "null")).toBe(key);
    },
  );
});
