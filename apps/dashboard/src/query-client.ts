import { createInstantlyQueryClient } from "@instantly-kit/react-query/core";
import { MutationCache, QueryCache, type QueryClient } from "@tanstack/react-query";
import { statusOf } from "./errors.ts";
import type { RateLimitMonitor } from "./rate-limit.ts";

/**
 * The kit's QueryClient (retries happen once, in @instantly-kit/client — ADR 0022) plus what is the
 * dashboard's own: the rate-limit banner's reset, a 30 s stale time, no refetch on window focus.
 */
export function createDashboardQueryClient(monitor?: RateLimitMonitor): QueryClient {
  const onError = (error: unknown) => {
    // The client gave up on a 429: the error state says so; the "retrying" banner must go.
    if (statusOf(error) === 429) monitor?.clear();
  };
  return createInstantlyQueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } },
  });
}
