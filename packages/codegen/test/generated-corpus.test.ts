// Corpus test for the four generated packages: every real spec version in ../shared/specs is normalized
// once with the real pipeline (loadSpec) and generates @instantly-kit/types, /client, /msw and /react-query
// into a temp copy of the packages (their hand-written sources + the generated code, each package importing
// its era's types). One real `tsc` run then compiles everything — the packages (with declaration emit, as
// `build` does) and, per era, a small consumer of each package — so each era's types are checked once.
// Issue 11 §4, "every hook documented, seen on hover", reads the declarations that run emitted: for the docs
// fixture (its committed snapshot, which snapshots.test.ts holds equal to what the generator writes) and the
// newest spec, every exported hook, options helper, request function, mock handler, response mock, named type
// and enum export must have a doc comment with the parts the model calls for (test/docs-check.ts reads the
// .d.ts with the TypeScript compiler API).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildModel } from "../src/model/index.ts";
import { clientTarget } from "../src/targets/client/index.ts";
import { paginatedOperations } from "../src/targets/client/pagination.ts";
import { generateMsw } from "../src/targets/msw/index.ts";
import { reactQueryTarget } from "../src/targets/react-query/index.ts";
import { hookOperations } from "../src/targets/react-query/operations.ts";
import { typesTarget } from "../src/targets/types/index.ts";
import {
  type CorpusWorkspace,
  countOperations,
  createCorpusWorkspace,
  loadCorpusSpec,
  newestSpec,
  paths,
  corpusSpecs as specs,
} from "./corpus.ts";
import { docProblems } from "./docs-check.ts";
import { FIXTURES } from "./helpers.ts";
import { readTree, SNAPSHOT_FIXTURES, SNAPSHOT_TARGETS, snapshotDir } from "./snapshots.ts";

/** Hand-written edge cases for the hooks (array body, body cursor, text answer…): types + react-query only. */
const FIXTURE = "react-query-operations.json";

/** Ten typed calls an app would make; names that must exist in every era of the spec. */
const clientConsumer = `import { createInstantlyClient, paginate, unwrap } from "./src/index.js";
import type { Account, Campaign, Lead, OperationId, QueryParams, ResponseBody } from "../types/src/index.js";

const client = createInstantlyClient({ apiKey: "key" });

export async function app(): Promise<number> {
  const campaigns = unwrap(await client.GET("/api/v2/campaigns", { params: { query: { limit: 10 } } }));
  const first: Campaign | undefined = campaigns.items?.[0];
  const one = unwrap(await client.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } }));
  const same: ResponseBody<"getCampaign"> = one;
  const accounts = unwrap(await client.GET("/api/v2/accounts", { params: { query: { limit: 5 } } }));
  const account: Account | undefined = accounts.items?.[0];
  const query: QueryParams<"listCampaign"> = { limit: 1 };
  let leads = 0;
  for await (const lead of paginate(client, "/api/v2/leads/list", { body: { limit: 100 } })) {
    const typed: Lead = lead;
    leads += typed ? 1 : 0;
  }
  for await (const campaign of paginate(client, "/api/v2/campaigns")) {
    const typed: Campaign = campaign;
    leads += typed ? 1 : 0;
  }
  const id: OperationId = "listCampaign";
  // @ts-expect-error not a path of the API
  await client.GET("/api/v2/nope");
  return leads + (first ? 1 : 0) + (same ? 1 : 0) + (account ? 1 : 0) + (query.limit ?? 0) + id.length;
}
`;

/** What a test setup of an app does with the msw package; names that exist in every era. */
const mswConsumer = `import { setupServer } from "msw/node";
import { createHandlers, createMockApi, handlers, mockErrorResponse, type MockOperationId } from "./src/index.js";
import { startMockServer } from "./src/node.js";

export async function app(): Promise<number> {
  const server = setupServer(...handlers, ...createHandlers({ baseUrl: "http://localhost:3000" }));
  const api = createMockApi({ seed: 1 });
  api.seed("campaigns", 3);
  const id: MockOperationId = "listCampaign";
  const response: Response = mockErrorResponse(id, 429);
  const mock = await startMockServer({ port: 0 });
  await mock.close();
  server.close();
  return api.store.list("campaigns").length + response.status;
}
`;

/** An app file using hooks that exist in every era (the types come from that era's types package). */
const hooksConsumer = `import type { Campaign, LeadLabel } from "../types/src/index.js";
import { useCreateLeadLabel, useGetCampaign, useListCampaign, useListCampaignInfinite, useListLeadsInfinite, usePatchCampaign } from "./src/index.js";

export function useApp(id: string) {
  const campaign: Campaign | undefined = useGetCampaign(id).data;
  const first: Campaign | undefined = useListCampaign({ limit: 10 }).data?.items?.[0];
  const pages = useListCampaignInfinite({ limit: 10 }).data?.pages.length;
  const leads = useListLeadsInfinite({ campaign: id, limit: 25 }).data?.pages[0]?.items;
  const create = useCreateLeadLabel();
  const patch = usePatchCampaign({ invalidate: false });
  const label: LeadLabel | undefined = create.data;
  // @ts-expect-error the id is a string
  useGetCampaign(1);
  return { campaign, first, pages, leads, label, patch };
}
`;

let workspace: CorpusWorkspace;
/** What the one `tsc` run over every era printed: "" or its first 30 lines. */
let typecheckOutput = "";
const pagination = new Map<string, { operations: number; paginated: number }>();
const invalidMocks = new Map<string, string[]>();
const hookCounts = new Map<string, { operations: number; queries: number; infinite: number }>();

