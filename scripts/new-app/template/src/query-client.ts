import { QueryClient } from "@tanstack/react-query";

/**
 * The app's one QueryClient. Retries happen once, in @instantly-kit/client (429 with Retry-After, 5xx and
 * network errors for idempotent calls): TanStack Query's own retries would multiply them and hold a 401
 * back for seconds. When @instantly-kit/react-query exports `createInstantlyQueryClient`, this body becomes
 * `return createInstantlyQueryClient();`.
 */
export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
