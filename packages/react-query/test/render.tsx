import { createInstantlyClient } from "@instantly-kit/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { createInstantlyQueryClient, InstantlyProvider } from "../src/index.js";

export const API_KEY = "test-key-not-secret";

/** Every QueryClient a test made; test/setup.ts clears them after each test so no query outlives it. */
export const queryClients = new Set<QueryClient>();

/**
 * A fresh QueryClient (no retries, so errors surface at once) and client per test. `notifyOnChangeProps:
 * "all"` because tests read `result.current` fields after the fact: TanStack only re-renders for fields a
 * render already read, which is right for apps but makes late reads in tests see stale results.
 */
export function createWrapper() {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, notifyOnChangeProps: "all" }, mutations: { retry: false } },
  });
  queryClients.add(queryClient);
  const client = createInstantlyClient({ apiKey: API_KEY, retry: false });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <InstantlyProvider client={client}>{children}</InstantlyProvider>
    </QueryClientProvider>
  );
  return { queryClient, client, wrapper };
}

type ClientOptions = Parameters<typeof createInstantlyClient>[0];

/**
 * What a hook test against a real server renders in: `queryClient` (tracked, so test/setup.ts clears it) and a
 * client with the test key and `options` (`baseUrl`: the test's server); `provider: false` leaves the client out.
 */
export function providers(
  queryClient: QueryClient,
  options: Omit<ClientOptions, "apiKey"> & { apiKey?: string },
  { provider = true } = {},
) {
  queryClients.add(queryClient);
  const client = createInstantlyClient({ apiKey: API_KEY, ...options });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      {provider ? <InstantlyProvider client={client}>{children}</InstantlyProvider> : children}
    </QueryClientProvider>
  );
  return { queryClient, client, wrapper };
}

/** The package's own QueryClient, reporting every field's change (`notifyOnChangeProps`, see createWrapper). */
export function observedQueryClient(
  options: Omit<NonNullable<Parameters<typeof createInstantlyQueryClient>[0]>, "defaultOptions"> = {},
): QueryClient {
  return createInstantlyQueryClient({
    ...options,
    defaultOptions: { queries: { notifyOnChangeProps: "all" } },
  });
}