beforeAll(async () => {
  workspace = createCorpusWorkspace("ik-corpus-");
  for (const file of [...specs, FIXTURE]) {
    const isFixture = file === FIXTURE;
    const document = await loadCorpusSpec(isFixture ? join(FIXTURES, file) : file);
    const era = workspace.eraDir(file);
    // Mocks are built (and checked against their schemas) at generate time: keep what failed.
    const msw = {
      packageDir: "msw",
      generate: async (outDir: string) => {
        invalidMocks.set(file, (await generateMsw(buildModel(document), outDir)).invalid);
      },
    };
    await workspace.generate(
      file,
      document,
      isFixture ? [typesTarget, reactQueryTarget] : [typesTarget, clientTarget, msw, reactQueryTarget],
    );
    const operations = hookOperations(buildModel(document));
    hookCounts.set(file, {
      operations: operations.length,
      queries: operations.filter((operation) => operation.isQuery).length,
      infinite: operations.filter((operation) => operation.pagination).length,
    });
    if (isFixture) continue;
    writeFileSync(join(era, "client", "consumer.ts"), clientConsumer);
    writeFileSync(join(era, "msw", "consumer.ts"), mswConsumer);
    writeFileSync(join(era, "react-query", "consumer.ts"), hooksConsumer);
    pagination.set(file, {
      operations: countOperations(document),
      paginated: paginatedOperations(buildModel(document)).length,
    });
  }
  await addSnapshotEras();
  typecheckOutput = await workspace.typecheck({
    include: (era) => [`${era}/*/src/**/*.ts`, `${era}/*/src/**/*.tsx`, `${era}/*/consumer.ts`],
    compilerOptions: {
      // msw's node entry needs Node's types (its own build has them); the other packages don't mind them.
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
}, 1_200_000);

/** The committed snapshots (test/snapshots/) are type-checked as they are, each fixture as one more era. */
async function addSnapshotEras(): Promise<void> {
  for (const fixture of SNAPSHOT_FIXTURES) {
    const files = readTree(snapshotDir(fixture));
    const copy = (packageDir: string) => ({
      packageDir,
      generate: async (outDir: string) => {
        for (const [path, text] of files) {
          if (path.startsWith(`${packageDir}/`))
            writeFileSync(join(outDir, path.slice(packageDir.length + 1)), text);
        }
      },
    });
    await workspace.generate(
      `snapshot-${fixture}`,
      {},
      SNAPSHOT_TARGETS.map((target) => copy(target.packageDir)),
    );
  }
}

afterAll(() => {
  workspace?.remove();
});

test("every spec version generates, builds and type-checks all four packages (+ a consumer of each); so do the committed snapshots", () => {
  expect(specs.length).toBeGreaterThanOrEqual(10);
  expect(typecheckOutput).toBe("");
  // Declarations were emitted for every era (the `build` half).
  for (const file of specs) {
    const out = join(workspace.dir, "out", file.replace(/\.json$/, ""), "client", "src", "index.d.ts");
    expect(readFileSync(out, "utf8")).toContain("createInstantlyClient");
  }
}, 600_000);

/** The docs fixture: its committed snapshot is compiled as the era `snapshot-operation-docs`. */
const DOCS_FIXTURE = "operation-docs.json";

test.each([
  {
    file: DOCS_FIXTURE,
    era: `snapshot-${DOCS_FIXTURE.replace(/\.json$/, "")}`,
    spec: join(FIXTURES, DOCS_FIXTURE),
  },
  { file: newestSpec, era: newestSpec.replace(/\.json$/, ""), spec: newestSpec },
])("$file: every generated export's .d.ts has its doc comment", async ({ file, era, spec }) => {
  expect(typecheckOutput).toBe("");
  const out = join(workspace.dir, "out", era);
  const model = buildModel(await loadCorpusSpec(spec));
  const { problems, checked } = docProblems(model, {
    types: join(out, "types", "src", "generated"),
    reactQuery: join(out, "react-query", "src", "generated"),
    msw: join(out, "msw", "src", "generated"),
  });
  expect(problems.slice(0, 20)).toEqual([]);
  // Every operation contributes at least its request function, a hook, an options helper and a handler.
  expect(checked).toBeGreaterThanOrEqual(model.operations.length * 4);
  if (file === newestSpec) expect(model.operations).toHaveLength(240);
});

test("pagination is derived in every era: the newest spec has the 33 documented operations", () => {
  expect(pagination.size).toBe(specs.length);
  for (const [file, { paginated }] of pagination) expect(paginated, file).toBeGreaterThan(10);
  expect(pagination.get(newestSpec)).toEqual({ operations: 240, paginated: 33 });
});

test("every spec version's mocks validate against their schemas", () => {
  expect(specs.length).toBeGreaterThanOrEqual(10);
  for (const file of specs) expect(invalidMocks.get(file), file).toEqual([]);
});

test("every era has hooks for every operation, infinite hooks for its cursor-paginated ones", () => {
  expect(hookCounts.size).toBe(specs.length + 1);
  for (const [file, { operations, queries, infinite }] of hookCounts) {
    const root = join(workspace.eraDir(file), "react-query", "src", "generated");
    const text = readdirSync(root)
      .map((name) => readFileSync(join(root, name), "utf8"))
      .join("\n");
    const hooks = (pattern: RegExp) => new Set([...text.matchAll(pattern)].map((match) => match[1])).size;
    expect(hooks(/^\s*export function (use\w+)Suspense</gm), file).toBe(queries);
    expect(hooks(/^\s*export const (use\w+) = </gm), file).toBe(operations - queries);
    expect(hooks(/^\s*export function (use\w+(?<!Suspense)Infinite)</gm), file).toBe(infinite);
    expect(hooks(/^\s*export function (use\w+SuspenseInfinite)</gm), file).toBe(infinite);
  }
  expect(hookCounts.get(newestSpec)).toMatchObject({ operations: 240, infinite: 33 });
});
