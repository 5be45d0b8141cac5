// Issue 8 §2–3: every way a server can misbehave, as one table run against a real node:http server on
// 127.0.0.1. Each row says what the server does (per attempt) and what the caller must get: a result or a
// documented error kind, how many requests reached the server, and — for every row — no API key anywhere in
// what the caller can print (message, stack, toJSON, util.inspect with the cause chain, headers, URL).
//
// Timing: rows whose server never finishes use `STALL_TIMEOUT_MS` — the outcome (a timeout) does not depend on the
// machine's speed, and the request has reached the server by then. Rows where a later attempt must succeed use a
// generous one.
import type { ServerResponse } from "node:http";
import {
  json,
  type RecordedRequest,
  STALL_TIMEOUT_MS,
  startServer,
  type TestServer,
} from "@instantly-kit/test-support/http-server";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createInstantlyClient, REDACTED } from "../src/index.js";
import { printable, type Result } from "./leak.js";

// Valid in a header value, and full of regex metacharacters, JSON escapes and URL-special characters.
const API_KEY = `sk_live_$1.*+?^{}()|[]\\/"'<>~%41&=#x`;
const fastRetry = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 };
const GENEROUS_TIMEOUT_MS = 4000; // a later attempt must finish in time, even on a loaded CI box

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const campaign = { id: "c1", name: "Campaign c1" };
const okBody = JSON.stringify(campaign);

type Respond = (request: RecordedRequest, response: ServerResponse) => void;

/** Headers (and maybe a first slice of the body) now, the rest never. */
const stallBody: Respond = (_, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": String(okBody.length) });
  res.write(okBody.slice(0, 5));
};
const stallHeaders: Respond = () => {};
/** Part of the body, then the socket is reset (RST) or closed (FIN) once that part is on the wire. */
const cutBody =
  (how: "reset" | "close", headers: Record<string, string> = {}): Respond =>
  (_, res) => {
    res.writeHead(200, { "content-type": "application/json", ...headers });
    res.write(okBody.slice(0, 5), () =>
      how === "reset" ? res.socket?.resetAndDestroy() : res.socket?.destroy(),
    );
  };
const resetBeforeHeaders: Respond = (_, res) => void res.socket?.resetAndDestroy();
/** Bytes written straight to the socket: framing node:http would refuse to produce. */
const raw =
  (text: string): Respond =>
  (_, res) =>
    res.socket?.end(text);
