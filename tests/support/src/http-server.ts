import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The one real HTTP server the client and hook tests talk to (node:http on 127.0.0.1). Each test installs the
 * routes it needs; every request is recorded (method, url, headers, body) so tests assert on what was
 * actually sent over the socket.
 */

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage["headers"];
  body: string;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

export interface TestServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** `route("GET /api/v2/campaigns", handler)`; unrouted requests get 404 in the API's error shape. */
  route(key: string, handler: Handler): void;
  reset(): void;
  close(): Promise<void>;
}

export function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

export function apiError(
  response: ServerResponse,
  status: number,
  error: string,
  message: string,
  headers = {},
) {
  json(response, status, { statusCode: status, error, message }, headers);
}

/** Answers `status` `times` times, then hands over to `then` (counts are per route, across attempts). */
export function failing(
  times: number,
  status: number,
  then: Handler,
  headers: Record<string, string> = {},
): Handler {
  let failures = 0;
  return (request, response) => {
    if (failures++ < times) return apiError(response, status, "Failing", `failure ${failures}`, headers);
    return then(request, response);
  };
}

/**
 * A real cursor-paginated collection: items sorted by id, `starting_after` = the last id of the previous
 * page, `next_starting_after` only when more items follow (as the Instantly API does).
 */
export function pageOf<T extends { id: string }>(all: T[], limit: number, startingAfter: string | undefined) {
  const start = startingAfter === undefined ? 0 : all.findIndex((item) => item.id === startingAfter) + 1;
  const items = all.slice(start, start + limit);
  const more = start + limit < all.length;
  return more ? { items, next_starting_after: items.at(-1)?.id } : { items };
}

/**
 * The client deadline for a request this server never answers (a stalled body, no headers, no answer at all).
 * Long enough that the server has recorded the request before the client gives up, however loaded the machine:
 * a request still on its way when a test ends is recorded in the next test's `requests` (CI saw 0 and then 4
 * where 1 and 3 were right, at 150 ms). The timeout still fires whatever the machine's speed: nothing answers.
 */
export const STALL_TIMEOUT_MS = 2_000;

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request: RecordedRequest = {
      method: incoming.method ?? "GET",
      url: new URL(incoming.url ?? "/", "http://127.0.0.1"),
      headers: incoming.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    requests.push(request);
    const handler = routes.get(`${request.method} ${request.url.pathname}`);
    if (!handler)
      return apiError(response, 404, "Not Found", `no route ${request.method} ${request.url.pathname}`);
    await handler(request, response);
  });
  // An idle kept-alive connection stays open for the whole test (close() below ends every one). With Node's
  // default 5 s, a test paused longer between two requests — loading the validation chunk on a busy CI machine —
  // had the server close the socket just as the client reused it: "other side closed", a failure of the machine's
  // speed, not of the code (a test client often has `retry: false`; an app's client retries a GET).
  server.keepAliveTimeout = 10 * 60_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    route: (key, handler) => routes.set(key, handler),
    reset: () => {
      routes.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
