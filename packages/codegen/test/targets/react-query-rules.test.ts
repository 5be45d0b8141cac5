// The react-query target's rules on a small hand-written spec: which operations are queries, which get
// infinite hooks, how keys are laid out and what a mutation invalidates — then the whole generator run on
// that spec, asserting on the generated source and on determinism (same spec → same bytes).
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index.ts";
import { projectPaths } from "../../src/paths.ts";
import { formatGenerated } from "../../src/targets/format.ts";
import { generateHooks } from "../../src/targets/react-query/index.ts";
import { hookOperations, invalidationPlan, keySegments } from "../../src/targets/react-query/operations.ts";
import { fixture } from "../helpers.ts";

// Hand-written: list (query cursor), CRUD item, action on an item, POST list (body cursor), POST read, a
// cursor-taking GET that does not paginate, bulk POST, array body, text/csv answer.
const document = fixture("react-query-operations.json");

const operations = new Map(
  hookOperations(buildModel(document)).map((operation) => [operation.id, operation]),
);

describe("operation kinds", () => {
  it.each([
    ["listThing", true, "query"],
    ["getThing", true, undefined],
    ["createThing", false, undefined],
    ["patchThing", false, undefined],
    ["deleteThing", false, undefined],
    ["pauseThing", false, undefined],
    ["listThings", true, "body"],
    ["getThingAnalytics", true, undefined],
    ["getThingSummary", true, undefined],
    ["moveThings", false, undefined],
  ])("%s: query %s, pagination %s", (id, isQuery, pagination) => {
    expect(operations.get(id)).toMatchObject({ isQuery, pagination });
  });

  it("marks text responses", () => {
    expect(operations.get("exportThings")).toMatchObject({ successBody: "text" });
  });
});

describe("key layout", () => {
  it.each([
    ["/api/v2/campaigns", { resource: "/api/v2/campaigns", rest: [] }],
    ["/api/v2/campaigns/{id}", { resource: "/api/v2/campaigns", rest: [{ param: "id" }] }],
    [
      "/api/v2/ai-agents/sales/{id}/guidance-rules/{rule_id}",
      {
        resource: "/api/v2/ai-agents",
        rest: [{ literal: "sales" }, { param: "id" }, { literal: "guidance-rules" }, { param: "rule_id" }],
      },
    ],
    ["/other/{x}", { resource: "/other", rest: [{ param: "x" }] }],
  ])("%s", (path, want) => {
    expect(keySegments(path)).toEqual(want);
  });
});

describe("invalidation plan", () => {
  const plan = (method: string, path: string) => invalidationPlan({ method: method as "post", path });
  it.each([
    ["post", "/api/v2/campaigns", { item: undefined, collection: [], removeItem: false }],
    ["post", "/api/v2/leads/move", { item: undefined, collection: [], removeItem: false }],
    ["patch", "/api/v2/campaigns/{id}", { item: [{ param: "id" }], collection: [], removeItem: false }],
    ["put", "/x/{id}", { item: [{ param: "id" }], collection: [], removeItem: false }],
    ["delete", "/api/v2/campaigns/{id}", { item: [{ param: "id" }], collection: [], removeItem: true }],
    ["post", "/api/v2/campaigns/{id}/pause", { item: [{ param: "id" }], collection: [], removeItem: false }],
    [
      "delete",
      "/api/v2/ai-agents/sales/{id}/guidance-rules/{rule_id}",
      {
        item: [{ literal: "sales" }, { param: "id" }, { literal: "guidance-rules" }, { param: "rule_id" }],
        collection: [{ literal: "sales" }, { param: "id" }, { literal: "guidance-rules" }],
        removeItem: true,
      },
    ],
  ])("%s %s", (method, path, want) => {
    expect(plan(method, path)).toEqual(want);
  });
});

