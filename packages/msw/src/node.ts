// `@instantly-kit/msw/node`: the mock HTTP server. Node-only (node:http), hence its own entry.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { getResponse, type RequestHandler } from "msw";
import type { MockApiKeys } from "./auth.js";
import { seedData } from "./data.js";
import { MALFORMED_URL_MESSAGE } from "./handler.js";
import { createHandlers } from "./handlers.js";
import type { IgnoredFilterStrategy } from "./ignored-filters.js";
import type { MockJobOptions } from "./jobs.js";
import { createMockApi, type MockApi } from "./mock-api.js";
import { type ApiErrorBody, errorBody } from "./operation.js";
import { redact, secretsOf } from "./redact.js";
import { isWellFormedPercentEncoding } from "./route.js";

export interface MockServerOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Keep state for CRUD resources (default true); false serves the fixed default bodies. */
  stateful?: boolean;
  /** Seed for the ids of created items. */
  seed?: number | string;
  /** Largest request body in bytes (default 1 MiB); a larger one gets 413 in the API's error shape. */
  bodyLimit?: number;
  /** API keys and their scopes: requests are then authorized like the API's (401/403). Default: none checked. */
  apiKeys?: MockApiKeys;
  /** Validate request bodies and parameters against the spec (400 naming each violation); default true. */
  validateRequests?: boolean;
  /**
   * Items to start with, per resource: `{ "leads": [{ "email": "a@b.co" }], "campaigns": 3 }` (partial items are
   * filled in; a number seeds that many generated items). Checked against the item schemas: a bad entry throws
   * one line naming it, and the server does not start. Needs `stateful` (the default).
   */
  data?: unknown;
  /**
   * When background jobs (`moveLeads`…) of the stateful mock complete: at once (default), `{ delayMs }` later,
   * or never by themselves (`{ manual: true }`, then only `server.api.jobs.completeAll()`).
   */
  jobs?: MockJobOptions;
  /**
   * What a list request sending a filter the stateful mock does not apply gets (`createMockApi`'s option):
   * `"warn"` (default: one `console.warn` per operation and parameter), `"error"` (501 naming them), `"off"`,
   * or a callback. Needs `stateful` (the default).
   */
  onIgnoredFilter?: IgnoredFilterStrategy;
  /** One line per request (method, path, status, ms); default: none. */
  log?: (line: string) => void;
}

export interface MockServer {
  /** e.g. `http://127.0.0.1:4010` */
  url: string;
  port: number;
  /** The stateful mock behind the server (undefined when `stateful: false`). */
  readonly api: MockApi | undefined;
  /**
   * Serves other handlers from now on (the `serve` bin's reload after a regenerated package): `api`'s handlers,
   * or the stateless `handlers` when there is no api. Requests already being answered finish with the old ones.
   */
  replace(next: { api?: MockApi; handlers?: readonly RequestHandler[] }): void;
  close(): Promise<void>;
}

/** The default largest request body, in bytes; the API does not document its own limit. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "authorization, content-type",
  "access-control-allow-methods": "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
};

/** How long a client may go on sending a body already answered with 413 before its connection is cut. */
const DRAIN_GRACE_MS = 5_000;

const TOO_LARGE = Symbol("body too large");

/** The methods an operation of the spec can have; any other is answered 405 (known path) or 404. */
const OPERATION_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

function declaredLength(request: IncomingMessage): number {
  const header = request.headers["content-length"];
  return header === undefined ? 0 : Number(header);
}

/**
 * The request body, or TOO_LARGE as soon as it is known to exceed `limit`: from Content-Length before
 * reading anything, or while reading a chunked body. Past the limit nothing more is kept, but the stream keeps
 * flowing (a `for await` that broke out would destroy the socket, and the client still sending would get a
 * reset instead of the 413).
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | typeof TOO_LARGE> {
  if (declaredLength(request) > limit) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      request.off("data", onData).off("end", onEnd);
      resolve(TOO_LARGE);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    request.on("data", onData).on("end", onEnd).on("error", reject);
  });
}

/**
 * After a 413 the rest of the body is read and dropped (Node does so once the answer is sent), so the client
 * gets the answer rather than a reset; a body that never ends has its connection cut after a grace period.
 */
function dropRestOfBody(request: IncomingMessage): void {
  if (request.complete) return;
  request.on("error", () => {});
  request.resume();
  const timer = setTimeout(() => request.socket.destroy(), DRAIN_GRACE_MS);
  timer.unref();
  request.once("end", () => clearTimeout(timer));
  request.once("close", () => clearTimeout(timer));
}

