import type { QueryClient } from "@tanstack/react-query";
import { createInstantlyQueryClient, type InstantlyQueryClientOptions } from "../query-client.js";

/**
 * A QueryClient for tests: the kit's own (`createInstantlyQueryClient`: no mutation retries, the client does
 * them), plus no query retry at all — a test wants the first failure — and `gcTime: Infinity`, which schedules
 * no garbage-collection timer that could outlive the test's environment. Anything in `config` wins.
 */
export function createTestQueryClient(config: InstantlyQueryClientOptions = {}): QueryClient {
  const { queries, ...rest } = config.defaultOptions ?? {};
  return createInstantlyQueryClient({
    ...config,
    defaultOptions: { ...rest, queries: { retry: false, gcTime: Number.POSITIVE_INFINITY, ...queries } },
  });
}
