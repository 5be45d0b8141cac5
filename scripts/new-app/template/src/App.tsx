import { createInstantlyClient } from "@instantly-kit/client";
import { InstantlyProvider } from "@instantly-kit/react-query/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { useMemo } from "react";
import { Campaigns } from "./Campaigns.tsx";
import { createAppQueryClient } from "./query-client.ts";

export interface AppProps {
  apiKey: string;
  /** A real API's base URL; undefined → the client's default, which the mock API answers in mock mode. */
  baseUrl?: string | undefined;
}

/** The providers every hook needs (one QueryClient, one Instantly client), around the app's pages. */
export function App({ apiKey, baseUrl }: AppProps) {
  const client = useMemo(
    () => createInstantlyClient({ apiKey, ...(baseUrl ? { baseUrl } : {}) }),
    [apiKey, baseUrl],
  );
  const queryClient = useMemo(() => createAppQueryClient(), []);
  return (
    <QueryClientProvider client={queryClient}>
      <InstantlyProvider client={client}>
        <main>
          <Campaigns />
        </main>
      </InstantlyProvider>
    </QueryClientProvider>
  );
}
