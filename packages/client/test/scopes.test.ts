// Issue 10, scopes: a client told its key's scopes refuses, before anything is sent, every call that none of them
// allows — for every operation of the spec, checked against the server's request log, not a mock.

import { json, startServer, type TestServer } from "@instantly-kit/test-support/http-server";
import { operationScopes, type Scope, scopeGroups, scopesAllow } from "@instantly-kit/types";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { operationIds } from "../src/generated/operation-ids.gen.js";
import { createInstantlyClient, InstantlyScopeError, paginate } from "../src/index.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
});

/** Every operation as `[method, path template, operationId]`, from the client's own table. */
const operations = Object.entries(operationIds).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, id]) => [method, path, id] as const),
);
const allScopes = [...new Set(Object.values(operationScopes).flat())] as Scope[];

/** A concrete URL for a path template (any value in each `{param}`), as openapi-fetch would send it. */
const params = (path: string) =>
  Object.fromEntries([...path.matchAll(/\{([^}]+)\}/g)].map((match) => [match[1], "x1"]));

function call(client: ReturnType<typeof createInstantlyClient>, method: string, path: string) {
  return client.request(
    method.toLowerCase() as "get",
    path as never,
    {
      params: { path: params(path) },
      ...(method === "GET" || method === "HEAD" || method === "DELETE" ? {} : { body: {} }),
    } as never,
  );
}

describe("createInstantlyClient({ scopes })", () => {
  test("the table covers every operation of the spec", () => {
    expect(operations.map(([, , id]) => id).sort()).toEqual(Object.keys(operationScopes).sort());
  });

  test.each(operations)(
    "%s %s: a key without its scopes is refused before sending",
    async (method, path, id) => {
      const groups = scopeGroups(id);
      // A key with every scope of the spec except the ones this operation accepts in its first group.
      const scopes = allScopes.filter((scope) => !(groups[0] ?? []).includes(scope));
      const client = createInstantlyClient({
        apiKey: "sk_scoped",
        baseUrl: server.baseUrl,
        scopes,
        retry: false,
      });
      server.route(`${method} ${path.replace(/\{[^}]+\}/g, "x1")}`, (_, response) => json(response, 200, {}));
      const outcome = await call(client, method, path).then(
        () => undefined,
        (error: unknown) => error,
      );
      if (groups.length === 0) {
        // Nothing documented: the API decides, so the call is sent.
        expect(outcome).toBeUndefined();
        expect(server.requests).toHaveLength(1);
        return;
      }
      expect(outcome).toBeInstanceOf(InstantlyScopeError);
      const error = outcome as InstantlyScopeError;
      expect(error.kind).toBe("scope");
      expect(error.operation).toBe(id);
      expect(error.requiredScopes).toEqual(groups);
      expect(error.message).toContain(id);
      for (const scope of groups[0] ?? []) expect(error.message).toContain(scope);
      expect(error.message).not.toContain("sk_scoped");
      expect(JSON.stringify(error)).not.toContain("sk_scoped");
      expect(server.requests).toHaveLength(0);
    },
  );

  test.each(operations.filter(([, , id]) => scopeGroups(id).length > 0))(
    "%s %s: a key with one accepted scope of each group is sent",
    async (method, path, id) => {
      const scopes = scopeGroups(id).map((group) => group[0] as Scope);
      expect(scopesAllow(scopes, id)).toBe(true);
      const client = createInstantlyClient({
        apiKey: "sk_scoped",
        baseUrl: server.baseUrl,
        scopes,
        retry: false,
      });
      server.route(`${method} ${path.replace(/\{[^}]+\}/g, "x1")}`, (_, response) => json(response, 200, {}));
      await call(client, method, path);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]?.headers.authorization).toBe("Bearer sk_scoped");
    },
  );

  test("paginate is checked too, before the first page", async () => {
    const client = createInstantlyClient({
      apiKey: "sk_scoped",
      baseUrl: server.baseUrl,
      scopes: [],
      retry: false,
    });
    const listed = Object.entries(operationIds).find(
      ([path, methods]) => methods.GET && path === "/api/v2/campaigns",
    );
    expect(listed).toBeDefined();
    const pages = paginate(client, "/api/v2/campaigns" as never, {} as never);
    await expect(pages[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(InstantlyScopeError);
    expect(server.requests).toHaveLength(0);
  });

  test("without `scopes` nothing is checked: the API decides", async () => {
    const client = createInstantlyClient({ apiKey: "sk_scoped", baseUrl: server.baseUrl, retry: false });
    server.route("POST /api/v2/lead-labels", (_, response) => json(response, 200, {}));
    await call(client, "POST", "/api/v2/lead-labels");
    expect(server.requests).toHaveLength(1);
  });

  test.each([
    ["a string", "leads:read"],
    ["numbers", [1, 2]],
    ["null", null],
  ])("refused up front: scopes as %s", (_, scopes) => {
    expect(() => createInstantlyClient({ apiKey: "sk_x", scopes: scopes as never })).toThrow(
      /^createInstantlyClient: `scopes` must be an array of scope names$/,
    );
  });
});
