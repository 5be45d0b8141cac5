import type { paths } from "@instantly-kit/types";
import createClient, { type Client } from "openapi-fetch";
import { textResponses } from "./generated/text-responses.gen.js";
import { type RetryOptions, retryPolicy } from "./retry.js";
import { createRequestClass, createTransport } from "./transport.js";

export interface InstantlyClientOptions {
  /** API key, sent as `Authorization: Bearer …`. Never logged, never put on errors. */
  apiKey: string;
  /** Default `https://api.instantly.ai`. */
  baseUrl?: string;
  /** A fetch implementation (default: `globalThis.fetch`, looked up per request). */
  fetch?: typeof globalThis.fetch;
  /** Extra headers on every request (`Authorization` is always the API key). */
  headers?: Record<string, string>;
  /**
   * Per-attempt timeout in ms until the response headers arrive (default 30 000; 0 = none). A timed-out
   * attempt is retried like a network error (idempotent methods only); the last one rejects `TimeoutError`.
   */
  timeoutMs?: number;
  /**
   * On by default: 3 attempts; 429 retried for every method honouring `Retry-After`; 5xx and network
   * errors only for GET/HEAD/PUT/DELETE/OPTIONS. `false` turns retries off.
   */
  retry?: RetryOptions | boolean;
}

/** The typed openapi-fetch client for the whole Instantly API v2. */
export type InstantlyClient = Client<paths>;

export const DEFAULT_BASE_URL = "https://api.instantly.ai";
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Creates the one client an app (and @instantly-kit/react-query, which takes this same instance) talks to
 * the API through: auth, retries, timeouts and abort are configured here, once, in the transport.
 */
export function createInstantlyClient(options: InstantlyClientOptions): InstantlyClient {
  const { apiKey, baseUrl = DEFAULT_BASE_URL, headers, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  if (typeof apiKey !== "string" || apiKey.trim() === "") {
    throw new TypeError("createInstantlyClient: `apiKey` is required");
  }
  const client = createClient<paths>({
    baseUrl,
    ...(timeoutMs ? { Request: createRequestClass() } : {}),
    fetch: createTransport({ fetch: options.fetch, retry: retryPolicy(options.retry), timeoutMs }),
    headers: { ...headers, Authorization: `Bearer ${apiKey}` },
  });
  return parseTextResponsesAsText(client);
}

/**
 * openapi-fetch parses every body as JSON unless a call says `parseAs`; operations the spec documents as
 * answering text (the `text/csv` block-list download) get `parseAs: "text"` automatically. Only methods
 * that have such an operation are wrapped, so other calls go straight to openapi-fetch.
 */
function parseTextResponsesAsText(client: InstantlyClient): InstantlyClient {
  const methods = new Set(Object.values(textResponses).flatMap((byMethod) => Object.keys(byMethod)));
  const withParseAs = (method: string, url: string, init: Record<string, unknown> | undefined) =>
    textResponses[url]?.[method] && init?.parseAs === undefined ? { ...init, parseAs: "text" } : init;
  const wrapped: Record<string, unknown> = { ...client };
  for (const method of methods) {
    const original = client[method as "GET"] as (url: string, init?: Record<string, unknown>) => unknown;
    wrapped[method] = (url: string, init?: Record<string, unknown>) =>
      original(url, withParseAs(method, url, init));
  }
  if (methods.size > 0) {
    const request = client.request as (
      method: string,
      url: string,
      init?: Record<string, unknown>,
    ) => unknown;
    wrapped.request = (method: string, url: string, init?: Record<string, unknown>) =>
      request(method, url, withParseAs(method.toUpperCase(), url, init));
  }
  return wrapped as unknown as InstantlyClient;
}
