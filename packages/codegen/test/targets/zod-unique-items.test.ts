// A request body's array that the spec makes unique (`uniqueItems: true`) refuses two equal items — equal as JSON
// values, deep, key order irrelevant — as the API and the mock (ADR 0030) do; orval drops the keyword, so this is the
// transform in src/targets/zod/unique-arrays.ts with the zod package's runtime check (packages/zod/src/unique-items.ts).
// Arrays of strings, numbers, anything, objects (closed and open), arrays of arrays, arrays inside array items, in
// unions, nullable, at the root, `uniqueItems: false`. Generated from a hand-written spec, run with zod, each verdict
// held to Ajv's on the spec itself: where they differ, the table says why.
import { beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../seeded-random.ts";
import { ajvBodyVerdicts, bodiesSpec, generatedSchemas, type Schema } from "./zod-run.ts";

type Json = Record<string, unknown>;
const str = { type: "string" };
const num = { type: "number" };
const unique = (items: Json, extra: Json = {}): Json => ({
  type: "array",
  items,
  uniqueItems: true,
  ...extra,
});
const object = (properties: Json, extra: Json = {}): Json => ({ type: "object", properties, ...extra });
const closed = (properties: Json): Json => object(properties, { additionalProperties: false });

/** operationId → its JSON request body schema. */
const BODIES: Record<string, Json> = {
  createScalars: object({
    tags: unique(str),
    numbers: unique(num),
    anything: unique({}),
    bounded: unique(str, { minItems: 1, maxItems: 3 }),
    free: { type: "array", items: str, uniqueItems: false },
    plain: { type: "array", items: str },
    maybe: unique(str, { type: ["array", "null"] }),
  }),
  createObjects: object({
    people: unique(closed({ name: str, age: num, address: closed({ city: str, zip: str }) })),
    // An open item: zod drops its unlisted keys before a check on `zod.array(…)` could see them.
    loose: unique(object({ name: str })),
  }),
  createNested: object({
    // Outer and inner unique; only the inner; only the outer.
    both: unique(unique(num)),
    inner: { type: "array", items: unique(num) },
    outer: unique({ type: "array", items: num }),
    // A unique array inside each item of an array that is not.
    groups: { type: "array", items: closed({ tags: unique(str) }) },
  }),
  createRoot: unique(str, { minItems: 1 }),
  // A body that is an array of objects: orval hoists the item into its own `<Body>Item` declaration.
  createRootItems: unique(object({ tags: unique(str), grid: { type: "array", items: unique(num) } }), {
    maxItems: 5,
  }),
  // `prefixItems`: orval writes `zod.tuple([…])`, and with `items` beside it `zod.tuple([…]).rest(…)`.
  createTuple: object({
    pair: { type: "array", prefixItems: [str, str], uniqueItems: true },
    rest: { type: "array", prefixItems: [str], items: str, uniqueItems: true },
  }),
  // A tuple's places hold different values, each its own place: a unique array at one and a plain one at another;
  // the same object at two places, unique inside at one only; the items after the tuple's, at a place of their own.
  createTuplePlaces: object({
    mixed: { type: "array", prefixItems: [unique({ type: "boolean" }), { type: "array", items: num }] },
    objects: {
      type: "array",
      prefixItems: [object({ tags: unique(str) }), object({ tags: { type: "array", items: str } })],
    },
    after: { type: "array", prefixItems: [{ type: "array", items: str }], items: unique(str) },
  }),
  createUnion: object({ value: { anyOf: [unique(str), str] } }),
  // Two arrays at one place, one unique: which one a value is for is not known before parsing it.
  createAmbiguous: object({ value: { anyOf: [unique(str), { type: "array", items: num }] } }),
  createFromComponent: object({ tags: { $ref: "#/components/schemas/Tags" } }),
  // `allOf`: every part holds, so one unique part makes the array unique (orval writes `X.and(Y)`, or drops a
  // part it has nothing to say for); an `allOf` inside one branch of an `anyOf` does not bind the other branch.
  createAllOf: object({
    split: { allOf: [{ type: "array", items: str }, { uniqueItems: true }] },
    both: { allOf: [unique(str), { type: "array", items: str }] },
    beside: { type: "array", items: str, allOf: [{ uniqueItems: true }] },
    inParts: {
      allOf: [object({ tags: unique(str) }), object({ tags: { type: "array", items: str } })],
    },
    oneBranch: {
      anyOf: [{ allOf: [unique(str), { type: "array", items: str }] }, { type: "array", items: str }],
    },
  }),
  // An `anyOf` beside a node's own keywords: a branch's unique array binds only the values that take that branch.
  createAnyOfBeside: object({
    ownPlain: {
      type: "object",
      properties: { x: { type: "array", items: str } },
      anyOf: [object({ x: unique(str) }), object({})],
    },
  }),
};

// Responses keep orval's lenient schemas (ADR 0032): the same unique array inline.
const spec = bodiesSpec(BODIES, object({ tags: unique(str) }), { Tags: unique(str) });

let schemas: Record<string, Schema>;
let source: string;
beforeAll(async () => {
  ({ schemas, source } = await generatedSchemas(spec));
});

const ajvAccepts = ajvBodyVerdicts(spec);

const person = (name: string, city = "Paris") => ({ name, age: 30, address: { city, zip: "75001" } });
// The same person, every object's keys in another order.
const reordered = { address: { zip: "75001", city: "Paris" }, age: 30, name: "Ann" };

// [operation, what, body, zod accepts?, why zod differs from Ajv (when it does)]
const TABLE: [string, string, unknown, boolean, string?][] = [
  ["createScalars", "distinct strings", { tags: ["a", "b", "c"] }, true],
  ["createScalars", "a repeated string", { tags: ["a", "b", "a"] }, false],
  ["createScalars", "strings that differ only in case", { tags: ["a", "A"] }, true],
  ["createScalars", "an empty array", { tags: [] }, true],
  ["createScalars", "a repeated number", { numbers: [1, 2, 1] }, false],
  ["createScalars", "1 and 1.0 (one number)", { numbers: [1, 1.0] }, false],
  ["createScalars", "0 and -0 (one number)", { numbers: [0, -0] }, false],
  ["createScalars", "a repeated number of an untyped array", { anything: [7, 7] }, false],
  ["createScalars", "1 and '1' (a number and a string)", { anything: [1, "1"] }, true],
  ["createScalars", "true and 1", { anything: [true, 1] }, true],
  ["createScalars", "null twice", { anything: [null, null] }, false],
  ["createScalars", "an object and an array", { anything: [{}, []] }, true],
  [
    "createScalars",
    "equal objects, keys in another order",
    {
      anything: [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
    },
    false,
  ],
  [
    "createScalars",
    "arrays in another order (order matters)",
    {
      anything: [
        [1, 2],
        [2, 1],
      ],
    },
    true,
  ],
  ["createScalars", "equal nested arrays", { anything: [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }] }, false],
  ["createScalars", "a repeat within the bounds", { bounded: ["a", "a"] }, false],
  ["createScalars", "bounds still held: too few", { bounded: [] }, false],
  ["createScalars", "bounds still held: too many", { bounded: ["a", "b", "c", "d"] }, false],
  ["createScalars", "bounds still held: wrong item type", { bounded: [1] }, false],
  ["createScalars", "not an array", { bounded: "a" }, false],
  ["createScalars", "uniqueItems: false takes a repeat", { free: ["a", "a"] }, true],
  ["createScalars", "no uniqueItems takes a repeat", { plain: ["a", "a"] }, true],
  ["createScalars", "a nullable unique array: null", { maybe: null }, true],
  ["createScalars", "a nullable unique array: a repeat", { maybe: ["a", "a"] }, false],
  ["createObjects", "distinct objects", { people: [person("Ann"), person("Bob")] }, true],
  ["createObjects", "a repeated object", { people: [person("Ann"), person("Ann")] }, false],
  [
    "createObjects",
    "the same object with its keys in another order",
    { people: [person("Ann"), reordered] },
    false,
  ],
  [
    "createObjects",
    "objects that differ two levels deep",
    { people: [person("Ann"), person("Ann", "Lyon")] },
    true,
  ],
  ["createObjects", "a repeated open object", { loose: [{ name: "a" }, { name: "a" }] }, false],
  [
    "createObjects",
    "open objects that differ only in a key they do not list",
    {
      loose: [
        { name: "a", x: 1 },
        { name: "a", x: 2 },
      ],
    },
    true,
  ],
  [
    "createObjects",
    "open objects equal in a key they do not list too",
    {
      loose: [
        { name: "a", x: 1 },
        { x: 1, name: "a" },
      ],
    },
    false,
  ],
  [
    "createNested",
    "distinct arrays of distinct numbers",
    {
      both: [
        [1, 2],
        [2, 1],
      ],
    },
    true,
  ],
  [
    "createNested",
    "a repeated inner array",
    {
      both: [
        [1, 2],
        [1, 2],
      ],
    },
    false,
  ],
  ["createNested", "a repeat inside an inner array", { both: [[1, 1]] }, false],
  [
    "createNested",
    "only the inner unique: a repeated inner array",
    {
      inner: [
        [1, 2],
        [1, 2],
      ],
    },
    true,
  ],
  ["createNested", "only the inner unique: a repeat inside", { inner: [[3], [1, 1]] }, false],
  ["createNested", "only the outer unique: a repeat inside", { outer: [[1, 1]] }, true],
  ["createNested", "only the outer unique: a repeated inner array", { outer: [[1], [1]] }, false],
  ["createNested", "inside an array's items: distinct", { groups: [{ tags: ["a"] }, { tags: ["a"] }] }, true],
  [
    "createNested",
    "inside an array's items: a repeat",
    { groups: [{ tags: ["a"] }, { tags: ["b", "b"] }] },
    false,
  ],
  ["createRoot", "a body that is a unique array", ["a", "b"], true],
  ["createRoot", "a body that is a unique array, with a repeat", ["a", "b", "b"], false],
  ["createRoot", "a body that is a unique array, empty (minItems)", [], false],
  ["createRootItems", "a body that is a unique array of objects", [{ tags: ["a"] }, { tags: ["b"] }], true],
  [
    "createRootItems",
    "a repeated item of a body that is a unique array",
    [{ tags: ["a"] }, { tags: ["a"] }],
    false,
  ],
  ["createRootItems", "a repeat in an item of a body that is an array", [{ tags: ["a", "a"] }], false],
  [
    "createRootItems",
    "a repeat two arrays deep in an item of a body that is an array",
    [{ grid: [[1, 1]] }],
    false,
  ],
  [
    "createRootItems",
    "bounds still held",
    [{}, { tags: [] }, { grid: [] }, { tags: ["a"] }, { tags: ["b"] }, { tags: ["c"] }],
    false,
  ],
  ["createTuple", "a tuple of distinct items", { pair: ["a", "b"], rest: ["a", "b", "c"] }, true],
  ["createTuple", "a tuple with a repeat", { pair: ["a", "a"] }, false],
  ["createTuple", "a tuple with a repeat in its rest", { rest: ["a", "b", "a"] }, false],
  ["createTuple", "a tuple: item types still held", { pair: ["a", 1] }, false],
  ["createTuplePlaces", "a repeat in a tuple's unique place", { mixed: [[false, false], [1]] }, false],
  ["createTuplePlaces", "a repeat in a tuple's plain place", { mixed: [[true], [1, 1]] }, true],
  [
    "createTuplePlaces",
    "a repeat in an object at a tuple's unique place",
    { objects: [{ tags: ["a", "a"] }, {}] },
    false,
  ],
  [
    "createTuplePlaces",
    "a repeat in an object at a tuple's plain place",
    { objects: [{}, { tags: ["a", "a"] }] },
    true,
  ],
  ["createTuplePlaces", "a repeat in a unique item after a tuple's", { after: [["a"], ["b", "b"]] }, false],
  [
    "createTuplePlaces",
    "a repeat in a tuple's plain place before unique items",
    { after: [["a", "a"], ["b"]] },
    true,
  ],
  [
    "createAllOf",
    "allOf: distinct items",
    { split: ["a", "b"], both: ["a"], beside: ["a"], inParts: { tags: ["a"] } },
    true,
  ],
  ["createAllOf", "allOf of an array and a bare uniqueItems: a repeat", { split: ["a", "a"] }, false],
  ["createAllOf", "allOf of a unique array and a plain one: a repeat", { both: ["a", "a"] }, false],
  [
    "createAllOf",
    "an array with uniqueItems in an allOf beside it: a repeat",
    { beside: ["a", "a"] },
    true,
    "orval writes zod.unknown() for an array with an allOf beside it: no array call to check (orval's leniency, not the transform's)",
  ],
  [
    "createAllOf",
    "allOf of objects, one with a unique property: a repeat",
    { inParts: { tags: ["a", "a"] } },
    false,
  ],
  ["createAllOf", "an allOf in one anyOf branch, the other plain: a repeat", { oneBranch: ["a", "a"] }, true],
  [
    "createAnyOfBeside",
    "a plain property, unique in one anyOf branch only: a repeat",
    { ownPlain: { x: ["a", "a"] } },
    true,
  ],
  ["createUnion", "the unique array branch", { value: ["a", "b"] }, true],
  ["createUnion", "the unique array branch with a repeat", { value: ["a", "a"] }, false],
  ["createUnion", "the other branch", { value: "a" }, true],
  ["createAmbiguous", "the number branch with a repeat", { value: [1, 1] }, true],
  [
    "createAmbiguous",
    "the string branch with a repeat",
    { value: ["a", "a"] },
    true,
    "two arrays at one place, one unique: the match leaves both as orval wrote them — the looser verdict, never a body refused that the spec allows",
  ],
  [
    "createFromComponent",
    "a repeat in a body's array that is a component",
    { tags: ["a", "a"] },
    true,
    "component schemas stay as orval writes them: responses share them (ADR 0032)",
  ],
];

describe("request bodies: an array the spec makes unique refuses two equal items", () => {
  it.each(TABLE)("%s, %s", (id, _, body, accepts, differs) => {
    const schema = schemas[`${id}Body`];
    expect(schema, `${id}Body is generated`).toBeDefined();
    expect(schema?.safeParse(body).success).toBe(accepts);
    expect(ajvAccepts(id, body) === accepts, differs ?? "zod and Ajv agree").toBe(differs === undefined);
  });

  it("names the first repeat, where the mock does, in Ajv's words", () => {
    const issues = schemas.createScalarsBody?.safeParse({ tags: ["a", "b", "a", "b"] }).error?.issues;
    expect(issues).toEqual([
      expect.objectContaining({
        code: "custom",
        path: ["tags", 2],
        message: "must NOT have duplicate items (items 0 and 2 are identical)",
        params: { expected: "unique items", got: "a repeat of item 0" },
      }),
    ]);
  });

  it("a value JSON cannot print (a cycle) is left to the array schema: an error, not a throw", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(schemas.createScalarsBody?.safeParse({ anything: [cycle, cycle] }).success).toBe(true);
    expect(schemas.createScalarsBody?.safeParse({ tags: [cycle] }).success).toBe(false);
  });

  it("responses stay lenient: the same unique array in a response takes a repeat", () => {
    expect(schemas.createScalarsResponse?.safeParse({ tags: ["a", "a"] }).success).toBe(true);
    expect(schemas.TagsSchema?.safeParse(["a", "a"]).success).toBe(true);
  });

  it("the generated file imports the check once; without a unique body array it does not", async () => {
    expect(source.match(/^import .* from "\.\.\/unique-items\.js";$/gm)).toHaveLength(1);
    const plain = {
      ...spec,
      paths: {
        "/api/v2/createPlain": {
          post: {
            operationId: "createPlain",
            requestBody: {
              content: { "application/json": { schema: object({ plain: BODIES.createScalars }) } },
            },
            responses: { "204": { description: "no content" } },
          },
        },
      },
      components: {},
    };
    // A unique array in a body makes the import; the same spec with the keyword false does not.
    expect((await generatedSchemas(plain)).source).toContain("unique-items.js");
    const off = JSON.parse(JSON.stringify(plain).replaceAll('"uniqueItems":true', '"uniqueItems":false'));
    const { source: without, schemas: offSchemas } = await generatedSchemas(off);
    expect(without).not.toContain("unique-items");
    expect(offSchemas.createPlainBody?.safeParse({ plain: { tags: ["a", "a"] } }).success).toBe(true);
  });
});

