// A create or patch stores the caller's properties over the mock item (or the stored item), except each one the
// item schema refuses, which keeps its value there (mock-api.ts, fitting.ts). Which property a violation is about
// is its first path segment: the property names here hold the characters a JSON path uses (`.`, `[`, `]`, `"`),
// spaces and other scripts, next to plain names and names one of them is a prefix of (`a` beside `a.b`).
import { describe, expect, it } from "vitest";
import { fitting } from "../src/fitting.js";
import { RequestValidator, type SchemaNode } from "../src/validate.js";

const NAMES = [
  "plain",
  "a",
  "a.b",
  "a[0]",
  "a]",
  "[",
  'say "hi"',
  '"]["',
  "\\",
  "first name",
  " ",
  "名前",
  "émoji 🎉",
  "line\nbreak",
  "\u2028",
  "\ud800",
] as const;

/** Every name a string of at most 5 characters; `a` also an object whose `b` is a string. */
const schema: SchemaNode = {
  type: "object",
  properties: Object.fromEntries(
    NAMES.map((name) => [
      name,
      name === "a"
        ? { type: "object", properties: { b: { type: "string", maxLength: 5 } } }
        : { type: "string", maxLength: 5 },
    ]),
  ),
  additionalProperties: false,
};
const validator = new RequestValidator({});
const good = (name: string) => (name === "a" ? { b: "new" } : "new");
const stored = (name: string) => (name === "a" ? { b: "old" } : "old");
/** Too long at the property itself, or (for `a`) one level inside it. */
const bad = (name: string) => (name === "a" ? { b: "much too long" } : "much too long");

describe("fitting: the property a violation is about keeps its stored value, the others are stored", () => {
  it.each(NAMES.map((name) => [JSON.stringify(name), name] as const))("%s refused", (_, refused) => {
    const base = Object.fromEntries(NAMES.map((name) => [name, stored(name)]));
    const known = Object.fromEntries(NAMES.map((name) => [name, name === refused ? bad(name) : good(name)]));
    const fitted = fitting(validator, schema, base, { ...base, ...known }, known);
    expect(fitted).toEqual(
      Object.fromEntries(NAMES.map((name) => [name, name === refused ? stored(name) : good(name)])),
    );
    expect(validator.violations(schema, fitted, "")).toEqual([]);
  });

  it.each(NAMES.map((name) => [JSON.stringify(name), name] as const))(
    "%s refused and not in the stored item: left out",
    (_, refused) => {
      const base = Object.fromEntries(
        NAMES.filter((name) => name !== refused).map((name) => [name, stored(name)]),
      );
      const other = refused === "plain" ? "a.b" : "plain";
      const known = { [refused]: bad(refused), [other]: "new" };
      const fitted = fitting(validator, schema, base, { ...base, ...known }, known);
      expect(Object.hasOwn(fitted, refused)).toBe(false);
      expect(fitted[other]).toBe("new");
    },
  );

  it("every name refused at once: all keep their stored values, past the validator's 10 violations", () => {
    const base = Object.fromEntries(NAMES.map((name) => [name, stored(name)]));
    const known = Object.fromEntries(NAMES.map((name) => [name, bad(name)]));
    expect(fitting(validator, schema, base, { ...base, ...known }, known)).toEqual(base);
  });

  it("a violation carries its path as segments, and as text for messages", () => {
    const violations = validator.violations(schema, { 'say "hi"': "much too long", a: { b: 5 } }, "body");
    expect(violations.map(({ path, segments }) => ({ path, segments }))).toEqual([
      { path: 'body["say \\"hi\\""]', segments: ['say "hi"'] },
      { path: "body.a.b", segments: ["a", "b"] },
    ]);
  });
});