describe("generated hooks for the fixture", () => {
  const dirs: string[] = [];
  const generateOnce = async () => {
    const dir = await mkdtemp(join(tmpdir(), "ik-rq-fixture-"));
    dirs.push(dir);
    const mutator = join(projectPaths().packagesDir, "react-query", "src", "mutator.ts");
    await generateHooks(buildModel(document), dir, mutator);
    await formatGenerated(dir);
    const files = (await readdir(dir)).sort();
    return Object.fromEntries(
      await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file), "utf8")] as const)),
    );
  };
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("has the contract's names, keys and wiring, deterministically", async () => {
    const first = await generateOnce();
    expect(Object.keys(first)).toEqual(["index.gen.ts", "model.gen.ts", "thing.gen.ts"]);
    const thing = first["thing.gen.ts"] as string;
    for (const name of [
      "useListThing",
      "useListThingSuspense",
      "useListThingInfinite",
      "useListThingSuspenseInfinite",
      "getListThingSuspenseInfiniteQueryOptions",
      "useSuspenseListThing",
      "getListThingQueryOptions",
      "getListThingQueryKey",
      "useGetThing",
      "useListThings",
      "useListThingsInfinite",
      "useListThingsSuspenseInfinite",
      "useGetThingAnalytics",
      "useCreateThing",
      "getCreateThingMutationOptions",
      "usePatchThing",
      "useDeleteThing",
      "useMoveThings",
    ]) {
      expect(thing, name).toMatch(new RegExp(`export (const|function) ${name}\\b`));
    }
    // POST reads are not mutations; only paginated operations get infinite hooks.
    expect(thing).not.toMatch(/export const useListThings = /);
    expect(thing).not.toMatch(/useGetThingSummaryInfinite|useGetThingInfinite/);
    // Hierarchical keys.
    expect(thing).toContain('return ["/api/v2/things", ...(params !== undefined ? [params] : [])] as const;');
    expect(thing).toContain('return ["/api/v2/things", id] as const;');
    expect(thing).toContain(
      'return ["/api/v2/things", "list", ...(listThingsBody !== undefined ? [listThingsBody] : [])] as const;',
    );
    expect(thing).toContain('return [...getListThingQueryKey(params), "infinite"] as const;');
    // Invalidation targets per mutation.
    expect(thing).toContain(
      '((variables) => ({\n      item: ["/api/v2/things", variables.id],\n      collection: ["/api/v2/things"],\n    })) as InvalidationTargetsOf<PatchThingMutationVariables>',
    );
    expect(thing).toContain(
      '      collection: ["/api/v2/things"],\n      removeItem: true,\n    })) as InvalidationTargetsOf<DeleteThingMutationVariables>',
    );
    expect(thing).toContain(
      '(() => ({ resource: ["/api/v2/things"] })) as InvalidationTargetsOf<CreateThingMutationVariables>',
    );
    // Transport through the client with the spec's path template; text answers parsed as text.
    expect(thing).toContain('instantlyRequest<ResponseBody<"getThing">>(');
    expect(thing).toContain('{ method: "GET", path: "/api/v2/things/{id}", pathParams: { id: id }, signal }');
    expect(thing).toContain('{ method: "GET", path: "/api/v2/things/export", parseAs: "text", signal }');
    // Errors are InstantlyApiError (orval's own error typing, fed one error schema); no orval model import.
    expect(thing).toContain("TError = InstantlyApiError");
    expect(thing).not.toMatch(/ErrorType|from ["']\.\/model["']/);
    expect(thing).toContain("export type CreateThingsMutationVariables = { data?: CreateThingsBody };");
    expect(thing).not.toContain("CreateThingsBodyItem[]");
    // Infinite hooks page with the response's cursor (orval's `getNextPageParam` option).
    expect(thing.match(/getNextPageParam: \(lastPage\) => nextStartingAfter\(lastPage\)/g)).toHaveLength(2);
    // Every hook and request function has its JSDoc.
    expect(thing).toMatch(
      /\/\*\*\n \* Query hook for `getThing`\.\n \*\n \* `GET \/api\/v2\/things\/\{id\}`[^/]*\*\/\nexport function useGetThing</,
    );
    // Hook parameters are named types, one indexed access from the operation's fields (an optional body is
    // `requestBody?:` in openapi-typescript's output, hence NonNullable).
    expect(first["model.gen.ts"]).toContain(
      'export type CreateThingBody = NonNullable<\n  operations["createThing"]["requestBody"]\n>["content"]["application/json"];',
    );
    expect(first["index.gen.ts"]).toContain('export * from "./thing.gen.js";');
    expect(await generateOnce()).toEqual(first);
  }, 60_000);
});
