// `@instantly-kit/msw/node`: the mock HTTP server. Node-only (node:http), hence its own entry.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getResponse, type RequestHandler } from "msw";
import { createHandlers } from "./handlers.js";
import { createMockApi, type MockApi } from "./mock-api.js";

export interface MockServerOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Keep state for CRUD resources (default true); false serves the fixed default bodies. */
  stateful?: boolean;
  /** Seed for the ids of created items. */
  seed?: number | string;
  /** One line per request (method, path, status, ms); default: none. */
  log?: (line: string) => void;
}

export interface MockServer {
  /** e.g. `http://127.0.0.1:4010` */
  url: string;
  port: number;
  /** The stateful mock behind the server (undefined when `stateful: false`). */
  api: MockApi | undefined;
  close(): Promise<void>;
}

const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "authorization, content-type",
  "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
};

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  if (request.method === "GET" || request.method === "HEAD") return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toFetchRequest(request: IncomingMessage, origin: string, body: Buffer | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return new Request(new URL(request.url ?? "/", origin), {
    method: request.method ?? "GET",
    headers,
    ...(body && body.length > 0 ? { body: new Uint8Array(body) } : {}),
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", ...CORS_HEADERS });
  response.end(JSON.stringify(body));
}

/** Serves every operation of the spec over HTTP, for non-JS consumers and end-to-end tests. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? "127.0.0.1";
  const stateful = options.stateful ?? true;
  // The server is reached under whatever host name the client uses: handlers match any origin.
  const api = stateful
    ? createMockApi({ baseUrl: "*", ...(options.seed === undefined ? {} : { seed: options.seed }) })
    : undefined;
  const handlers: RequestHandler[] = api ? api.handlers : createHandlers({ baseUrl: "*" });
  const origin = `http://${host.includes(":") ? `[${host}]` : host}`;

  const server = createServer(async (request, response) => {
    const started = performance.now();
    const method = request.method ?? "GET";
    // Logged without the query string and never with headers: nothing secret ends up in logs.
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    let status = 500;
    try {
      if (method === "OPTIONS") {
        status = 204;
        response.writeHead(204, CORS_HEADERS).end();
        return;
      }
      const body = await readBody(request);
      const mocked = await getResponse(handlers, toFetchRequest(request, origin, body));
      if (!mocked) {
        status = 404;
        sendJson(response, 404, {
          statusCode: 404,
          error: "Not Found",
          message: `Route ${method} ${path} is not an operation of the Instantly API v2 spec`,
        });
        return;
      }
      status = mocked.status;
      const headers: Record<string, string> = { ...CORS_HEADERS };
      mocked.headers.forEach((value, name) => {
        headers[name] = value;
      });
      response.writeHead(mocked.status, headers);
      response.end(Buffer.from(await mocked.arrayBuffer()));
    } catch (error) {
      status = 500;
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent)
        sendJson(response, 500, { statusCode: 500, error: "Internal Server Error", message });
      else response.end();
    } finally {
      options.log?.(`${method} ${path} ${status} ${(performance.now() - started).toFixed(1)}ms`);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${origin}:${port}`,
    port,
    api,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
