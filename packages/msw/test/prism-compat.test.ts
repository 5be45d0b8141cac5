// Issue 10, "beyond Prism": what users of Stoplight Prism expect from a mock server — `Prefer: code=<status>`
// picks a documented response; a known path with the wrong method is 405 with `Allow`. Over real HTTP, for
// every operation of the spec.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { operationSpecs } from "../src/index.js";
import { type MockServer, startMockServer } from "../src/node.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0 });
});
afterAll(() => server.close());

const specs = Object.values(operationSpecs);
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, "x1");

describe("Prefer: code=<status>", () => {
  const cases = specs.flatMap((spec) =>
    Object.keys(spec.errors).map((status) => ({
      id: spec.operationId,
      method: spec.method,
      path: spec.path,
      status: Number(status),
    })),
  );

  test.each(cases)("$id answers its documented $status", async ({ id, method, path, status }) => {
    const response = await fetch(`${server.url}${concrete(path)}`, {
      method,
      headers: { prefer: `code=${status}`, "content-type": "application/json" },
      ...(method === "GET" ? {} : { body: "{}" }),
    });
    expect(response.status).toBe(status);
    const body = await response.json();
    const documented = (
      operationSpecs[id as keyof typeof operationSpecs].errors as Record<number, () => unknown>
    )[status]?.();
    expect(body).toEqual(documented);
  });

  test("an undocumented status is refused with 400 naming the documented ones", async () => {
    const spec = operationSpecs.listCampaign;
    const response = await fetch(`${server.url}${spec.path}`, { headers: { prefer: "code=418" } });
    expect(response.status).toBe(400);
    const { message } = await response.json();
    expect(message).toContain("Prefer: code=418 is not a documented response of listCampaign");
    for (const status of [spec.status, ...Object.keys(spec.errors)])
      expect(message).toContain(String(status));
  });

  test("the success status, or no code, is the normal answer", async () => {
    for (const prefer of ["code=200", "dynamic=true", "dynamic=false", "unknown=1"]) {
      const response = await fetch(`${server.url}/api/v2/campaigns`, { headers: { prefer } });
      expect(response.status).toBe(200);
    }
  });
});

describe("405 Method Not Allowed", () => {
  // Every template that matches a concrete URL counts: `/campaigns/{id}` also matches `/campaigns/search`.
  const templates = specs.map((spec) => ({
    method: spec.method,
    pattern: new RegExp(
      `^${spec.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+")}$`,
    ),
  }));
  const methodsAt = (url: string) =>
    new Set<string>(templates.filter((t) => t.pattern.test(url)).map((t) => t.method));
  const cases = [...new Set(specs.map((spec) => concrete(spec.path)))].flatMap((url) => {
    const methods = methodsAt(url);
    const wrong = ["PUT", "PATCH", "DELETE", "POST", "GET"].find((m) => !methods.has(m));
    return wrong ? [{ url, wrong, methods: [...methods].sort() }] : [];
  });

  test.each(cases)("$wrong $url → 405, Allow: $methods", async ({ url, wrong, methods }) => {
    const response = await fetch(`${server.url}${url}`, { method: wrong });
    expect(response.status).toBe(405);
    const allow = (response.headers.get("allow") ?? "").split(", ");
    const expected = new Set([...methods, "OPTIONS", ...(methods.includes("GET") ? ["HEAD"] : [])]);
    expect(allow.sort()).toEqual([...expected].sort());
    expect(await response.json()).toMatchObject({ statusCode: 405, error: "Method Not Allowed" });
  });

  test("an unknown path is still 404", async () => {
    const response = await fetch(`${server.url}/api/v2/no-such-resource`, { method: "DELETE" });
    expect(response.status).toBe(404);
  });
});