function toFetchRequest(
  request: IncomingMessage,
  url: URL,
  method: string,
  body: Buffer | undefined,
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return new Request(url, {
    method,
    headers,
    ...(body && body.length > 0 ? { body: new Uint8Array(body) } : {}),
  });
}

/**
 * The path and query of a request target: as sent in origin form (`/api/v2/…`), taken out of the absolute form
 * (`http://host/api/v2/…`, which servers must accept); undefined for anything else. The path is never resolved
 * against a base URL: `//host/x` stays a path instead of naming another host.
 */
function originForm(target: string): string | undefined {
  if (target.startsWith("/")) return target;
  try {
    const url = new URL(target);
    return url.protocol === "http:" || url.protocol === "https:" ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}

/** Sends `body` with its length; for HEAD, the same status and headers without the body. */
function send(
  response: ServerResponse,
  head: boolean,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
): void {
  response.writeHead(status, { ...headers, "content-length": String(body.length) });
  response.end(head ? undefined : body);
}

function sendJson(response: ServerResponse, head: boolean, status: number, body: unknown): void {
  send(
    response,
    head,
    status,
    { "content-type": "application/json", ...CORS_HEADERS },
    Buffer.from(JSON.stringify(body)),
  );
}

/** What the 405 check needs of a handler (an `OperationHandler`, from whichever copy of the module). */
interface PathAwareHandler {
  operation: { method: string };
  matchesPath(request: Request): boolean;
}

/**
 * The request target as logged: its path alone — no query string, fragment, or the host and credentials of an
 * absolute-form target (`http://user:key@host/…`) — with the secrets the request carries redacted; never headers.
 */
function logPath(target: string, secrets: readonly string[]): string {
  const path = (originForm(target) ?? target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "")).split(/[?#]/)[0];
  return redactPath(path || "/", secrets);
}

/**
 * A path with the secrets redacted, also where they are percent-encoded (`/%73k_live_…` is `/sk_live_…`): then
 * the decoded path, redacted, is shown.
 */
function redactPath(path: string, secrets: readonly string[]): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {}
  const clean = redact(decoded, secrets);
  if (clean === decoded) return redact(path, secrets);
  // Decoded, a path may hold line breaks and other control characters (`%0A`): they stay escaped, so no log line
  // can be forged.
  return [...clean].map((char) => (isControl(char) ? encodeURIComponent(char) : char)).join("");
}

/** C0 and C1 control characters and the Unicode line and paragraph separators. */
function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

function apiError(status: number, message: string): ApiErrorBody {
  return errorBody(undefined, status, message) as ApiErrorBody;
}

/** Serves every operation of the spec over HTTP, for non-JS consumers and end-to-end tests. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? "127.0.0.1";
  const stateful = options.stateful ?? true;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  // The server is reached under whatever host name the client uses: handlers match any origin.
  const auth = {
    ...(options.apiKeys === undefined ? {} : { apiKeys: options.apiKeys }),
    ...(options.validateRequests === undefined ? {} : { validateRequests: options.validateRequests }),
  };
  const seed = options.seed === undefined ? {} : { seed: options.seed };
  let api = stateful
    ? createMockApi({
        baseUrl: "*",
        ...auth,
        ...seed,
        ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
        ...(options.onIgnoredFilter === undefined ? {} : { onIgnoredFilter: options.onIgnoredFilter }),
      })
    : undefined;
  if (options.onIgnoredFilter !== undefined && !api) {
    throw new Error("onIgnoredFilter needs a stateful server (without --stateless)");
  }
  if (options.data !== undefined) {
    if (!api) throw new Error("data needs a stateful server (without --stateless)");
    seedData(api, options.data);
  }
  let handlers: RequestHandler[] = api ? api.handlers : createHandlers({ baseUrl: "*", ...auth, ...seed });
  const origin = `http://${host.includes(":") ? `[${host}]` : host}`;

  async function answer(
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
    secrets: readonly string[],
  ): Promise<number> {
    const head = method === "HEAD";
    const target = originForm(request.url ?? "/");
    if (method === "OPTIONS") {
      response.writeHead(204, CORS_HEADERS).end();
      return 204;
    }
    // Checked before anything is read or matched, for every route: a malformed escape would otherwise throw
    // deep inside matching (a 500), and one in the query would be silently replaced by U+FFFD.
    if (target === undefined) {
      sendJson(response, head, 400, apiError(400, "Malformed request target"));
      return 400;
    }
    if (!isWellFormedPercentEncoding(target)) {
      sendJson(response, head, 400, apiError(400, MALFORMED_URL_MESSAGE));
      return 400;
    }
    const body = method === "GET" || head ? undefined : await readBody(request, bodyLimit);
    if (body === TOO_LARGE) {
      sendJson(response, head, 413, apiError(413, `Request body is larger than ${bodyLimit} bytes`));
      dropRestOfBody(request);
      return 413;
    }
    // HEAD is answered like GET without the body (MSW handlers only know the spec's methods).
    const url = new URL(`${origin}${target}`);
    const asMethod = head ? "GET" : method;
    // A method no operation has (TRACE, PROPFIND…) goes straight to 405/404: no handler could answer it, and
    // `new Request` throws for some of them (TRACE, TRACK), which was a 500.
    const mocked = OPERATION_METHODS.has(asMethod)
      ? await getResponse(handlers, toFetchRequest(request, url, asMethod, body))
      : undefined;
    if (!mocked) {
      // Named in the messages below without the secrets the request carries (a key pasted into the path).
      const path = redactPath(target.split("?")[0] ?? "/", secrets);
      // A known path with another method: 405 and the methods it has, as HTTP (and Prism) answer.
      const probe = new Request(url);
      // Duck-typed, not `instanceof`: after a reload the handlers come from another copy of the module.
      const allowed = new Set(
        handlers
          .filter(
            (handler): handler is RequestHandler & PathAwareHandler =>
              "matchesPath" in handler && "operation" in handler,
          )
          .filter((handler) => handler.matchesPath(probe))
          .map((handler) => handler.operation.method),
      );
      if (allowed.size > 0) {
        if (allowed.has("GET")) allowed.add("HEAD");
        allowed.add("OPTIONS");
        const allow = [...allowed].sort().join(", ");
        send(
          response,
          head,
          405,
          { ...CORS_HEADERS, "content-type": "application/json", allow },
          Buffer.from(
            JSON.stringify(apiError(405, `Method ${asMethod} is not allowed on ${path}; allowed: ${allow}`)),
          ),
        );
        return 405;
      }
      sendJson(
        response,
        head,
        404,
        apiError(404, `Route ${asMethod} ${path} is not an operation of the Instantly API v2 spec`),
      );
      return 404;
    }
    const headers: Record<string, string> = { ...CORS_HEADERS };
    mocked.headers.forEach((value, name) => {
      headers[name] = value;
    });
    send(response, head, mocked.status, headers, Buffer.from(await mocked.arrayBuffer()));
    return mocked.status;
  }

  const server = createServer(async (request, response) => {
    const started = performance.now();
    const method = request.method ?? "GET";
    const secrets = secretsOf(request.headers.authorization, options.apiKeys);
    const path = logPath(request.url ?? "/", secrets);
    let status = 500;
    try {
      status = await answer(request, response, method, secrets);
    } catch (error) {
      status = 500;
      const message = redact(error instanceof Error ? error.message : String(error), secrets);
      if (!response.headersSent) sendJson(response, method === "HEAD", 500, apiError(500, message));
      else response.end();
    } finally {
      options.log?.(`${method} ${path} ${status} ${(performance.now() - started).toFixed(1)}ms`);
    }
  });
  // CONNECT (a tunnel request, which Node hands to this event instead of the request handler) has no operation:
  // 405 in the API's shape, instead of Node's default of closing the connection without a word.
  server.on("connect", (request: IncomingMessage, socket: Duplex) => {
    socket.on("error", () => {});
    const body = Buffer.from(
      JSON.stringify(apiError(405, "Method CONNECT is not allowed: the mock API has no tunnels")),
    );
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
    );
    options.log?.(
      `CONNECT ${logPath(request.url ?? "", secretsOf(request.headers.authorization, options.apiKeys))} 405 0.0ms`,
    );
  });
  // `Expect: 100-continue` (curl, for bodies over 1 KiB): a body declared too large is refused before the
  // client sends it; anything else is told to continue, as Node would.
  server.on("checkContinue", (request, response) => {
    if (declaredLength(request) <= bodyLimit) response.writeContinue();
    server.emit("request", request, response);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${origin}:${port}`,
    port,
    get api() {
      return api;
    },
    replace(next) {
      api = next.api;
      handlers = next.api ? next.api.handlers : [...(next.handlers ?? [])];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
