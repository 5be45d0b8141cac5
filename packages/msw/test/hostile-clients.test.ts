// The mock server (in-process, on 127.0.0.1, so the test can look at the process's own objects) against clients
// that send prototype keys, stall mid-body, or all write at once: nothing leaks into other requests or objects.
import { once } from "node:events";
import { connect } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MockServer, startMockServer } from "../src/node.js";
import { json, raw } from "./cli.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, onIgnoredFilter: "off" });
});
beforeEach(() => server.api?.reset());
afterAll(() => server.close());

const LABEL = { label: "Plain", interest_status_label: "positive" };

describe("prototype keys in bodies and query strings", () => {
  const keys = ["__proto__", "constructor", "prototype"];
  it.each(keys)(
    "%s as a body property, nested in a free-form object, and as a query parameter",
    async (key) => {
      const payload = { [key]: { polluted: "yes", status: 99 } };
      const bodies = [
        `{"label":"A","interest_status_label":"positive","${key}":{"polluted":"yes"}}`,
        JSON.stringify({ email: "proto@example.com", custom_variables: payload }),
      ];
      await raw(server.url, {
        method: "POST",
        path: "/api/v2/lead-labels",
        headers: { "content-type": "application/json" },
        body: bodies[0],
      });
      await raw(server.url, {
        method: "POST",
        path: "/api/v2/leads",
        headers: { "content-type": "application/json" },
        body: bodies[1],
      });
      const listed = await json(
        server.url,
        "GET",
        `/api/v2/lead-labels?${key}=x&${key}[polluted]=yes&limit=5`,
      );
      expect(listed.status).toBe(200);
      const created = await json(server.url, "POST", "/api/v2/lead-labels", LABEL);
      expect(created.status).toBe(200);
      expect(Object.keys(created.json)).not.toContain("polluted");
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).status).toBeUndefined();
      for (const item of server.api?.store.list("lead-labels") ?? []) {
        expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
        expect((item as Record<string, unknown>).polluted).toBeUndefined();
      }
    },
  );
});

describe("a client that stalls mid-body", () => {
  it("holds neither other clients nor close()", async () => {
    const own = await startMockServer({ port: 0 });
    const socket = connect(own.port, "127.0.0.1");
    socket.on("error", () => {});
    socket.write(
      'POST /api/v2/lead-labels HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"la',
    );
    try {
      for (let index = 0; index < 5; index++) {
        const created = await json(own.url, "POST", "/api/v2/lead-labels", { ...LABEL, label: `L${index}` });
        expect(created.status).toBe(200);
      }
      // The stalled request is still open: close() ends it instead of waiting for its body.
      const closed = once(socket, "close");
      await own.close();
      await closed;
    } finally {
      socket.destroy();
    }
  });
});

describe("many clients at once", () => {
  it("200 concurrent creates get 200 distinct ids, each listed exactly once; concurrent deletes remove each once", async () => {
    const created = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        json(server.url, "POST", "/api/v2/lead-labels", { ...LABEL, label: `C${index}` }),
      ),
    );
    expect(created.map((answer) => answer.status)).toEqual(created.map(() => 200));
    const ids = created.map((answer) => answer.json.id as string);
    expect(new Set(ids).size).toBe(200);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await json(
        server.url,
        "GET",
        `/api/v2/lead-labels?limit=100${cursor ? `&starting_after=${cursor}` : ""}`,
      );
      seen.push(...page.json.items.map((item: { id: string }) => item.id));
      cursor = page.json.next_starting_after;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());
    const deletes = await Promise.all(
      [...ids, ...ids].map((id) => json(server.url, "DELETE", `/api/v2/lead-labels/${id}`)),
    );
    expect(deletes.filter((answer) => answer.status === 200)).toHaveLength(200);
    expect(deletes.filter((answer) => answer.status === 404)).toHaveLength(200);
    expect(server.api?.store.list("lead-labels")).toEqual([]);
  });
});
