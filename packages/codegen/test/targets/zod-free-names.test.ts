// orval's zod output may use a name that nothing binds: orval 8.38 writes `.rest(zodzod.object(…))` for a tuple
// whose `items` is an object. The file parses, so `generate zod` used to write it, and the zod package's build
// failed later. Now generate refuses it in one line naming the name and its schema, and writes nothing
// (src/targets/zod/free-names.ts, postprocess.ts). The check itself on small sources, then the real cases: the
// target called directly, and `generate zod` as a user runs it.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { CliError } from "../../src/errors.ts";
import { buildModel } from "../../src/model/index.ts";
import { firstFreeName } from "../../src/targets/zod/free-names.ts";
import { generateZodSchemas } from "../../src/targets/zod/index.ts";
import { leftovers, trees } from "../generated-trees.ts";
import { fixture } from "../helpers.ts";
import { createWorkspace, type Workspace } from "../hostile-pipeline/workspace.ts";
import { bodiesSpec } from "./zod-run.ts";

const free = (text: string) => {
  const found = firstFreeName(ts.createSourceFile("schemas.ts", text, ts.ScriptTarget.Latest, true));
  return found && [found.name, found.statement.getText().split(" =")[0]];
};

describe("firstFreeName", () => {
  it.each([
    // orval's shapes: the namespace import, schemas using each other before and after their declaration.
    [
      "import * as zod from 'zod';\nexport const A = zod.object({ b: B.optional() });\nexport const B = zod.string();",
      undefined,
    ],
    [
      "import * as zod from 'zod';\nexport const A = zod.tuple([zod.string()]).rest(zodzod.object({}));",
      ["zodzod", "export const A"],
    ],
    [
      "import * as zod from 'zod';\nexport const A = zod.string();\nexport const B = zod.array(missing);",
      ["missing", "export const B"],
    ],
    ["import { z as zod } from 'zod';\nexport const A = z.string();", ["z", "export const A"]],
    // ECMAScript's globals, and names that are no references: property names, keys, parameters.
    [
      "import * as zod from 'zod';\nexport const P = new RegExp('^a$');\nexport const A = zod.number().max(Infinity).default(undefined);",
      undefined,
    ],
    [
      "import * as zod from 'zod';\nexport const A = zod.object({ zodzod: zod.string(), 'x': zod.zodzod });",
      undefined,
    ],
    [
      "import * as zod from 'zod';\nexport const A = zod.string().refine((value) => value.length > 0);",
      undefined,
    ],
    // A host's global is not ECMAScript's: the zod package runs in browsers and Node alike.
    [
      "import * as zod from 'zod';\nexport const A = zod.string().default(process.env.X);",
      ["process", "export const A"],
    ],
    // Types are erased: orval's companion types are dropped anyway.
    [
      "import * as zod from 'zod';\nexport const A = zod.string();\nexport type A = zod.input<typeof Nowhere>;",
      undefined,
    ],
  ])("%s → %j", (text, want) => {
    expect(free(text)).toEqual(want);
  });
});

const str = { type: "string" };
const objectItems = { type: "object", properties: { a: str } };
/** A tuple whose rest items are objects, as a body property and as a component. */
const TUPLE_SPEC = bodiesSpec(
  {
    createTuple: {
      type: "object",
      properties: { pair: { type: "array", prefixItems: [str], items: objectItems } },
    },
  },
  { type: "object", properties: {} },
);
const COMPONENT_SPEC = bodiesSpec(
  { createThing: { $ref: "#/components/schemas/Thing" } },
  { type: "object", properties: {} },
  { Thing: { type: "array", prefixItems: [str, str], items: objectItems } },
);
const BODY_MESSAGE =
  'zod: orval wrote "zodzod", which the file neither declares nor imports, in createTupleBody (operation "createTuple"); the zod package would not build';

describe("the zod target refuses a name nothing binds", () => {
  it.each([
    [TUPLE_SPEC, BODY_MESSAGE],
    [
      COMPONENT_SPEC,
      'zod: orval wrote "zodzod", which the file neither declares nor imports, in ThingSchema (component "Thing"); the zod package would not build',
    ],
  ])("in one line, a CliError, writing nothing (%#)", async (spec, message) => {
    const dir = await mkdtemp(join(tmpdir(), "ik-zod-free-"));
    try {
      const error = await generateZodSchemas(buildModel(structuredClone(spec)), dir).catch(
        (caught) => caught,
      );
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).message).toBe(message);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("generate zod", () => {
  let workspace: Workspace;
  afterAll(() => workspace?.remove());

  it("exits 1 with the one line, and the zod package keeps what it had", async () => {
    workspace = createWorkspace("ik-zod-free-");
    const pull = async (spec: object) => {
      const file = workspace.writeFile("spec-source.json", JSON.stringify(spec));
      const result = await workspace.cli(["pull", "--source", file]);
      expect(result.code, result.stderr).toBe(0);
    };
    await pull(fixture("cursor-pagination.json"));
    const good = await workspace.cli(["generate", "zod"]);
    expect(good.code, good.stderr).toBe(0);
    const before = trees(workspace);
    expect(before.zod).not.toBe("absent");

    await pull(TUPLE_SPEC);
    const result = await workspace.cli(["generate", "zod"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: ${BODY_MESSAGE}\n`);
    expect(trees(workspace)).toEqual(before);
    expect(leftovers(workspace)).toEqual([]);
  });
});
