import { createInstantlyQueryClient } from "@instantly-kit/react-query/core";
import type { QueryClient } from "@tanstack/react-query";

/**
 * The app's one QueryClient: @instantly-kit/react-query's defaults (retries happen once, in
 * @instantly-kit/client — TanStack's own would multiply them and hold a 401 back for seconds; errors are the
 * kit's `InstantlyError`), with this app's freshness settings merged over them.
 */
export function createAppQueryClient(): QueryClient {
  return createInstantlyQueryClient({
    defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } },
  });
}
