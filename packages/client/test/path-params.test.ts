// Path parameter values that would not stay one segment of the operation's path. openapi-fetch puts
// `encodeURIComponent(value)` in place of `{id}`, and URL parsing then resolves dot segments: an id of ".."
// turns `GET /api/v2/lead-labels/{id}` into `GET /api/v2/`, "." and "" into the list at
// `/api/v2/lead-labels/`, and a missing value leaves `{id}` itself in the URL. Ids come from servers too
// (`pnpm contract:check` calls detail operations with the ids its lists answered), so every value is either
// sent as exactly one segment that decodes back to it, or rejected before anything is sent.
import { startServer, type TestServer } from "@instantly-kit/test-support/http-server";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createInstantlyClient, type InstantlyClient } from "../src/index.js";

const KEY = "sk_live_path_params_KEY.7";
let server: TestServer;
let client: InstantlyClient;
beforeAll(async () => {
  server = await startServer();
  client = createInstantlyClient({ apiKey: KEY, baseUrl: server.baseUrl, retry: false });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

type Call = (id: unknown) => Promise<unknown>;

// One operation per shape: a GET, a DELETE (what a dot segment would send to another resource), and a
// path with two parameters (each checked).
const calls: [string, string, Call][] = [
  [
    "GET /api/v2/lead-labels/{id}",
    "/api/v2/lead-labels/",
    (id) => client.GET("/api/v2/lead-labels/{id}", { params: { path: { id: id as string } } }),
  ],
  [
    "DELETE /api/v2/campaigns/{id}",
    "/api/v2/campaigns/",
    (id) => client.DELETE("/api/v2/campaigns/{id}", { params: { path: { id: id as string } } }),
  ],
  [
    "GET /api/v2/ai-agents/inbox-manager/{id}/replies/{reply_id} (second parameter)",
    "/api/v2/ai-agents/inbox-manager/agent-1/replies/",
    (id) =>
      client.request(
        "get",
        "/api/v2/ai-agents/inbox-manager/{id}/replies/{reply_id}" as never,
        {
          params: { path: { id: "agent-1", reply_id: id } },
        } as never,
      ),
  ],
];

/** Either exactly one request, on the operation's path with the value as its own last segment, or none. */
async function sendOrRefuse(call: Call, id: unknown) {
  server.reset();
  // Unrouted paths answer 404 (an error result, not a throw): every request that reached the socket is recorded.
  let error: unknown;
  try {
    await call(id);
  } catch (thrown) {
    error = thrown;
  }
  return { error, requests: server.requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`) };
}

describe("a path parameter is one segment of the operation's path, or nothing is sent", () => {
  // Values that cannot be one segment: refused, with one line naming the parameter.
  const refused: [string, unknown][] = [
    ["..", ".."],
    [".", "."],
    ["empty", ""],
    ["missing", undefined],
    ["null", null],
  ];
  for (const [name, , call] of calls) {
    test.each(refused)(`${name}: %s is refused before anything is sent`, async (_, id) => {
      const { error, requests } = await sendOrRefuse(call, id);
      expect(requests).toEqual([]);
      expect(error).toBeInstanceOf(TypeError);
      expect(String((error as Error).message)).toMatch(/path parameter `(id|reply_id)`/);
      expect((error as Error).message.split("\n")).toHaveLength(1);
      expect((error as Error).message).not.toContain(KEY);
    });
  }

  // Everything else is sent as one segment that decodes back to the value: separators, dots that are not a
  // whole segment, percent signs (never decoded twice), encoded dots, spaces, non-ASCII.
  const hazardous = [
    "a/b",
    "../x",
    "../../api/v2/workspaces/current",
    "..%2F",
    "%2e%2e",
    "%2E",
    ".%2e",
    "...",
    ".a",
    "a.",
    "?",
    "a?b=c",
    "#",
    "a#b",
    "%",
    "%25",
    "%zz",
    "\\..",
    " ",
    "a b",
    "é",
    "🙂",
    ";",
    "a;b=c",
    "@",
    "//evil.example",
    "http://evil.example/",
    "0",
    "-1",
  ];
  // A seeded fuzz over the same alphabet: every mix of the characters URL parsing treats specially.
  const alphabet = [".", "/", "\\", "%", "2", "e", "E", "?", "#", ";", ":", "@", " ", "a", "%2e", "%2f"];
  let seed = 12;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const fuzzed = Array.from({ length: 60 }, () =>
    Array.from(
      { length: 1 + Math.floor(random() * 5) },
      () => alphabet[Math.floor(random() * alphabet.length)],
    ).join(""),
  );
  const values = [...new Set([...hazardous, ...fuzzed])].filter((v) => v !== "" && v !== "." && v !== "..");

  for (const [name, prefix, call] of calls) {
    test(`${name}: ${values.length} other values each land on the operation's own path`, async () => {
      const wrong: string[] = [];
      for (const id of values) {
        const { error, requests } = await sendOrRefuse(call, id);
        const [request] = requests;
        const method = name.split(" ")[0];
        const pathname = request?.split(" ")[1] ?? "";
        const segment = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : undefined;
        const ok =
          error === undefined &&
          requests.length === 1 &&
          request?.startsWith(`${method} `) &&
          segment !== undefined &&
          !segment.includes("/") &&
          !pathname.includes("?") &&
          decodeURIComponent(segment) === id;
        if (!ok) wrong.push(`${JSON.stringify(id)} → ${requests.join(", ") || String(error)}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
