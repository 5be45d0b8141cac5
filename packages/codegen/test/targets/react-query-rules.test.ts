// The react-query target's rules on a small hand-written spec: which operations are queries, which get
// infinite hooks, how keys are laid out and what a mutation invalidates — then the whole generator run on
// that spec, asserting on the generated source and on determinism (same spec → same bytes).
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectPaths } from "../../src/paths.ts";
import { generateHooks } from "../../src/targets/react-query/index.ts";
import {
  collectOperations,
  invalidationPlan,
  keySegments,
} from "../../src/targets/react-query/operations.ts";
import { fixture } from "../helpers.ts";

// Hand-written: list (query cursor), CRUD item, action on an item, POST list (body cursor), POST read, a
// cursor-taking GET that does not paginate, bulk POST, array body, text/csv answer.
const document = fixture("react-query-operations.json");

const operations = new Map(
  collectOperations(document).map((operation) => [operation.operationId, operation]),
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
    expect(operations.get("exportThings")).toMatchObject({ hasJsonResponse: false, hasTextResponse: true });
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
  const plan = (method: string, path: string) =>
    invalidationPlan({
      operationId: "x",
      method: method as "post",
      path,
      pathParams: [],
      isQuery: false,
      pagination: undefined,
      hasJsonResponse: true,
      hasTextResponse: false,
    });
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
    await generateHooks(document, dir, mutator);
    const files = (await readdir(dir)).sort();
    return Object.fromEntries(
      await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file), "utf8")] as const)),
    );
  };
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("has the contract's names, keys and wiring, deterministically", async () => {
    const first = await generateOnce();
    const thing = first["thing.ts"] as string;
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
    // Invalidation targets per mutation.
    expect(thing).toContain(
      '(variables) => ({ item: ["/api/v2/things", variables.id], collection: ["/api/v2/things"] })',
    );
    expect(thing).toContain(
      '(variables) => ({ item: ["/api/v2/things", variables.id], collection: ["/api/v2/things"], removeItem: true })',
    );
    expect(thing).toContain('() => ({ resource: ["/api/v2/things"] })');
    // Transport through the client with the spec's path template; text answers parsed as text.
    expect(thing).toContain(
      'instantlyRequest<ResponseBody<"getThing">>({ method: "GET", path: "/api/v2/things/{id}", pathParams: { "id": id }',
    );
    expect(thing).toContain('path: "/api/v2/things/export", parseAs: "text"');
    expect(thing).not.toMatch(/ErrorType|from '\.\/model'/);
    expect(thing).toContain(
      'export type CreateThingsMutationVariables = {data?: RequestBody<"createThings">}',
    );
    expect(thing).not.toContain("CreateThingsBodyItem");
    expect(first["model.ts"]).toContain('export type CreateThingBody = RequestBody<"createThing">;');
    expect(first["index.ts"]).toContain('export * from "./thing.js";');
    expect(await generateOnce()).toEqual(first);
  }, 60_000);
});
