// `pnpm contract:check --only getCampaign` against a hostile server (node:http on 127.0.0.1): every way the
// list that gives getCampaign its id can misbehave. The list is called but not asked for, so what it did
// must still show: an error or drift there is reported (and exits 1) — not hidden behind "getCampaign:
// skipped" and exit 0, which says "everything matched". And whatever id the list answers, every request
// stays on the operations' paths, and the key (echoed back in every way) is never printed.
// Needs `pnpm build` (the client and zod packages); plans from the repository's locked spec.
import { execFile } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { validCampaignBody, validWebhookBody } from "@instantly-kit/test-support/valid-bodies";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CLI } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const KEY = "sk_live_hostile_LIST.key%7";

const campaign = (id: string) => validCampaignBody({ id });

type Answer = (request: IncomingMessage, response: ServerResponse) => void;
const send =
  (status: number, body: string | undefined, headers: Record<string, string> = {}): Answer =>
  (_, response) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(body);
  };
const auth = (request: IncomingMessage) => request.headers.authorization ?? "";

let listAnswer: Answer = send(200, JSON.stringify({ items: [] }));
let webhookAnswer: Answer | undefined;
const requests: string[] = [];
const server = createServer((request, response) => {
  const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
  requests.push(path);
  if (path === "/api/v2/campaigns") return listAnswer(request, response);
  if (path === "/api/v2/webhooks" && webhookAnswer) return webhookAnswer(request, response);
  const id = /^\/api\/v2\/campaigns\/([^/]+)$/.exec(path)?.[1];
  // A detail call for the key itself (a list that answered it as an id) is a 404 echoing the path and the key.
  if (id && decodeURIComponent(id) === KEY)
    return send(
      404,
      JSON.stringify({
        statusCode: 404,
        error: "Not Found",
        message: `no campaign at ${request.url} (${auth(request)})`,
      }),
      { "x-path": request.url ?? "" },
    )(request, response);
  if (id) return send(200, JSON.stringify(campaign(decodeURIComponent(id))))(request, response);
  send(200, JSON.stringify({ items: [] }))(request, response);
});
let baseUrl: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function contractCheck(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, "contract-check", "--base-url", baseUrl, "--api-key-env", "HOSTILE_KEY", ...args],
      {
        cwd: ROOT,
        env: { ...process.env, INSTANTLY_KIT_ROOT: ROOT, HOSTILE_KEY: KEY },
        timeout: 240_000,
        maxBuffer: 1 << 24,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

interface Report {
  summary: { ok: number; drift: number; skipped: number; error: number };
  operations: { operationId: string; result: string; reason?: string; violations?: { path: string }[] }[];
}

// What the list answers, and what the report must then say about listCampaign and getCampaign.
const misbehaviours: [string, Answer, { list?: string; get: string; exit: number; reason?: RegExp }][] = [
  [
    "a 500",
    send(500, JSON.stringify({ statusCode: 500, error: "Internal", message: "boom" })),
    { list: "error", get: "skipped", exit: 1, reason: /listCampaign failed/ },
  ],
  [
    "a 401 echoing the key in its body and headers",
    (request, response) =>
      send(
        401,
        JSON.stringify({
          statusCode: 401,
          error: "Unauthorized",
          message: `bad key ${auth(request).slice(7)}`,
        }),
        { "www-authenticate": auth(request), "x-echo": encodeURIComponent(auth(request)) },
      )(request, response),
    { list: "error", get: "skipped", exit: 1 },
  ],
  [
    "a 200 whose body is not JSON (and holds the key)",
    (request, response) => send(200, `{"items": [ ${auth(request)}`)(request, response),
    { list: "error", get: "skipped", exit: 1 },
  ],
  [
    "a 200 HTML page",
    send(200, "<html>maintenance</html>", { "content-type": "text/html" }),
    { list: "error", get: "skipped", exit: 1 },
  ],
  ["a 204 where a list was promised", send(204, undefined), { list: "drift", get: "skipped", exit: 1 }],
  ["an object that is not a list", send(200, "{}"), { list: "drift", get: "skipped", exit: 1 }],
  [
    "a first item without an id (`__proto__` and `constructor` keys instead)",
    send(200, '{"items":[{"__proto__":{"id":"c1"},"constructor":{"prototype":{"id":"c2"}}}]}'),
    { list: "drift", get: "skipped", exit: 1, reason: /has no `id`$/ },
  ],
  [
    'a first id of ".."',
    send(200, JSON.stringify({ items: [campaign("..")] })),
    { get: "error", exit: 1, reason: /path parameter `id` is "\.\."/ },
  ],
  [
    'a first id of "."',
    send(200, JSON.stringify({ items: [campaign(".")] })),
    { get: "error", exit: 1, reason: /path parameter `id` is "\."/ },
  ],
  [
    "a first id that is the key itself (the detail call then answers 404 echoing its path)",
    send(200, JSON.stringify({ items: [campaign(KEY)] })),
    { get: "error", exit: 1, reason: /404/ },
  ],
  // The control rows: ids that are odd but one segment are called; an empty list is an honest skip.
  [
    "a first id with /, ?, # and %",
    send(200, JSON.stringify({ items: [campaign("a/../b?c=d#e%2e%2e")] })),
    { get: "ok", exit: 0 },
  ],
  ["an empty list", send(200, JSON.stringify({ items: [] })), { get: "skipped", exit: 0 }],
];

describe("contract:check --only getCampaign: the list it needs misbehaves", () => {
  test.each(misbehaviours)("%s", async (_, answer, want) => {
    listAnswer = answer;
    requests.length = 0;
    const run = await contractCheck(["--only", "getCampaign", "--json"]);
    expect(run.code, run.stderr).toBe(want.exit);
    const report = JSON.parse(run.stdout) as Report;
    const results = Object.fromEntries(report.operations.map((op) => [op.operationId, op.result]));
    expect(results).toEqual({ ...(want.list ? { listCampaign: want.list } : {}), getCampaign: want.get });
    const get = report.operations.find((op) => op.operationId === "getCampaign");
    if (want.reason) expect(get?.reason).toMatch(want.reason);
    // Every request stayed on the two operations' paths: the list, or one segment under it.
    for (const path of requests) expect(path).toMatch(/^\/api\/v2\/campaigns(\/[^/]+)?$/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);
    expect(`${run.stdout}${run.stderr}`).not.toContain(encodeURIComponent(KEY));
  });

  test("the text report shows the list's failure too, and the key is not in it", async () => {
    listAnswer = (request, response) =>
      send(401, JSON.stringify({ statusCode: 401, error: "Unauthorized", message: `key ${auth(request)}` }))(
        request,
        response,
      );
    const run = await contractCheck(["--only", "getCampaign"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ERROR listCampaign \(GET \/api\/v2\/campaigns\): .*401/m);
    expect(run.stdout).toMatch(
      /^getCampaign +\/api\/v2\/campaigns\/\{id\} +SKIP \(no id for `\{id\}`: listCampaign failed\)$/m,
    );
    expect(run.stdout).toMatch(/\n0 OK, 0 drift, 1 error, 1 skipped \(2 GET operations\)\n$/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);
  });
});

// A list that answers more than any page can hold — an endless body at full speed, or a Content-Length of
// gigabytes — must fail that operation, not fill the process's memory for the client's whole deadline (30 s per
// attempt, 3 attempts: gigabytes over a fast link). The server counts what it managed to write: a bounded amount.
const MiB = 1024 * 1024;
let written = 0;
/** Writes `chunk` as fast as the socket takes it until the client goes away (or `total` bytes). */
const flood =
  (headers: Record<string, string>, chunk: string, total = Number.POSITIVE_INFINITY): Answer =>
  (_, response) => {
    response.writeHead(200, { "content-type": "application/json", ...headers });
    const bytes = Buffer.from(chunk.repeat(Math.ceil(MiB / chunk.length)));
    let left = total;
    const pump = () => {
      while (left > 0 && !response.destroyed) {
        const part = left >= bytes.length ? bytes : bytes.subarray(0, left);
        left -= part.length;
        written += part.length;
        if (!response.write(part)) return void response.once("drain", pump);
      }
      if (left <= 0) response.end();
    };
    response.write('{"items":[');
    pump();
  };

describe("contract:check: a body larger than any page fails the operation, and is not read to the end", () => {
  test.each<[string, Answer]>([
    ["an endless chunked list", flood({}, JSON.stringify(campaign("c1")).concat(","))],
    [
      "a declared 8 GiB list",
      flood({ "content-length": String(8 * 1024 * MiB) }, JSON.stringify(campaign("c1")).concat(",")),
    ],
    ["an endless string", flood({}, "x")],
  ])(
    "%s",
    async (_, answer) => {
      listAnswer = answer;
      written = 0;
      const run = await contractCheck(["--only", "listCampaign", "--json"]);
      expect(run.code, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout) as Report;
      expect(report.operations).toEqual([
        expect.objectContaining({
          operationId: "listCampaign",
          result: "error",
          reason: expect.stringMatching(/response body is larger than \d+ MiB/),
        }),
      ]);
      // One attempt (a body too large is not retried), stopped at the cap (32 MiB) give or take what the sockets buffer.
      expect(written).toBeLessThan(64 * MiB);
    },
    200_000,
  );
});

// A list that redirects to another origin (another port, another host name): fetch follows the redirect, and the
// key must stay behind — the other server sees no Authorization header and nothing else holding the key, whatever
// the redirect's status. (undici drops Authorization on a cross-origin redirect; the check must not add it back,
// e.g. through a fetch of its own.)
describe("contract:check: a redirect to another origin does not take the key there", () => {
  const elsewhere: IncomingMessage["headers"][] = [];
  const other = createServer((request, response) => {
    elsewhere.push(request.headers);
    send(200, JSON.stringify({ items: [campaign("c1")] }))(request, response);
  });
  let otherPort: number;
  beforeAll(async () => {
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    otherPort = (other.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

  test.each([
    ...[301, 302, 303, 307, 308].map((status) => [status, "127.0.0.1"] as const),
    [302, "localhost"] as const,
  ])("%i to %s, another port", async (status, host) => {
    listAnswer = (_, response) => {
      response.writeHead(status, { location: `http://${host}:${otherPort}/api/v2/campaigns` });
      response.end();
    };
    elsewhere.length = 0;
    const run = await contractCheck(["--only", "listCampaign", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as Report).operations).toEqual([
      expect.objectContaining({ operationId: "listCampaign", result: "ok" }),
    ]);
    expect(elsewhere).toHaveLength(1);
    expect(elsewhere[0]?.authorization).toBeUndefined();
    expect(JSON.stringify(elsewhere)).not.toContain(KEY);
    expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);
  });
});

// Characters that end a line or drive a terminal, as a server can put them in a map key (a violation's path) or
// an unknown enum value (its `got`): JSON.stringify escapes C0 controls but not C1 controls (U+0085 NEL is a
// line break, U+009B is CSI) nor U+2028/U+2029. The text report must keep each violation on one line.
const BREAKERS = ["\u0085", "\u009b31m", "\u2028", "\u2029", "\u001b[2J", "\r", "\n"];

describe("contract:check text report: a server's strings cannot break its lines", () => {
  test.each(
    BREAKERS.map((breaker) => [`U+${(breaker.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`, breaker]),
  )("%s", async (_, breaker) => {
    const webhook = validWebhookBody({
      id: "w1",
      event_type: `lead${breaker}x`,
      headers: { [`x${breaker}y`]: 1 },
    });
    const answer = send(200, JSON.stringify({ items: [webhook] }));
    try {
      webhookAnswer = answer;
      const run = await contractCheck(["--only", "listWebhook"]);
      expect(run.code, run.stderr).toBe(1);
      const lines = run.stdout.split("\n");
      const breaks = (line: string) =>
        [...line].some((char) => {
          const code = char.codePointAt(0) ?? 0;
          return (
            (code < 0x20 && code !== 0x09) ||
            (code >= 0x7f && code <= 0x9f) ||
            code === 0x2028 ||
            code === 0x2029
          );
        });
      expect(lines.filter(breaks)).toEqual([]);
      // The drift block: its header, then one line per violation, each starting with its JSON path.
      const start = lines.findIndex((line) => line.startsWith("DRIFT listWebhook"));
      const block = lines.slice(start + 1, lines.indexOf("", start));
      expect(block.length).toBeGreaterThanOrEqual(2);
      for (const line of block)
        expect(line).toMatch(/^ {2}\$\.items\[0\]\.(event_type|headers\[".*"\]): expected /);
    } finally {
      webhookAnswer = undefined;
    }
  });
});

// A page whose every map key breaks the schema is as many violations: the text report lists the first 50 of a
// drift and counts the rest (a CI log is not flooded), and `--json` keeps every one.
describe("contract:check text report: a drift with thousands of violations stays a few lines", () => {
  test("5000 keys of a webhook's headers, each with a number where a string is expected", async () => {
    const headers = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`x-${i}`, i]));
    webhookAnswer = send(200, JSON.stringify({ items: [validWebhookBody({ id: "w1", headers })] }));
    try {
      const text = await contractCheck(["--only", "listWebhook"]);
      expect(text.code, text.stderr).toBe(1);
      const lines = text.stdout.split("\n");
      const start = lines.findIndex((line) => line.startsWith("DRIFT listWebhook"));
      const block = lines.slice(start + 1, lines.indexOf("", start));
      expect(block).toHaveLength(51);
      expect(block.at(-1)).toBe("  … 4950 more violations (--json lists them all)");
      expect(text.stdout).toContain("5000 violations");
      const json = await contractCheck(["--only", "listWebhook", "--json"]);
      const report = JSON.parse(json.stdout) as Report;
      const listed = report.operations.find((operation) => operation.operationId === "listWebhook");
      expect(listed?.violations).toHaveLength(5000);
    } finally {
      webhookAnswer = undefined;
    }
  });
});
