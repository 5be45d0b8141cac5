// A request body's objects that the spec closes (`additionalProperties: false`) refuse a property they do not list,
// as the API and the mock (ADR 0030) do; objects the spec leaves open, and response schemas, accept it (ADR 0032).
// orval's own output ignores `additionalProperties: false`, so this is the transform in
// src/targets/zod/closed-bodies.ts (and the `zod.unknown().and(X)` → X simplification, without which a closed X
// inside it accepts any key). Generated from a hand-written spec, run with zod, and each verdict held to Ajv's on
// the spec itself: where they differ, the table says why.
import { beforeAll, describe, expect, it } from "vitest";
import { ajvBodyVerdicts, bodiesSpec, generatedSchemas, type Schema } from "./zod-run.ts";

type Json = Record<string, unknown>;
const closed = (properties: Json, extra: Json = {}): Json => ({
  type: "object",
  properties,
  additionalProperties: false,
  ...extra,
});
const open = (properties: Json): Json => ({ type: "object", properties });
const str = { type: "string" };

/** operationId → its JSON request body schema. */
const BODIES: Record<string, Json> = {
  createClosed: closed(
    {
      name: str,
      people: { type: "array", items: closed({ email: str }, { required: ["email"] }) },
      meta: open({ note: str }),
      nested: closed({ inner: closed({ deep: str }) }),
    },
    { required: ["name"] },
  ),
  createOpen: open({ name: str, inner: closed({ x: str }) }),
  createUnion: { anyOf: [closed({ a: str }, { required: ["a"] }), open({ b: str })] },
  // orval writes the `allOf` part it cannot say (`if`/`then`) as `zod.unknown().and(…)`.
  createConditional: closed(
    { kind: { type: "number" }, text: str },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `then`, a plain object nobody awaits.
    { allOf: [{ if: { properties: { kind: { const: 0 } }, required: ["kind"] }, then: {} }] },
  ),
  createFromComponent: { $ref: "#/components/schemas/Thing" },
  // Keys a closed object takes beyond `properties`: those its `patternProperties` match.
  createPatterned: closed({ name: str }, { patternProperties: { "^x-": str } }),
  // Closed objects with no properties (orval writes `zod.object({})`), at the root and inside.
  createEmpty: { type: "object", additionalProperties: false },
  createNestedEmpty: closed({ settings: { type: "object", properties: {}, additionalProperties: false } }),
  // `unevaluatedProperties: false` with no applicator beside it closes the object as `additionalProperties` does.
  createUnevaluated: { type: "object", properties: { name: str }, unevaluatedProperties: false },
  // Shapes that held: arrays of arrays, a record of closed objects, names that need quoting, a nullable object.
  createShapes: closed({
    grid: { type: "array", items: { type: "array", items: closed({ x: str }) } },
    byKey: { type: "object", additionalProperties: closed({ x: str }) },
    "a-b": closed({ x: str }),
    constructor: closed({ x: str }),
    ü: closed({ x: str }),
    maybe: { type: ["object", "null"], properties: { x: str }, additionalProperties: false },
  }),
  // A closed part of an `allOf` with an open one: zod's intersection reports a key only both sides refuse.
  createAllOfMixed: { allOf: [closed({ a: str }), open({ b: str })] },
  // Every part of an `allOf` holds: a closed part closes the object an open part with the same names describes.
  createAllOfSame: { allOf: [closed({ a: str }), open({ a: str })] },
  // … but not inside one branch of an `anyOf` whose other branch is open.
  createAllOfInBranch: { anyOf: [{ allOf: [closed({ a: str }), open({ a: str })] }, open({ a: str })] },
  // A body that is an array of objects: orval hoists the item into its own `<Body>Item` declaration.
  createRootItems: { type: "array", items: closed({ email: str, inner: closed({ x: str }) }), maxItems: 5 },
  // A tuple's places hold different values, each its own place: a closed object at one, an open one with the same
  // names at the other (objects after a tuple's items: orval cannot write them, see zod-free-names.test.ts).
  createTuplePlaces: open({ pair: { type: "array", prefixItems: [closed({ x: str }), open({ x: str })] } }),
};

const spec = bodiesSpec(BODIES, { $ref: "#/components/schemas/Thing" }, { Thing: closed({ id: str }) });

let schemas: Record<string, Schema>;
beforeAll(async () => {
  ({ schemas } = await generatedSchemas(spec));
});

const ajvAccepts = ajvBodyVerdicts(spec);

const LOOSER =
  "zod.strictObject cannot take the keys a pattern matches, so the object stays open: the looser verdict, never a body refused that the spec allows";
const SHAPES: Record<string, unknown> = {
  grid: [[{ x: "a" }]],
  byKey: { k: { x: "a" } },
  "a-b": { x: "a" },
  constructor: { x: "a" },
  ü: { x: "a" },
  maybe: { x: "a" },
};
/** The innermost object of a shape above, given an unlisted property. */
function withUnlisted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withUnlisted);
  const object = value as Record<string, unknown>;
  return "x" in object ? { ...object, unlisted: 1 } : { k: withUnlisted(object.k) };
}