// The table's cases, at random: body schemas with `uniqueItems` (arrays of scalars, objects, arrays; inside objects
// and arrays; in `allOf`/`anyOf`; tuples; at the root) and values made from them (repeats, the same object with its
// keys in another order, 1 and 1.0, 0 and -0, null, undefined), each verdict held to Ajv's as the table's are.
// Seeded: one fixed seed by default, so that a run of the suite is repeatable and a red CI is the code's doing, not
// the draw's; `ZOD_UNIQUE_ITEMS_SEED=<seed>` runs another (a failure names its seed), `=random` a fresh one.
//
// Left out: where zod and Ajv are known to differ (four of the first five found by this test; the fifth, tuples
// whose places differ in what they hold, was the looser verdict and is mended: body-places.ts keys each tuple place
// by its position, the table's createTuplePlaces rows hold it, and the draw gives each place a schema of its own):
// - `undefined` in an array, or under a required property: not JSON. The check compares items as they are sent
//   (`[undefined, null]` is `[null, null]`, `{ a: undefined }` is `{}`); Ajv compares the values themselves, and
//   counts a required key holding `undefined` as absent where zod's `zod.unknown()` takes it.
// - a tuple shorter than its `prefixItems`, or longer without `items`: Ajv takes it, orval's `zod.tuple` does not.
// - `prefixItems` with `items` of a scalar type beside other prefix types: Ajv's fast path compares only the items of
//   `items`' type (`[[], []]` passes), though each is an item; zod refuses the repeat, as the spec says.
// - `prefixItems` with an object `items`: orval 8.38 writes `.rest(zodzod.object(…))`, a file that does not load;
//   `generate zod` now refuses such a spec in one line, naming the schema (zod-free-names.test.ts), so the draw
//   cannot have one (its 150 cases are one spec).
// - the shapes the table notes: an array with an `allOf` beside it, two arrays at one place, component schemas.
describe("request bodies: random unique arrays, each verdict Ajv's", () => {
  const CASES = 150;
  const VALUES_PER_CASE = 4;
  const envSeed = process.env.ZOD_UNIQUE_ITEMS_SEED;
  const seed =
    envSeed === undefined
      ? 20261127
      : envSeed === "random"
        ? Math.floor(Math.random() * 2 ** 32)
        : Number(envSeed);
  if (!Number.isInteger(seed)) throw new Error(`ZOD_UNIQUE_ITEMS_SEED must be an integer, got ${envSeed}`);

  const random = seededRandom(seed);
  const below = (n: number) => Math.floor(random() * n);
  const chance = (p: number) => random() < p;
  const pick = <T>(list: readonly T[]): T => list[below(list.length)] as T;
  const shuffled = <T>(list: readonly T[]): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = below(i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };

  const SCALARS: Json[] = [
    str,
    num,
    { type: "integer" },
    { type: "boolean" },
    {},
    { type: ["string", "null"] },
  ];
  const uniqueness = (): Json =>
    pick([{ uniqueItems: true }, { uniqueItems: true }, { uniqueItems: false }, {}]);
  const plainArray = (items: Json): Json => ({ type: "array", items });

  /** A schema `depth` levels into the body: scalars only at the bottom. */
  function schemaAt(depth: number): Json {
    if (depth >= 3 || chance(0.3)) return pick(SCALARS);
    switch (below(6)) {
      case 0:
      case 1:
        return { ...plainArray(schemaAt(depth + 1)), ...uniqueness() };
      case 2: {
        // A tuple: a schema of its own at each place; after them no items, or scalar ones (of a type: the places'
        // too, see above).
        const rest = chance(0.5) ? pick(SCALARS) : undefined;
        const length = 1 + below(3);
        const prefixItems =
          rest?.type === undefined
            ? Array.from({ length }, () => schemaAt(depth + 1))
            : Array(length).fill(rest);
        return { type: "array", prefixItems, ...(rest ? { items: rest } : {}), ...uniqueness() };
      }
      case 3:
        return objectAt(depth);
      case 4: {
        // `allOf` around an array: a bare `uniqueItems` part, or a unique and a plain part of one array.
        const items = schemaAt(depth + 1);
        return pick([
          { allOf: [plainArray(items), { uniqueItems: true }] },
          { allOf: [unique(items), plainArray(items)] },
        ]);
      }
      default: {
        // `anyOf` of an array and a scalar; or an `allOf` in one branch and a plain array in the other.
        const items = schemaAt(depth + 1);
        return pick([
          { anyOf: [{ ...plainArray(items), ...uniqueness() }, pick(SCALARS)] },
          { anyOf: [{ allOf: [unique(items), plainArray(items)] }, plainArray(items)] },
        ]);
      }
    }
  }

  function objectAt(depth: number): Json {
    const names = ["a", "b", "c"].slice(0, 1 + below(3));
    const properties = Object.fromEntries(names.map((name) => [name, schemaAt(depth + 1)]));
    return object(properties, chance(0.3) ? { required: [pick(names)] } : {});
  }

  const SCALAR_VALUES: unknown[] = [1, 1.0, 2, 0, -0, 1.5, "1", "a", "A", true, false, null];
  const ANYTHING: (() => unknown)[] = [
    () => pick(SCALAR_VALUES),
    () => pick(SCALAR_VALUES),
    () => ({}),
    () => [],
    // Its array under a key no generated object lists: where a tuple is, an array could be too short (see above).
    () => ({ a: 1, k: [1, 2] }),
    () => ({ k: [1, 2], a: 1 }),
    () => [1, 2],
    () => [2, 1],
    () => ({ a: null }),
  ];

  /** `value` again, every object's keys in another order: equal as JSON values. */
  function reordered(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(reordered);
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(shuffled(Object.entries(value)).map(([key, item]) => [key, reordered(item)]));
  }

  /**
   * A value for `schema`, mostly of its shape (so that repeats decide), sometimes not; `inArray`: it is (inside)
   * an array's item, where `undefined` is left out (see above).
   */
  function valueFor(schema: Json, depth: number, inArray: boolean): unknown {
    const tuple = Array.isArray(schema.prefixItems) ? (schema.prefixItems as Json[]) : undefined;
    // Now and then a value of another kind; never an array for a tuple, which could be too short (see above).
    if (chance(0.04) || depth > 6) return tuple ? pick(SCALAR_VALUES) : pick(ANYTHING)();
    if (Array.isArray(schema.anyOf)) return valueFor(pick(schema.anyOf as Json[]), depth, inArray);
    if (Array.isArray(schema.allOf))
      return valueFor(Object.assign({}, ...(schema.allOf as Json[])), depth, inArray);
    if (schema.type === "array") {
      const items = schema.items as Json | undefined;
      const value = tuple
        ? [
            ...tuple.map((item) => valueFor(item, depth + 1, true)),
            ...(items ? Array.from({ length: below(3) }, () => valueFor(items, depth + 1, true)) : []),
          ]
        : Array.from({ length: below(4) }, () => valueFor(items ?? {}, depth + 1, true));
      // A repeat (its objects' keys in another order): over an item of a tuple without more items, else after.
      if (value.length > 0 && chance(0.5)) {
        const copy = reordered(value[below(value.length)]);
        if (tuple && !items) value[below(value.length)] = copy;
        else value.push(copy);
      }
      return value;
    }
    if (schema.type === "object") {
      const properties = (schema.properties ?? {}) as Record<string, Json>;
      const required = (schema.required ?? []) as string[];
      const entries = Object.entries(properties)
        .filter(() => chance(0.8))
        .map(([name, child]): [string, unknown] => [
          name,
          !inArray && !required.includes(name) && chance(0.1)
            ? undefined
            : valueFor(child, depth + 1, inArray),
        ]);
      // A key the object does not list (it is open).
      if (chance(0.15)) entries.push(["x", pick(ANYTHING)()]);
      return Object.fromEntries(shuffled(entries));
    }
    switch (schema.type) {
      case "string":
        return pick(["a", "b", "A"]);
      case "number":
        return pick([1, 1.0, 2, 0, -0, 1.5]);
      case "integer":
        return pick([1, 1.0, 2, 0]);
      case "boolean":
        return pick([true, false]);
      default:
        return Array.isArray(schema.type) ? pick([null, "a", "b"]) : pick(ANYTHING)();
    }
  }

  // Every case's body in ONE spec: the zod target is generated (and its output compiled) once.
  const bodies: Record<string, Json> = {};
  for (let index = 0; index < CASES; index++)
    bodies[`createCase${index}`] = chance(0.25)
      ? { ...plainArray(schemaAt(1)), ...uniqueness() }
      : objectAt(0);
  const values = Object.fromEntries(
    Object.entries(bodies).map(([id, body]) => [
      id,
      Array.from({ length: VALUES_PER_CASE }, () => valueFor(body, 0, false)),
    ]),
  );
  const fuzzSpec = bodiesSpec(bodies, object({}));
  let fuzzSchemas: Record<string, Schema>;
  beforeAll(async () => {
    ({ schemas: fuzzSchemas } = await generatedSchemas(fuzzSpec));
  });

  /** A value as a failure prints it: `undefined` shown, where JSON would drop it. */
  const shown = (value: unknown) =>
    JSON.stringify(value, (_key, item: unknown) => (item === undefined ? "<undefined>" : item));

  it(`zod and Ajv agree on ${CASES * VALUES_PER_CASE} random bodies (seed ${seed})`, () => {
    const fuzzAjv = ajvBodyVerdicts(fuzzSpec);
    const disagreements: string[] = [];
    for (const [id, list] of Object.entries(values)) {
      const schema = fuzzSchemas[`${id}Body`];
      expect(schema, `${id}Body is generated`).toBeDefined();
      for (const value of list) {
        const zodAccepts = schema?.safeParse(value).success;
        const ajvAccepts = fuzzAjv(id, value);
        if (zodAccepts !== ajvAccepts)
          disagreements.push(
            `${id}: zod ${zodAccepts ? "accepts" : "refuses"}, Ajv ${ajvAccepts ? "accepts" : "refuses"} ${shown(value)} for ${JSON.stringify(bodies[id])}`,
          );
      }
    }
    expect(disagreements.join("\n"), `ZOD_UNIQUE_ITEMS_SEED=${seed} runs this again`).toBe("");
  });
});
