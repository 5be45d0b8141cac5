// Cursor pagination while the collection changes under it, for every CRUD resource of the stateful mock
// (in-process MSW) and once over the real mock server.
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createMockApi,
  crudResources,
  type MockOperationId,
  operationSpecs,
  type ResourceName,
} from "../src/index.js";
import { json, type RunningCli, startCli } from "./cli.js";

const BASE = "https://api.instantly.ai";
const api = createMockApi({ seed: "pagination" });
const server = setupServer(...api.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => api.reset());
afterAll(() => server.close());

type Resource = (typeof crudResources)[ResourceName];
type Item = Record<string, unknown>;
interface PageBody {
  items: Item[];
  next_starting_after?: string;
}

const idOf = (resource: Resource, item: Item) => String(item[resource.idProperty]);

async function listPage(resource: Resource, limit: number, cursor: string | undefined): Promise<PageBody> {
  const list = operationSpecs[resource.list];
  const params = { limit, ...(cursor === undefined ? {} : { starting_after: cursor }) };
  const response =
    resource.listIn === "body"
      ? await fetch(`${BASE}${list.path}`, {
          method: list.method,
          headers: { "content-type": "application/json" },
          body: JSON.stringify(params),
        })
      : await fetch(
          `${BASE}${list.path}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`,
          {
            method: list.method,
          },
        );
  expect(response.status).toBe(200);
  return (await response.json()) as PageBody;
}

async function remove(resource: Resource & { remove: string }, id: string): Promise<void> {
  const response = await fetch(`${BASE}${resource.collectionPath}/${encodeURIComponent(id)}`, {
    method: "DELETE",
  });
  expect(response.status).toBe(operationSpecs[resource.remove as MockOperationId].status);
}

/** Every page until the last, calling `between` after each; returns the ids in the order they were listed. */
async function paginate(resource: Resource, between: (page: PageBody) => Promise<void>): Promise<string[]> {
  const visited: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listPage(resource, 10, cursor);
    visited.push(...page.items.map((item) => idOf(resource, item)));
    await between(page);
    cursor = page.next_starting_after;
    if (cursor === undefined) return visited;
  }
  throw new Error("more than 100 pages: the cursor does not advance");
}

const withRemove = Object.values(crudResources).filter(
  (resource): resource is Resource & { remove: string } => "remove" in resource,
);

describe("cursors while the collection changes (every CRUD resource, in-process)", () => {
  it("covers every resource with a delete operation", () => {
    expect(withRemove.length).toBeGreaterThanOrEqual(10);
  });

  it.each(withRemove.map((resource) => [resource.name, resource] as const))(
    "%s: deleting each page's items before asking for the next visits all 25 items exactly once",
    async (_name, resource) => {
      const seeded = api.seed(resource.name as ResourceName, 25).map((item) => idOf(resource, item as Item));
      const visited = await paginate(resource, async (page) => {
        for (const item of page.items) await remove(resource, idOf(resource, item));
      });
      expect(visited).toEqual(seeded);
      expect(api.store.list(resource.name as ResourceName)).toEqual([]);
    },
  );

  it.each(Object.values(crudResources).map((resource) => [resource.name, resource] as const))(
    "%s: items created while paginating are listed once, after the ones before them",
    async (_name, resource) => {
      const seeded = api.seed(resource.name as ResourceName, 25).map((item) => idOf(resource, item as Item));
      const added: string[] = [];
      const visited = await paginate(resource, async () => {
        if (added.length < 3)
          added.push(
            ...api.seed(resource.name as ResourceName, 2).map((item) => idOf(resource, item as Item)),
          );
      });
      expect(visited).toEqual([...seeded, ...added]);
    },
  );

  it("a cursor whose item and its neighbours are deleted still continues after its place", async () => {
    const resource = crudResources["lead-labels"];
    const ids = api.seed("lead-labels", 25).map((item) => idOf(resource, item as Item));
    const first = await listPage(resource, 10, undefined);
    expect(first.next_starting_after).toBe(ids[9]);
    // The cursor's item, the one before it and the first two after it.
    for (const id of [ids[8], ids[9], ids[10], ids[11]]) await remove(resource, id as string);
    const second = await listPage(resource, 10, first.next_starting_after);
    expect(second.items.map((item) => idOf(resource, item))).toEqual(ids.slice(12, 22));
    // Deleting everything after the cursor: an empty last page, not an error and not a restart.
    for (const id of ids.slice(12)) await remove(resource, id);
    expect(await listPage(resource, 10, first.next_starting_after)).toEqual({ items: [] });
  });

  it("updating items while paginating does not move them", async () => {
    const resource = crudResources["lead-labels"];
    const ids = api.seed("lead-labels", 25).map((item) => idOf(resource, item as Item));
    const visited = await paginate(resource, async (page) => {
      for (const item of page.items) {
        await fetch(`${BASE}/api/v2/lead-labels/${idOf(resource, item)}`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ label: "renamed" }),
        });
      }
    });
    expect(visited).toEqual(ids);
  });

  it("a cursor that never named an item gives an empty page", async () => {
    api.seed("lead-labels", 3);
    expect(await listPage(crudResources["lead-labels"], 10, "never-an-id")).toEqual({ items: [] });
  });
});

describe("the delete-while-paginating loop over the real mock server", () => {
  let cli: RunningCli;
  beforeAll(async () => {
    cli = await startCli();
  });
  afterAll(() => {
    if (cli.child.exitCode === null) cli.child.kill("SIGKILL");
  });

  it("visits all 25 lead labels exactly once and leaves none", async () => {
    const created: string[] = [];
    for (let index = 0; index < 25; index++) {
      const response = await json(cli.url, "POST", "/api/v2/lead-labels", {
        label: `Label ${index}`,
        interest_status_label: "positive",
      });
      expect(response.status).toBe(200);
      created.push(response.json.id);
    }
    const visited: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = cursor === undefined ? "" : `&starting_after=${encodeURIComponent(cursor)}`;
      const page = await json(cli.url, "GET", `/api/v2/lead-labels?limit=10${query}`);
      expect(page.status).toBe(200);
      for (const item of page.json.items as { id: string }[]) {
        visited.push(item.id);
        expect((await json(cli.url, "DELETE", `/api/v2/lead-labels/${item.id}`)).status).toBe(200);
      }
      cursor = page.json.next_starting_after;
      pages++;
    } while (cursor !== undefined && pages < 10);
    expect(pages).toBe(3);
    expect(visited).toEqual(created);
    expect((await json(cli.url, "GET", "/api/v2/lead-labels?limit=100")).json.items).toEqual([]);
  });
});
