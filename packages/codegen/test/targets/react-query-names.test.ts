// Hook, key and type names come from the model (operation.name); request functions keep the operationId.
// orval cases names its own way (`LIST_ITEMS` → `useListItems`, `_x` → `_XQueryResult`), so the target hands orval
// a name it cases into the model's (operations.ts `orvalOperationName`) and renames the request function back.
// - the class, without orval's generator: for every id of a seeded random sample and a table of tricky ones, orval's
//   own casing functions (@orval/core `camel`, `pascal`) applied to that name give exactly the model's names;
// - end to end on a fixture of tricky ids (all capitals, leading underscore, digits, a reserved word, two ids that
//   case to the same name, ids that are prefixes/suffixes of others): the exported names of the generated hook
//   file are exactly the ones derived from the model — none of orval's casing is left — and the hooks compile.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { isReservedWord } from "../../src/emit/index.ts";
import { buildModel, pascalCase } from "../../src/model/index.ts";
import { generateHooks, reactQueryTarget } from "../../src/targets/react-query/index.ts";
import { hookOperations, orvalOperationName } from "../../src/targets/react-query/operations.ts";
import { typesTarget } from "../../src/targets/types/index.ts";
import { createCorpusWorkspace, loadCorpusSpec } from "../corpus.ts";
import { FIXTURES } from "../helpers.ts";

type Casing = (text: string) => string;

/** orval's casing functions, from the @orval/core that the installed orval uses. */
async function orvalCasing(): Promise<{ camel: Casing; pascal: Casing }> {
  const orval = createRequire(import.meta.url).resolve("orval");
  const core = createRequire(orval).resolve("@orval/core/package.json");
  return import(pathToFileURL(join(dirname(core), "dist", "index.mjs")).href);
}

const TRICKY = [
  "LIST_ITEMS",
  "CREATE",
  "X",
  "HTTPStatus",
  "_privateThing",
  "__double",
  "_delete",
  "getV2Item2",
  "list2fa_codes",
  "v2",
  "list_lead_items",
  "createLead",
  "CreateLead",
  "a_B_c",
  "$dollar",
  "with$dollar",
];

/** A seeded sample of identifiers over the characters operationIds are made of. */
function sampleIds(count: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";
  const rest = `${first}0123456789`;
  const pick = (chars: string) => chars.charAt(Math.floor(next() * chars.length));
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    let id = pick(first);
    const length = 1 + Math.floor(next() * 14);
    for (let j = 0; j < length; j++) id += pick(rest);
    ids.push(id);
  }
  return ids;
}

describe("the name orval gets for an operation", () => {
  it("is cased by orval into exactly the model's hook, key and type names (table + seeded sample)", async () => {
    const { camel, pascal } = await orvalCasing();
    let checked = 0;
    for (const id of [...TRICKY, ...sampleIds(3000, 9)]) {
      const name = pascalCase(id);
      if (!/^[A-Za-z]/.test(name)) {
        // No letter to start a hook name with (`_3d`, `$`): one clear error instead of hooks that do not parse.
        expect(() => orvalOperationName({ id, name })).toThrow(
          /^react-query: operationId .* gives the hook name/,
        );
        continue;
      }
      const n = orvalOperationName({ id, name });
      const where = `${id} → ${n}`;
      // The request function orval declares under this name must parse (it is renamed to the id afterwards).
      expect(/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(n) && !isReservedWord(n), where).toBe(true);
      // How orval 8 derives names (@orval/query): hooks `camel("use-" + name)`, variants `camel(name + "-suspense")`
      // first, keys `camel("get-" + name + "-query-key")`, types `pascal(name)` + suffix.
      expect(camel(`use-${n}`), where).toBe(`use${name}`);
      expect(camel(`use-${camel(`${n}-suspense`)}`), where).toBe(`use${name}Suspense`);
      expect(camel(`use-${camel(`${n}-infinite`)}`), where).toBe(`use${name}Infinite`);
      expect(camel(`use-${camel(`${n}-suspense-infinite`)}`), where).toBe(`use${name}SuspenseInfinite`);
      expect(camel(`get-${n}-query-key`), where).toBe(`get${name}QueryKey`);
      expect(camel(`get-${n}-infinite-query-key`), where).toBe(`get${name}InfiniteQueryKey`);
      expect(camel(`get-${n}-mutation-options`), where).toBe(`get${name}MutationOptions`);
      expect(`${pascal(n)}QueryResult`, where).toBe(`${name}QueryResult`);
      expect(`${pascal(camel(`${n}-suspense`))}QueryError`, where).toBe(`${name}SuspenseQueryError`);
      // A camelCase id is its own orval name: no rename, orval's declarations stay as it wrote them.
      if (/^[a-z][A-Za-z0-9]*$/.test(id) && /[a-z]/.test(id)) expect(n, where).toBe(id);
      checked++;
    }
    expect(checked).toBeGreaterThan(2000);
  });
});

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The exported names of a generated file (each once). */
function exportedNames(text: string): Set<string> {
  const source = ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        names.add((declaration.name as ts.Identifier).text);
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) &&
      statement.name
    ) {
      names.add(statement.name.text);
    }
  }
  return names;
}

