// Pure `$ref` cycles (a schema that is only itself, through $ref/allOf/anyOf/oneOf) are refused at pull
// time in one line naming the cycle; recursion through a property or array items keeps working in every
// target.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { quoteForMessage } from "../src/errors.ts";
import { buildModel } from "../src/model/index.ts";
import { projectPaths } from "../src/paths.ts";
import { normalize } from "../src/spec/normalize/index.ts";
import { describeRefCycles, findPureRefCycles } from "../src/spec/ref-cycles.ts";
import { clientTarget } from "../src/targets/client/index.ts";
import { mswTarget } from "../src/targets/msw/index.ts";
import { reactQueryTarget } from "../src/targets/react-query/index.ts";
import { typesTarget } from "../src/targets/types/index.ts";
import { fingerprint, removeTempRoots, runCli, tempRoot } from "./cli.ts";
import { stubLock } from "./helpers.ts";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A document whose one operation returns schema A. */
function docWith(schemas: Record<string, unknown>): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: { title: "cycles", version: "1" },
    paths: {
      "/a": {
        get: {
          operationId: "getA",
          responses: { "200": { description: "ok", content: { "application/json": { schema: ref("A") } } } },
        },
      },
    },
    components: { schemas },
  };
}

const object = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: "object",
  properties,
  required,
});

// [name, schemas, the cycle reported (undefined: none)]
const pure: [string, Record<string, unknown>, string][] = [
  ["a schema that is only a $ref to itself", { A: ref("A") }, "A → A"],
  ["A → B → A", { A: ref("B"), B: ref("A") }, "A → B → A"],
  ["a longer ring", { A: ref("B"), B: ref("C"), C: ref("A") }, "A → B → C → A"],
  ["through allOf", { A: { allOf: [ref("B")] }, B: ref("A") }, "A → B → A"],
  [
    "allOf next to an object member",
    { A: { allOf: [ref("A"), object({ x: { type: "string" } })] } },
    "A → A",
  ],
  ["through oneOf", { A: { oneOf: [ref("A"), { type: "string" }] } }, "A → A"],
  ["through anyOf with null (a nullable self)", { A: { anyOf: [ref("A"), { type: "null" }] } }, "A → A"],
  ["nested compositions", { A: { oneOf: [{ allOf: [ref("B")] }] }, B: { anyOf: [ref("A")] } }, "A → B → A"],
  [
    "a cycle not involving the first schema",
    { A: object({ b: ref("B") }), B: ref("C"), C: ref("B") },
    "B → C → B",
  ],
];
// A component key is any string: one with a line break and a terminal escape sequence (clear screen, red).
const HOSTILE = "Evil\nerror: forged\u001b[2J\u001b[31m";
const hostile: [string, Record<string, unknown>, string] = [
  "a schema name with a newline and ESC",
  { A: ref(HOSTILE), [HOSTILE]: ref("A") },
  `A → ${HOSTILE} → A`,
];
pure.push(hostile);
/** C0 and C1 control characters (line breaks, ESC, CSI…) of `text`. */
const controlCharacters = (text: string) =>
  [...text].filter((char) => {
    const code = char.codePointAt(0) as number;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });
const recursive: [string, Record<string, unknown>][] = [
  ["a property referring to its object", { A: object({ next: ref("A") }) }],
  ["a required property referring to its object", { A: object({ next: ref("A") }, ["next"]) }],
  ["array items", { A: { type: "array", items: ref("A") } }],
  ["a tree through an array property", { A: object({ children: { type: "array", items: ref("A") } }) }],
  ["A → B → A through properties", { A: object({ b: ref("B") }), B: object({ a: ref("A") }) }],
  [
    "allOf of an object that recurses through a property",
    { A: { allOf: [ref("B")] }, B: object({ a: ref("A") }) },
  ],
  ["additionalProperties", { A: { type: "object", additionalProperties: ref("A") } }],
  [
    "oneOf whose branches recurse through properties",
    { A: { oneOf: [object({ a: ref("A") }), { type: "string" }] } },
  ],
];

