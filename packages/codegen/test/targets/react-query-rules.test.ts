// The react-query target's rules on a small hand-written spec: which operations are queries, which get
// infinite hooks, how keys are laid out and what a mutation invalidates — then the whole generator run on
// that spec, asserting on the generated source and on determinism (same spec → same bytes).
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index.ts";
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
    ["/api/v2/campaigns", { resource: "campaigns", scope: "list", rest: [] }],
    ["/api/v2/leads/list", { resource: "leads", scope: "list", rest: [{ literal: "list" }] }],
    ["/api/v2/campaigns/{id}", { resource: "campaigns", scope: "item", rest: [{ param: "id" }] }],
    [
      "/api/v2/ai-agents/sales/{id}/guidance-rules/{rule_id}",
      {
        resource: "ai-agents",
        scope: "item",
        rest: [{ literal: "sales" }, { param: "id" }, { literal: "guidance-rules" }, { param: "rule_id" }],
      },
    ],
    ["/other/{x}", { resource: "other", scope: "item", rest: [{ param: "x" }] }],
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

describe("background jobs", () => {
  it("an operation answering the schema GET /background-jobs/{id} answers starts a job; nothing else does", () => {
    const jobs = [...operations.values()].filter((operation) => operation.backgroundJob).map((op) => op.id);
    expect(jobs).toEqual(["moveThings"]);
  });

  it("without the poll operation no operation is a background job", () => {
    const withoutPoll = structuredClone(document) as { paths: Record<string, unknown> };
    delete withoutPoll.paths["/api/v2/background-jobs/{id}"];
    expect(hookOperations(buildModel(withoutPoll)).filter((operation) => operation.backgroundJob)).toEqual(
      [],
    );
  });
});

describe("generated hooks for the fixture", () => {
  const dirs: string[] = [];
  const generateOnce = async () => {
    const dir = await mkdtemp(join(tmpdir(), "ik-rq-fixture-"));
    dirs.push(dir);
    await generateHooks(buildModel(document), dir);
    await formatGenerated(dir);
    const files = (await readdir(dir)).sort();
    return Object.fromEntries(
      await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file), "utf8")] as const)),
    );
  };
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("has the contract's names, keys and wiring, deterministically", async () => {
    const first = await generateOnce();
    expect(Object.keys(first)).toEqual([
      "background-job.gen.ts",
      "index.gen.ts",
      "model.gen.ts",
      "resources.gen.ts",
      "thing.gen.ts",
    ]);
    // The resources the cache helpers know: those read one by one, with the item type and its id field.
    expect(first["resources.gen.ts"]).toContain(
      'export interface InstantlyResourceItems {\n  "background-jobs": ResponseBody<"getBackgroundJob">;\n  things: ResponseBody<"getThing">;\n}',
    );
    expect(first["resources.gen.ts"]).toContain('"background-jobs": "id",\n  things: "id",');
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
    expect(thing).toContain(
      'return ["instantly", "things", "list", ...(params !== undefined ? [params] : [])] as const;',
    );
    expect(thing).toContain('return ["instantly", "things", "item", id] as const;');
    expect(thing).toContain(
      'return [\n    "instantly",\n    "things",\n    "list",\n    "list",\n    ...(listThingsBody !== undefined ? [listThingsBody] : []),\n  ] as const;',
    );
    expect(thing).toContain('return [...getListThingQueryKey(params), "infinite"] as const;');
    // Invalidation targets per mutation: the item and the resource's lists (POST reads included).
    expect(thing).toContain(
      '((variables) => ({\n      item: ["instantly", "things", "item", variables.id],\n      lists: [["instantly", "things", "list"]],\n    })) as InvalidationTargetsOf<PatchThingMutationVariables>',
    );
    expect(thing).toContain(
      '      lists: [["instantly", "things", "list"]],\n      removeItem: true,\n    })) as InvalidationTargetsOf<DeleteThingMutationVariables>',
    );
    expect(thing).toContain(
      '(() => ({ resource: ["instantly", "things"] })) as InvalidationTargetsOf<CreateThingMutationVariables>',
    );
    // A background-job operation invalidates after the job, polled through the mutation's client.
    expect(thing).toContain(
      '(() => ({\n      resource: ["instantly", "things"],\n      afterJob: true,\n    })) as InvalidationTargetsOf<MoveThingsMutationVariables>,\n    options?.invalidate,\n    options?.request,\n  );',
    );
    expect(thing.match(/afterJob: true/g)).toHaveLength(1);
    // Transport through the client with the spec's path template; text answers parsed as text.
    expect(thing).toContain('instantlyRequest<ResponseBody<"getThing">>(');
    expect(thing).toContain('{ method: "GET", path: "/api/v2/things/{id}", pathParams: { id: id }, signal }');
    expect(thing).toContain('{ method: "GET", path: "/api/v2/things/export", parseAs: "text", signal }');
    // Errors are the kit's union with the operation's documented error bodies (orval's error typing, fed one
    // error schema, then typed per operation); no orval model import, no untyped error left.
    expect(thing).toContain('TError = InstantlyError<ErrorBody<"getThing">>');
    expect(thing).toContain('export type GetThingQueryError = InstantlyError<ErrorBody<"getThing">>;');
    expect(thing).toContain('TError = InstantlyError<ErrorBody<"listThings">>'); // body-cursor infinite hooks too
    expect(thing).not.toMatch(/\bInstantlyApiError\b/);
    expect(thing).not.toMatch(/ErrorType|from ["']\.\/model["']/);
    expect(thing).toContain("export type CreateThingsMutationVariables = { data: CreateThingsBody };");
    expect(thing).not.toContain("CreateThingsBodyItem[]");
    // Infinite hooks page with the response's cursor (orval's `getNextPageParam` option), given every page and
    // cursor so far: that is how a cursor loop is told from a next page.
    expect(
      thing.match(
        /getNextPageParam: \(lastPage, allPages, lastPageParam, allPageParams\) =>\s+nextStartingAfter\(lastPage, allPages, lastPageParam, allPageParams\)/g,
      ),
    ).toHaveLength(2);
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
  });
});