// What a reader of the fixture expects, spelled out: operationId → request function, main hook.
const TABLE: [string, string, string][] = [
  ["LIST_ITEMS", "LIST_ITEMS", "useLISTITEMS"],
  ["CREATE_ITEM", "CREATE_ITEM", "useCREATEITEM"],
  ["LIST_ITEMS_BY_BODY", "LIST_ITEMS_BY_BODY", "useLISTITEMSBYBODY"],
  ["_privateThing", "_privateThing", "usePrivateThing"],
  // A reserved word: normalization renames the operationId.
  ["_delete", "_delete", "useDelete"],
  ["getV2Item2", "getV2Item2", "useGetV2Item2"],
  ["list2fa_codes", "list2fa_codes", "useList2faCodes"],
  ["HTTPStatus", "HTTPStatus", "useHTTPStatus"],
  // Two ids that case to the same name: the second in document order gets `2`.
  ["list_things", "list_things", "useListThings"],
  ["listThings", "listThings", "useListThings2"],
  ["createThing", "createThing", "useCreateThing"],
  ["bulkCreateThing", "bulkCreateThing", "useBulkCreateThing"],
  ["createThingX", "createThingX", "useCreateThingX"],
];

describe("generated hooks for operationIds orval and the model case differently", () => {
  it("export exactly the model's names, and compile against their types package", async () => {
    const document = await loadCorpusSpec(join(FIXTURES, "operation-names.json"));
    const model = buildModel(document);
    const operations = hookOperations(model);
    expect(operations.map((operation) => operation.id).sort()).toEqual(TABLE.map(([id]) => id).sort());

    const dir = await mkdtemp(join(tmpdir(), "ik-rq-names-"));
    dirs.push(dir);
    await generateHooks(model, dir);
    expect((await readdir(dir)).sort()).toEqual([
      "index.gen.ts",
      "model.gen.ts",
      "name.gen.ts",
      "resources.gen.ts",
    ]);
    const exported = exportedNames(await readFile(join(dir, "name.gen.ts"), "utf8"));

    for (const [id, requestFunction, hook] of TABLE) {
      expect(exported, id).toContain(requestFunction);
      expect(exported, id).toContain(hook);
    }
    // Every exported name is one the model derives, and every derived name is exported.
    const expected = new Set<string>();
    for (const operation of operations) {
      const n = operation.name;
      expected.add(operation.id);
      if (operation.isQuery) {
        const variants = ["", "Suspense", ...(operation.pagination ? ["Infinite", "SuspenseInfinite"] : [])];
        for (const variant of variants) {
          for (const name of [
            `use${n}${variant}`,
            `get${n}${variant}QueryOptions`,
            `${n}${variant}QueryResult`,
            `${n}${variant}QueryError`,
          ]) {
            expected.add(name);
          }
        }
        expected.add(`useSuspense${n}`);
        expected.add(`get${n}QueryKey`);
        if (operation.pagination) expected.add(`get${n}InfiniteQueryKey`);
      } else {
        for (const suffix of ["MutationResult", "MutationError", "MutationVariables"])
          expected.add(`${n}${suffix}`);
        if (operation.model.requestBody) expected.add(`${n}MutationBody`);
        for (const name of [`use${n}`, `get${n}MutationOptions`, `get${n}MutationKey`]) expected.add(name);
      }
    }
    expect([...exported].sort()).toEqual([...expected].sort());

    // Parameter types: `<Name>Body` / `<Name>Params` from the same model name.
    const model2 = exportedNames(await readFile(join(dir, "model.gen.ts"), "utf8"));
    expect([...model2].sort()).toEqual(
      [
        "BulkCreateThingBody",
        "CREATEITEMBody",
        "CreateThingBody",
        "CreateThingXBody",
        "GetV2Item2Params",
        "LISTITEMSBYBODYBody",
        "LISTITEMSParams",
        "ListThings2Params",
        "ListThingsParams",
        "PrivateThingParams",
      ].sort(),
    );

    const workspace = createCorpusWorkspace("ik-rq-op-names-");
    try {
      await workspace.generate("names.json", document, [typesTarget, reactQueryTarget]);
      const output = await workspace.typecheck({
        include: (era) => [`${era}/*/src/**/*.ts`, `${era}/*/src/**/*.tsx`],
        compilerOptions: { jsx: "react-jsx", noEmit: true },
      });
      expect(output).toBe("");
    } finally {
      workspace.remove();
    }
  }, 300_000);
});
