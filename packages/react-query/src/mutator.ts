import type { InstantlyClient } from "@instantly-kit/client";
import { InstantlyMissingProviderError, unwrap } from "@instantly-kit/client";

/**
 * The transport of every generated hook (orval's "mutator"): the request goes through the
 * @instantly-kit/client instance the app created — its auth, base URL, retries, timeout and
 * `InstantlyApiError` — so this package has no fetch logic of its own.
 */
export interface InstantlyRequest {
  method: string;
  /** The spec's path template (`/api/v2/campaigns/{id}`); openapi-fetch fills and encodes it. */
  path: string;
  pathParams?: Record<string, unknown>;
  query?: unknown;
  body?: unknown;
  parseAs?: "json" | "text";
  signal?: AbortSignal;
}

/** The per-call request options of every hook and options helper (`options.request`). */
export interface InstantlyRequestOptions {
  /** The client to call through; hooks take it from <InstantlyProvider> when not given. */
  client?: InstantlyClient;
}

/** A hook with no client (kind `"missing-provider"` of `InstantlyError`). */
export class MissingInstantlyClientError extends InstantlyMissingProviderError {
  override name = "MissingInstantlyClientError";
  constructor() {
    super(
      "no Instantly client: render <InstantlyProvider client={createInstantlyClient({ apiKey })}> above the hooks, or pass `{ request: { client } }` to the options helper",
    );
  }
}

type AnyRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{
  data?: unknown;
  error?: unknown;
  response: Response;
}>;

export async function instantlyRequest<T>(
  request: InstantlyRequest,
  options?: InstantlyRequestOptions,
): Promise<T> {
  const client = options?.client;
  if (!client) throw new MissingInstantlyClientError();
  const init: Record<string, unknown> = { params: { path: request.pathParams, query: request.query } };
  if (request.body !== undefined) init.body = request.body;
  if (request.parseAs) init.parseAs = request.parseAs;
  if (request.signal) init.signal = request.signal;
  // `request` is openapi-fetch's untyped-by-method entry point; the generated function around this
  // call carries the operation's exact types.
  const result = await (client.request as unknown as AnyRequest)(request.method, request.path, init);
  return unwrap(result) as T;
}

/**
 * The `enabled` of every generated query with path parameters: each has a value — not null, undefined or `""`.
 * An empty path parameter means "nothing selected" (`useGetCampaign(selectedId ?? "")`), never a request:
 * the client would refuse it with a TypeError before sending anything. `query: { enabled }` given to a hook
 * replaces this check.
 */
export function hasPathParams(...values: unknown[]): boolean {
  return values.every((value) => value !== null && value !== undefined && value !== "");
}
