// Issue 11 §4, "every hook documented, seen on hover": the docs fixture and the pinned spec generate
// @instantly-kit/types, /msw and /react-query into a scratch copy of the packages, tsc emits their declarations
// (what `build` ships), and every exported hook, options helper, request function, mock handler, response mock,
// named type and enum export must have a doc comment with the parts the model calls for (test/docs-check.ts
// reads the .d.ts with the TypeScript compiler API). The corpus test type-checks every era; this one reads docs.
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildModel } from "../src/model/index.ts";
import { generateMsw } from "../src/targets/msw/index.ts";
import { reactQueryTarget } from "../src/targets/react-query/index.ts";
import { typesTarget } from "../src/targets/types/index.ts";
import { type CorpusWorkspace, createCorpusWorkspace, loadCorpusSpec, newestSpec, paths } from "./corpus.ts";
import { docProblems } from "./docs-check.ts";
import { FIXTURES } from "./helpers.ts";

const FIXTURE = "operation-docs.json";
let workspace: CorpusWorkspace;
const documents = new Map<string, Record<string, unknown>>();
let typecheckOutput = "";

beforeAll(async () => {
  workspace = createCorpusWorkspace("ik-docs-");
  for (const file of [FIXTURE, newestSpec]) {
    const document = await loadCorpusSpec(file === FIXTURE ? join(FIXTURES, file) : file);
    documents.set(file, document);
    const msw = {
      packageDir: "msw",
      generate: async (outDir: string) => {
        await generateMsw(buildModel(document), outDir);
      },
    };
    await workspace.generate(file, document, [typesTarget, msw, reactQueryTarget]);
  }
  typecheckOutput = await workspace.typecheck({
    include: (era) => [
      `${era}/types/src/**/*.ts`,
      `${era}/msw/src/**/*.ts`,
      `${era}/react-query/src/**/*.ts`,
      `${era}/react-query/src/**/*.tsx`,
    ],
    compilerOptions: {
      types: ["node"],
      typeRoots: [join(paths.packagesDir, "msw", "node_modules", "@types")],
      jsx: "react-jsx",
      declaration: true,
      emitDeclarationOnly: true,
      outDir: join(workspace.dir, "out"),
      rootDir: workspace.dir,
    },
    shards: 2,
  });
}, 900_000);

afterAll(() => {
  workspace?.remove();
});

test.each([FIXTURE, newestSpec])("%s: every generated export's .d.ts has its doc comment", (file) => {
  expect(typecheckOutput).toBe("");
  const era = join(workspace.dir, "out", file.replace(/\.json$/, ""));
  const model = buildModel(documents.get(file) as Record<string, unknown>);
  const { problems, checked } = docProblems(model, {
    types: join(era, "types", "src", "generated"),
    reactQuery: join(era, "react-query", "src", "generated"),
    msw: join(era, "msw", "src", "generated"),
  });
  expect(problems.slice(0, 20)).toEqual([]);
  // Every operation contributes at least its request function, a hook, an options helper and a handler.
  expect(checked).toBeGreaterThanOrEqual(model.operations.length * 4);
  if (file === newestSpec) expect(model.operations).toHaveLength(240);
});
