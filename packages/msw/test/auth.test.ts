// Issue 10, auth in the mocks: with `apiKeys`, every operation answers 401 without a known key and 403 when
// the key lacks its scopes — over real HTTP (startMockServer on 127.0.0.1, and the CLI's --api-key).
import { type OperationId, operationScopes, scopeGroups } from "@instantly-kit/types";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMockApi, operationSpecs } from "../src/index.js";
import { type MockServer, startMockServer } from "../src/node.js";
import { runCli, startCli } from "./cli.js";

const FULL = "sk_full_key";
const NONE = "sk_no_scopes";
const allScopes = [...new Set(Object.values(operationScopes).flat())];

const operations = Object.values(operationSpecs).map((spec) => ({
  id: spec.operationId as OperationId,
  method: spec.method,
  // Any value for each path parameter: auth is decided before the item is looked up.
  path: spec.path.replace(/\{[^}]+\}/g, "x1"),
  body: spec.requestBody,
}));

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, apiKeys: { [FULL]: allScopes, [NONE]: [] } });
});
afterAll(() => server.close());

async function send(operation: (typeof operations)[number], key: string | undefined) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key !== undefined) headers.authorization = `Bearer ${key}`;
  const response = await fetch(`${server.url}${operation.path}`, {
    method: operation.method,
    headers,
    ...(operation.body ? { body: "{}" } : {}),
  });
  const text = await response.text();
  return { status: response.status, text };
}

describe("startMockServer({ apiKeys }): the 401/403 matrix over every operation", () => {
  test.each(operations)("$method $path ($id)", async (operation) => {
    const missing = await send(operation, undefined);
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.text)).toEqual({
      statusCode: 401,
      error: "Unauthorized",
      message: expect.stringContaining("Authorization"),
    });

    const unknown = await send(operation, "sk_unknown_key");
    expect(unknown.status).toBe(401);
    expect(unknown.text).not.toContain("sk_unknown_key");

    const none = await send(operation, NONE);
    const documented = scopeGroups(operation.id).length > 0;
    if (documented) {
      expect(none.status).toBe(403);
      const body = JSON.parse(none.text) as { statusCode: number; error: string; message: string };
      expect(body).toMatchObject({ statusCode: 403, error: "Forbidden" });
      expect(body.message).toContain(operation.id);
      expect(none.text).not.toContain(NONE);
    } else {
      expect([401, 403]).not.toContain(none.status);
    }

    const full = await send(operation, FULL);
    expect([401, 403]).not.toContain(full.status);
  });
});

describe("least privilege: one accepted scope of each group is enough, and nothing less", () => {
  const scoped = operations.filter((operation) => scopeGroups(operation.id).length > 0);
  // One server for the whole table: per operation, a key with exactly one scope of each group and one short of it.
  const exactScopes = (id: OperationId) => scopeGroups(id).map((group) => group[0] as string);
  let local: MockServer;
  beforeAll(async () => {
    const apiKeys = Object.fromEntries(
      scoped.flatMap(({ id }) => [
        [`exact-${id}`, exactScopes(id)],
        [`short-${id}`, exactScopes(id).slice(1)],
      ]),
    );
    local = await startMockServer({ port: 0, apiKeys });
  });
  afterAll(() => local.close());

  test.each(scoped)("$method $path ($id)", async (operation) => {
    const answer = (key: string) =>
      fetch(`${local.url}${operation.path}`, {
        method: operation.method,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        ...(operation.body ? { body: "{}" } : {}),
      }).then((response) => response.status);
    expect([401, 403]).not.toContain(await answer(`exact-${operation.id}`));
    expect(await answer(`short-${operation.id}`)).toBe(403);
  });
});

describe("apiKeys option", () => {
  test.each([
    ["an array", ["sk"]],
    ["scopes not an array", { sk: "leads:read" }],
    ["a key with a space", { "sk x": [] }],
  ])("refused: %s", (_, apiKeys) => {
    expect(() => createMockApi({ apiKeys: apiKeys as never })).toThrow(/^apiKeys/);
  });

  test("without apiKeys every request is answered (as before)", async () => {
    const open = await startMockServer({ port: 0 });
    try {
      const response = await fetch(`${open.url}/api/v2/campaigns`);
      expect(response.status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe("pnpm mock:serve --api-key", () => {
  test("keys and scopes from the command line: 401, 403, 200", async () => {
    const cli = await startCli(["--api-key", "sk_reader=campaigns:read", "--api-key", "sk_nothing="]);
    try {
      expect(cli.output()).toContain("2 API key(s) checked");
      const get = (key?: string) =>
        fetch(`${cli.url}/api/v2/campaigns`, key ? { headers: { authorization: `Bearer ${key}` } } : {});
      expect((await get()).status).toBe(401);
      expect((await get("sk_nothing")).status).toBe(403);
      expect((await get("sk_reader")).status).toBe(200);
    } finally {
      cli.child.kill("SIGTERM");
    }
  });

  test.each([
    [["--api-key", "no-equals-sign"], /--api-key #1 must be <key>=<scope>,<scope>/],
    [["--api-key", "=leads:read"], /--api-key #1 must be <key>=<scope>,<scope>/],
    [["--api-key", "sk_secret_value=not a scope"], /--api-key #1: scopes are <resource>:<action>/],
    [["--api-key", "sk_a=leads:read", "--api-key", "sk_a=all:all"], /--api-key #2 repeats an earlier key/],
  ])("refused in one line: %j", async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain("sk_secret_value");
  });
});
