import { isInstantlyError } from "@instantly-kit/client";
import { type DefaultOptions, QueryClient, type QueryClientConfig } from "@tanstack/react-query";
import { type BackgroundJobPolling, setBackgroundJobPolling } from "./background-jobs.js";

/**
 * Query retries that add nothing to the client's own (ADR 0022). @instantly-kit/client already retries
 * inside one call — 429 with `Retry-After` for every method, 5xx/network/timeout for idempotent ones — so a
 * query retry would multiply them (TanStack's default 3 × the client's 3: one 429 made 12 requests, a 401
 * took 7 s to show). The one case the client does not retry and a query may: a POST *read* (`listLeads`)
 * that failed below HTTP (network, timeout) — the client will not re-send a POST, but a read is safe to
 * repeat. Everything else — API errors of any status, aborts, a missing provider, a body over the client's
 * `maxResponseBytes` (the client does not retry it either: it would be as large again) — is final.
 */
export function instantlyQueryRetry(failureCount: number, error: unknown): boolean {
  if (!isInstantlyError(error)) return false;
  if (error.kind !== "network" && error.kind !== "timeout") return false;
  if (error.kind === "network" && error.bodyTooLarge) return false;
  return error.method === "POST" && failureCount < POST_READ_RETRIES;
}

/** Query retries of a POST read after a network error or timeout: together with the first try, the client's 3. */
const POST_READ_RETRIES = 2;

/**
 * The QueryClient defaults for the hooks: `retry` as {@link instantlyQueryRetry} for queries and none for
 * mutations (a mutation that may have reached the server is never re-sent; the client still retries a 429,
 * which the server did not process). Nothing else differs from TanStack's defaults.
 */
export const instantlyQueryDefaults = {
  queries: { retry: instantlyQueryRetry },
  mutations: { retry: false },
} as const satisfies DefaultOptions;

export interface InstantlyQueryClientOptions extends QueryClientConfig {
  /** How background jobs are polled by `useBackgroundJob` and by the invalidation of job-starting mutations. */
  backgroundJobs?: BackgroundJobPolling;
}

/**
 * `new QueryClient()` with {@link instantlyQueryDefaults}; `defaultOptions.queries` / `.mutations` given here
 * are merged over them (so `{ defaultOptions: { queries: { staleTime: 30_000 } } }` keeps the retry policy).
 */
export function createInstantlyQueryClient(options: InstantlyQueryClientOptions = {}): QueryClient {
  const { backgroundJobs, defaultOptions, ...config } = options;
  const queryClient = new QueryClient({
    ...config,
    defaultOptions: {
      ...defaultOptions,
      queries: { ...instantlyQueryDefaults.queries, ...defaultOptions?.queries },
      mutations: { ...instantlyQueryDefaults.mutations, ...defaultOptions?.mutations },
    },
  });
  if (backgroundJobs) setBackgroundJobPolling(queryClient, backgroundJobs);
  return queryClient;
}