// [operation, what, body, zod accepts?, why zod differs from Ajv (when it does)]
const TABLE: [string, string, unknown, boolean, string?][] = [
  ["createClosed", "the body as listed", { name: "n", people: [{ email: "e" }] }, true],
  ["createClosed", "an unlisted property at the root", { name: "n", colour: "red" }, false],
  [
    "createClosed",
    "an unlisted property in an array item",
    { name: "n", people: [{ email: "e", x: 1 }] },
    false,
  ],
  [
    "createClosed",
    "an unlisted property two objects deep",
    { name: "n", nested: { inner: { deep: "d", x: 1 } } },
    false,
  ],
  [
    "createClosed",
    "an unlisted property in an open object inside",
    { name: "n", meta: { note: "a", x: 1 } },
    true,
  ],
  ["createOpen", "an unlisted property at the (open) root", { name: "n", colour: "red" }, true],
  [
    "createOpen",
    "an unlisted property in a closed object inside",
    { name: "n", inner: { x: "a", y: 1 } },
    false,
  ],
  ["createUnion", "the closed branch", { a: "a" }, true],
  ["createUnion", "the closed branch's keys and another (the open branch takes it)", { a: "a", c: 1 }, true],
  ["createConditional", "the body as listed", { kind: 1, text: "t" }, true],
  ["createConditional", "an unlisted property beside an `allOf`", { kind: 1, text: "t", x: 1 }, false],
  [
    "createFromComponent",
    "an unlisted property in a body that is a component",
    { id: "i", x: 1 },
    true,
    "component schemas stay open: responses share them, and a field the API added is not drift (ADR 0032)",
  ],
  ["createPatterned", "a key the closed object's patternProperties match", { name: "n", "x-tag": "t" }, true],
  ["createPatterned", "a key no pattern matches", { name: "n", colour: "red" }, true, LOOSER],
  ["createEmpty", "an empty body", {}, true],
  ["createEmpty", "any property at all", { colour: "red" }, false],
  ["createNestedEmpty", "an empty object inside", { settings: {} }, true],
  [
    "createNestedEmpty",
    "a property in an empty closed object inside",
    { settings: { colour: "red" } },
    false,
  ],
  ["createUnevaluated", "the body as listed", { name: "n" }, true],
  ["createUnevaluated", "an unlisted property (unevaluatedProperties)", { name: "n", colour: "red" }, false],
  ["createShapes", "every shape as listed", SHAPES, true],
  ...Object.keys(SHAPES).map((at): [string, string, unknown, boolean] => [
    "createShapes",
    `an unlisted property inside ${at}`,
    { ...SHAPES, [at]: withUnlisted(SHAPES[at]) },
    false,
  ]),
  ["createAllOfMixed", "the closed part's key", { a: "a" }, true],
  [
    "createAllOfMixed",
    "an unlisted property beside an allOf of a closed and an open part",
    { a: "a", colour: "red" },
    true,
    "zod 4's intersection refuses a key only when both sides do; the looser verdict, never a body refused that the spec allows",
  ],
  ["createAllOfSame", "allOf of a closed and an open part, same names: as listed", { a: "a" }, true],
  [
    "createAllOfSame",
    "allOf of a closed and an open part, same names: an unlisted property",
    { a: "a", b: 1 },
    false,
  ],
  [
    "createAllOfInBranch",
    "an allOf in one anyOf branch, the other open: an unlisted property",
    { a: "a", b: 1 },
    true,
  ],
  ["createRootItems", "a body that is an array of closed objects, as listed", [{ email: "e" }], true],
  [
    "createRootItems",
    "an unlisted property in an item of a body that is an array",
    [{ email: "e", x: 1 }],
    false,
  ],
  [
    "createRootItems",
    "an unlisted property inside an item of a body that is an array",
    [{ email: "e", inner: { x: "a", y: 1 } }],
    false,
  ],
  ["createTuplePlaces", "a tuple's objects as listed", { pair: [{ x: "a" }, { x: "b" }] }, true],
  [
    "createTuplePlaces",
    "an unlisted property at a tuple's closed place",
    { pair: [{ x: "a", y: 1 }, {}] },
    false,
  ],
  [
    "createTuplePlaces",
    "an unlisted property at a tuple's open place",
    { pair: [{}, { x: "b", y: 1 }] },
    true,
  ],
];

describe("request bodies: an object the spec closes refuses an unlisted property", () => {
  it.each(TABLE)("%s, %s", (id, _, body, accepts, differs) => {
    const schema = schemas[`${id}Body`];
    expect(schema, `${id}Body is generated`).toBeDefined();
    expect(schema?.safeParse(body).success).toBe(accepts);
    expect(ajvAccepts(id, body) === accepts, differs ?? "zod and Ajv agree").toBe(differs === undefined);
  });

  it("responses stay open: the same component accepts a field the API added", () => {
    expect(schemas.createClosedResponse?.safeParse({ id: "i", added_later: 1 }).success).toBe(true);
  });
});