const ok: Respond = (_, res) => json(res, 200, campaign);
const echo = (request: RecordedRequest) => request.headers.authorization ?? "";
/** The key written with JSON \u escapes: raw bytes never contain it, the parsed string does. */
const escaped = (text: string) =>
  [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");

/** A 200 JSON body of exactly `bytes` bytes, and the data it holds. */
function sized(bytes: number) {
  const empty = JSON.stringify({ ...campaign, name: "" }).length;
  const data = { ...campaign, name: "x".repeat(bytes - empty) };
  return { data, text: JSON.stringify(data) };
}
const LIMIT = 4096;
const atLimit = sized(LIMIT);
/** `text` with a Content-Length, or chunked in two writes (no length: only counting the bytes finds the size). */
const sizedBody =
  (text: string, framing: "content-length" | "chunked"): Respond =>
  (_, res) => {
    if (framing === "content-length") return json(res, 200, JSON.parse(text));
    res.writeHead(200, { "content-type": "application/json" });
    res.write(text.slice(0, 10));
    res.end(text.slice(10));
  };
/** A JSON list that never ends, written as fast as the socket takes it until the client goes away. */
const endless =
  (headers: Record<string, string> = {}): Respond =>
  (_, res) => {
    res.writeHead(200, { "content-type": "application/json", ...headers });
    const chunk = Buffer.from(`${okBody},`.repeat(2000));
    const pump = () => {
      while (!res.destroyed) if (!res.write(chunk)) return void res.once("drain", pump);
    };
    res.write('{"items":[');
    pump();
  };
/** The check of a row failed by maxResponseBytes: its message names the limit and the option, and it says so. */
const tooLarge =
  (limit: string) =>
  ({ error }: { error?: unknown }) => {
    expect((error as Error).message).toContain(`larger than ${limit} (maxResponseBytes)`);
    expect((error as { bodyTooLarge?: unknown }).bodyTooLarge).toBe(true);
  };

interface Row {
  name: string;
  method?: "GET" | "POST";
  /** What the server does on attempt 1, 2, …; the last entry repeats. */
  attempts: Respond[];
  timeoutMs?: number;
  maxResponseBytes?: number;
  retry?: typeof fastRetry & { maxRetryAfterMs?: number };
  /** The call rejects with this error kind… */
  throws?: "network" | "timeout";
  /** …or resolves with this status (and, for 2xx, this data). */
  status?: number;
  data?: unknown;
  requests: number;
  /** A fetch that replaces the real one (as the client's `fetch` or the per-call one, per run). */
  fetch?: typeof globalThis.fetch;
  /** Attempts the error reports, when not the requests the server saw (a fetch that never reaches it). */
  attemptsMade?: number;
  /** Extra checks on the result or the thrown error. */
  check?: (outcome: { result?: Result; error?: unknown }) => void;
}

const rows: Row[] = [
  // — Nothing hangs —
  {
    name: "headers, then a stalled body",
    attempts: [stallBody],
    timeoutMs: STALL_TIMEOUT_MS,
    throws: "timeout",
    requests: 3,
  },
  {
    name: "headers, then a stalled body, once",
    attempts: [stallBody, ok],
    timeoutMs: GENEROUS_TIMEOUT_MS,
    status: 200,
    data: campaign,
    requests: 2,
  },
  {
    name: "POST: headers, then a stalled body (not re-sent)",
    method: "POST",
    attempts: [stallBody],
    timeoutMs: STALL_TIMEOUT_MS,
    throws: "timeout",
    requests: 1,
  },
  {
    name: "no headers at all",
    attempts: [stallHeaders],
    timeoutMs: STALL_TIMEOUT_MS,
    throws: "timeout",
    requests: 3,
  },
  { name: "connection reset mid-body", attempts: [cutBody("reset")], throws: "network", requests: 3 },
  {
    name: "connection reset mid-body, once",
    attempts: [cutBody("reset"), ok],
    status: 200,
    data: campaign,
    requests: 2,
  },
  {
    name: "POST: connection reset mid-body (not re-sent)",
    method: "POST",
    attempts: [cutBody("reset")],
    throws: "network",
    requests: 1,
  },
  {
    name: "connection reset before the headers",
    attempts: [resetBeforeHeaders],
    throws: "network",
    requests: 3,
  },
  { name: "truncated chunked body", attempts: [cutBody("close")], throws: "network", requests: 3 },
  {
    name: "Content-Length larger than the body",
    attempts: [cutBody("close", { "content-length": "1000" })],
    throws: "network",
    requests: 3,
  },
  {
    name: "Content-Length smaller than the body (a cut JSON document)",
    attempts: [
      raw(
        `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 5\r\nconnection: close\r\n\r\n${okBody}`,
      ),
    ],
    throws: "network",
    requests: 1,
  },
  {
    name: "a status no Response can carry",
    attempts: [raw("HTTP/1.1 999 Weird\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}")],
    throws: "network",
    requests: 3,
  },
  {
    name: "200 with a body that is not JSON",
    attempts: [
      (_, res) => res.writeHead(200, { "content-type": "application/json" }).end("<html>oops</html>"),
    ],
    throws: "network",
    requests: 1,
  },
  {
    name: "200, JSON content type, empty body (Content-Length: 0)",
    attempts: [(_, res) => res.writeHead(200, { "content-type": "application/json" }).end()],
    status: 200,
    data: undefined,
    requests: 1,
  },
  {
    name: "200, JSON content type, empty chunked body",
    attempts: [
      (_, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.flushHeaders();
        res.end();
      },
    ],
    status: 200,
    data: undefined,
    requests: 1,
  },
  {
    name: "503 with a body that is not JSON, then the attempts run out",
    attempts: [(_, res) => res.writeHead(503, { "content-type": "application/json" }).end("upstream down")],
    status: 503,
    requests: 3,
    check: ({ result }) => expect(result?.error).toBe("upstream down"),
  },
  // — Retry-After —
  {
    name: "Retry-After of a year is capped at maxRetryAfterMs",
    attempts: [(_, res) => json(res, 429, {}, { "retry-after": "31536000" }), ok],
    retry: { ...fastRetry, maxRetryAfterMs: 20 },
    status: 200,
    data: campaign,
    requests: 2,
  },
  ...["Jan 1 2099", "Fri, 01 Jan 2099 00:00:00", "9999-12-31"].map(
    (header): Row => ({
      // Date.parse reads these as far-future dates: today's code waits maxRetryAfterMs (60 s, past the
      // test timeout); they are not HTTP-dates, so the (fast) backoff applies.
      name: `Retry-After "${header}" (a date only a lenient parser accepts) falls back to the backoff`,
      attempts: [(_, res) => json(res, 429, {}, { "retry-after": header }), ok],
      status: 200,
      data: campaign,
      requests: 2,
    }),
  ),
  // — The key never leaks, whatever the server says —
  {
    name: "401 whose JSON body echoes the Authorization header",
    attempts: [
      (req, res) =>
        json(res, 401, { statusCode: 401, error: "Unauthorized", message: `Invalid API key: ${echo(req)}` }),
    ],
    status: 401,
    requests: 1,
    check: ({ result }) =>
      expect(result?.error).toEqual({
        statusCode: 401,
        error: "Unauthorized",
        message: `Invalid API key: Bearer ${REDACTED}`,
      }),
  },
  {
    name: "401 whose JSON body echoes the key with \\u escapes, in nested objects, arrays and property names",
    attempts: [
      (_, res) =>
        res
          .writeHead(401, { "content-type": "application/json" })
          .end(
            `{"message":"bad key ${escaped(API_KEY)}","errors":[{"detail":{"key":"${escaped(API_KEY)}"}}],"${escaped(API_KEY)}":1}`,
          ),
    ],
    status: 401,
    requests: 1,
    check: ({ result }) =>
      expect(result?.error).toEqual({
        message: `bad key ${REDACTED}`,
        errors: [{ detail: { key: REDACTED } }],
        [REDACTED]: 1,
      }),
  },
  {
    name: "403 whose text body echoes the header",
    attempts: [
      (req, res) => res.writeHead(403, { "content-type": "text/plain" }).end(`Forbidden for ${echo(req)}`),
    ],
    status: 403,
    requests: 1,
    check: ({ result }) => expect(result?.error).toBe(`Forbidden for Bearer ${REDACTED}`),
  },
  {
    name: "401 echoing a truncated key (`Bearer sk_live_$1.*…`)",
    attempts: [(_, res) => json(res, 401, { message: `Invalid: Bearer ${API_KEY.slice(0, 12)}…` })],
    status: 401,
    requests: 1,
  },
  {
    name: "500 on a GET echoing the key in text, until the attempts run out",
    attempts: [(req, res) => res.writeHead(500).end(`crash: ${echo(req)}`)],
    status: 500,
    requests: 3,
  },
  {
    name: "POST 400 echoing the key in JSON",
    method: "POST",
    attempts: [(req, res) => json(res, 400, { message: `bad request from ${echo(req)}`, key: API_KEY })],
    status: 400,
    requests: 1,
  },
  {
    name: "401 echoing the key in response headers",
    attempts: [
      (req, res) =>
        json(
          res,
          401,
          { message: "no" },
          {
            "www-authenticate": `Bearer realm="api", error="invalid_token", token="${API_KEY}"`,
            "x-echo": echo(req),
            "x-request-id": `req-${API_KEY}`,
          },
        ),
    ],
    status: 401,
    requests: 1,
    check: ({ result }) => {
      expect(result?.response.headers.get("x-echo")).toBe(`Bearer ${REDACTED}`);
      expect(result?.response.headers.get("x-request-id")).toBe(`req-${REDACTED}`);
    },
  },
  {
    name: "401 whose status line (reason phrase) echoes the key",
    attempts: [
      (_, res) =>
        raw(
          `HTTP/1.1 401 Bad key ${API_KEY}\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`,
        )(undefined as never, res),
    ],
    status: 401,
    requests: 1,
    check: ({ result }) => expect(result?.response.statusText).toBe(`Bad key ${REDACTED}`),
  },
  {
    name: "redirect to a URL holding the key (path and query), which then echoes its URL",
    attempts: [
      (req, res) => {
        if (req.url.pathname.startsWith("/api/v2/echo/")) {
          return json(res, 401, { message: `bad key in ${req.url.pathname}${req.url.search}` });
        }
        const encoded = encodeURIComponent(API_KEY);
        res.writeHead(302, { location: `/api/v2/echo/${encoded}?api_key=${encoded}` }).end();
      },
    ],
    status: 401,
    requests: 2,
    check: ({ result }) =>
      expect(result?.response.url).toContain(`/api/v2/echo/${REDACTED}?api_key=${REDACTED}`),
  },
  {
    name: "200 echoing the key in a body that is not JSON",
    attempts: [
      (req, res) =>
        res.writeHead(200, { "content-type": "application/json" }).end(`key=${echo(req)} ${API_KEY}`),
    ],
    throws: "network",
    requests: 1,
  },
  // — A body larger than `maxResponseBytes` fails at once, not retried, its connection closed —
  ...(["content-length", "chunked"] as const).flatMap((framing): Row[] => [
    {
      name: `a body of exactly maxResponseBytes (${framing}) is read`,
      attempts: [sizedBody(atLimit.text, framing)],
      maxResponseBytes: LIMIT,
      status: 200,
      data: atLimit.data,
      requests: 1,
    },
    {
      name: `a body one byte over maxResponseBytes (${framing})`,
      attempts: [sizedBody(sized(LIMIT + 1).text, framing)],
      maxResponseBytes: LIMIT,
      throws: "network",
      requests: 1,
      check: tooLarge("4096 bytes"),
    },
  ]),
  {
    name: "an endless body: fails at maxResponseBytes, not at the deadline",
    attempts: [endless()],
    maxResponseBytes: 1024 * 1024,
    timeoutMs: 600_000, // the cap ends it, long before: the test's own 20 s would fail otherwise
    throws: "network",
    requests: 1,
    check: tooLarge("1 MiB"),
  },
  {
    name: "a Content-Length of 8 GiB, the default limit: fails before reading",
    attempts: [endless({ "content-length": String(8 * 1024 ** 3) })],
    timeoutMs: 600_000,
    throws: "network",
    requests: 1,
    check: tooLarge("64 MiB"),
  },
  {
    name: "a custom fetch rejecting with a plain object holding the Authorization header",
    attempts: [ok],
    fetch: async (input) => {
      // Not an Error: the shape some HTTP wrappers reject with ({ config: { headers } }).
      throw { request: { headers: { authorization: (input as Request).headers.get("authorization") } } };
    },
    throws: "network",
    requests: 0,
    attemptsMade: 3,
    check: ({ error }) =>
      expect((error as Error).cause).toEqual({
        request: { headers: { authorization: `Bearer ${REDACTED}` } },
      }),
  },
];

/**
 * Each row runs twice: with the client's transport fetch, and with a per-call `fetch`
 * (`client.GET(url, { fetch })`), which openapi-fetch uses instead of the client's — it must get the same
 * deadline, retries and redaction.
 */
const vias = ["the client's fetch", "a per-call fetch"] as const;

describe.each(vias)("a misbehaving server, through %s", (via) => {
  test.each(rows.map((row) => [row.name, row] as const))(
    "%s",
    async (_, row) => {
      const method = row.method ?? "GET";
      let attempt = 0;
      const respond: Respond = (req, res) => {
        if (req.url.pathname.startsWith("/api/v2/echo/")) return row.attempts[0]?.(req, res);
        const handler = row.attempts[Math.min(attempt++, row.attempts.length - 1)] as Respond;
        handler(req, res);
      };
      server.route("GET /api/v2/campaigns/c1", respond);
      server.route("POST /api/v2/lead-labels", respond);
      server.route(
        `GET ${new URL(`/api/v2/echo/${encodeURIComponent(API_KEY)}`, server.baseUrl).pathname}`,
        respond,
      );
      const perCall = via === "a per-call fetch";
      const fetch: typeof globalThis.fetch =
        row.fetch ?? ((input, init) => globalThis.fetch(input as Request, init));
      const client = createInstantlyClient({
        apiKey: API_KEY,
        baseUrl: server.baseUrl,
        retry: row.retry ?? fastRetry,
        ...(row.timeoutMs ? { timeoutMs: row.timeoutMs } : {}),
        ...(row.maxResponseBytes ? { maxResponseBytes: row.maxResponseBytes } : {}),
        ...(!perCall && row.fetch ? { fetch: row.fetch } : {}),
      });
      const extra = perCall ? { fetch } : {};
      const call =
        method === "GET"
          ? client.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } }, ...extra })
          : client.POST("/api/v2/lead-labels", {
              body: { label: "x", interest_status_label: "neutral" },
              ...extra,
            });
      const outcome: { result?: Result; error?: unknown } = await call.then(
        (result) => ({ result: result as Result }),
        (error: unknown) => ({ error }),
      );
      if (row.throws) {
        expect(outcome.error, `expected a ${row.throws} error`).toMatchObject({ kind: row.throws, method });
        expect(outcome.error).toMatchObject({ attempts: row.attemptsMade ?? row.requests });
      } else {
        expect(outcome.error).toBeUndefined();
        expect(outcome.result?.response.status).toBe(row.status);
        if (row.status && row.status < 300) expect(outcome.result?.data).toEqual(row.data);
      }
      row.check?.(outcome);
      expect(server.requests.length).toBe(row.requests);
      for (const text of printable(outcome)) {
        expect(text).not.toContain(API_KEY);
        expect(text).not.toContain(encodeURIComponent(API_KEY));
        expect(text).not.toContain(API_KEY.slice(0, 12));
      }
    },
    20_000,
  );
});