describe("findPureRefCycles", () => {
  it.each(pure)("finds %s", (_name, schemas, cycle) => {
    expect(findPureRefCycles(docWith(schemas)).map((c) => c.join(" → "))).toEqual([cycle]);
  });
  it.each(recursive)("accepts recursion through %s", (_name, schemas) => {
    expect(findPureRefCycles(docWith(schemas))).toEqual([]);
  });
  it("names a hostile schema quoted, in one line without control characters", () => {
    const message = describeRefCycles(findPureRefCycles(docWith(hostile[1]))) as string;
    expect(message).toBe(
      `has a $ref cycle with no property or array items in between: "A" → ${quoteForMessage(HOSTILE)} → "A" (such a schema is only itself: nothing can be generated for it)`,
    );
    expect(message).toContain(String.raw`"Evil\nerror: forged\u001b[2J\u001b[31m"`);
    expect(controlCharacters(message)).toEqual([]);
  });
  it("orders cycles by code points, not the machine's locale", () => {
    // localeCompare puts "a" before "B"; code points put "B" (0x42) first, as every generated file does.
    const cycles = findPureRefCycles(docWith({ a: ref("a"), B: ref("B") }));
    expect(cycles.map((c) => c.join(" → "))).toEqual(["B → B", "a → a"]);
  });
  it("counts every cycle, named from its alphabetically first schema", () => {
    const cycles = findPureRefCycles(docWith({ A: ref("A"), Z: ref("Y"), Y: ref("Z") }));
    expect(cycles.map((c) => c.join(" → "))).toEqual(["A → A", "Y → Z → Y"]);
  });
});

describe("spec:pull refuses a pure cycle in one line, writing nothing", () => {
  afterAll(removeTempRoots);
  it.each([...pure.slice(0, 4), hostile])("%s", async (name, schemas, cycle) => {
    const dir = mkdtempSync(join(tmpdir(), "ik-cycle-"));
    const source = join(dir, "spec.json");
    writeFileSync(source, JSON.stringify(docWith(schemas)));
    const root = await tempRoot([source]);
    const guarded = [join(root, "spec", "openapi.json"), join(root, "spec", "openapi.lock.json")];
    const result = await runCli(root, ["pull"]);
    rmSync(dir, { recursive: true, force: true });
    expect(result.code).not.toBe(0);
    const quoted = cycle
      .split(" → ")
      .map((schema) => quoteForMessage(schema))
      .join(" → ");
    // pull normalizes schema names before looking for cycles, so the hostile one is named after its renamed
    // form there; the message is still exactly one line.
    if (name !== hostile[0])
      expect(result.stderr).toBe(
        `error: ${source} has a $ref cycle with no property or array items in between: ${quoted} (such a schema is only itself: nothing can be generated for it)\n`,
      );
    expect(result.stderr).toMatch(
      /^error: .* has a \$ref cycle .*\(such a schema is only itself: nothing can be generated for it\)\n$/,
    );
    // One line, no control character a terminal would act on, whatever the schema names hold.
    expect(result.stderr.split("\n")).toHaveLength(2);
    expect(controlCharacters(result.stderr)).toEqual(["\n"]);
    expect(Object.values(await fingerprint(guarded))).toEqual(["missing", "missing"]);
    expect(readdirSync(join(root, ".changeset"))).toEqual([]);
  });
});

describe("genuinely recursive schemas still generate in every target", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  it.each(recursive)("%s", async (_name, schemas) => {
    const { document } = normalize(docWith(schemas)); // what generate gets: the normalized spec
    for (const target of [typesTarget, clientTarget, reactQueryTarget, mswTarget]) {
      const outDir = mkdtempSync(join(tmpdir(), `ik-rec-${target.packageDir}-`));
      dirs.push(outDir);
      await target.generate({
        model: buildModel(document),
        lock: stubLock("fixture"),
        outDir,
        paths: projectPaths(),
      });
      expect(readdirSync(outDir).length, target.packageName).toBeGreaterThan(0);
    }
  });
});
