import type { QueryClient } from "@tanstack/react-query";
import { createInstantlyQueryClient, type InstantlyQueryClientOptions } from "../query-client.js";

/**
 * A QueryClient for tests: the kit's own (`createInstantlyQueryClient`: no mutation retries, the client does
 * them), plus no query retry at all — a test wants the first failure — and `gcTime: Infinity` for queries and
 * mutations alike, which schedules no garbage-collection timer that could outlive the test's environment (a
 * settled mutation otherwise keeps a 5-minute timer: an open handle for jest, a late callback for vitest).
 * Anything in `config` wins.
 */
export function createTestQueryClient(config: InstantlyQueryClientOptions = {}): QueryClient {
  const { queries, mutations, ...rest } = config.defaultOptions ?? {};
  return createInstantlyQueryClient({
    ...config,
    defaultOptions: {
      ...rest,
      queries: { retry: false, gcTime: Number.POSITIVE_INFINITY, ...queries },
      mutations: { gcTime: Number.POSITIVE_INFINITY, ...mutations },
    },
  });
}
