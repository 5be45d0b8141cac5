import { QueryClient, type QueryClientConfig } from "@tanstack/react-query";

/**
 * A QueryClient for tests. Retries are @instantly-kit/client's job (429 + Retry-After, 5xx/network for
 * idempotent calls); TanStack's own would multiply them and hold an error back for seconds. `gcTime: Infinity`
 * schedules no garbage-collection timer that could outlive the test's environment. Anything in `config`
 * wins over these defaults.
 */
export function createTestQueryClient(config: QueryClientConfig = {}): QueryClient {
  const { queries, mutations, ...rest } = config.defaultOptions ?? {};
  return new QueryClient({
    ...config,
    defaultOptions: {
      ...rest,
      queries: { retry: false, gcTime: Number.POSITIVE_INFINITY, ...queries },
      mutations: { retry: false, ...mutations },
    },
  });
}
