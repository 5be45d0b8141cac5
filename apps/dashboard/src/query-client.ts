import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { statusOf } from "./errors.ts";
import type { RateLimitMonitor } from "./rate-limit.ts";

/**
 * Retries happen once, in @instantly-kit/client's transport (429 with Retry-After, 5xx and network errors for
 * idempotent requests). TanStack Query's own retries would multiply them and hold a 401 back for seconds
 * before the user sees "check your API key".
 */
export function createDashboardQueryClient(monitor?: RateLimitMonitor): QueryClient {
  const onError = (error: unknown) => {
    // The client gave up on a 429: the error state says so; the "retrying" banner must go.
    if (statusOf(error) === 429) monitor?.clear();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
