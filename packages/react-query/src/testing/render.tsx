import {
  createInstantlyClient,
  type InstantlyClient,
  type InstantlyClientOptions,
} from "@instantly-kit/client";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type RenderOptions, type RenderResult, render } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";
import { InstantlyProvider } from "../provider.js";
import { createTestQueryClient } from "./query-client.js";

/** The key every test client sends unless told otherwise: clearly not a real one. */
export const TEST_API_KEY = "test-api-key";

export interface InstantlyWrapperOptions {
  /** The QueryClient to provide; default a fresh `createTestQueryClient()`. */
  queryClient?: QueryClient;
  /** The Instantly client to provide; default `createInstantlyClient({ apiKey: TEST_API_KEY, ...clientOptions })`. */
  client?: InstantlyClient;
  /** Options of the default client (ignored when `client` is given), e.g. `{ retry: false }` or a `baseUrl`. */
  clientOptions?: Partial<InstantlyClientOptions>;
}

export interface InstantlyWrapper {
  /** `QueryClientProvider` + `InstantlyProvider`: pass it as Testing Library's `wrapper`. */
  wrapper: (props: { children?: ReactNode }) => ReactElement;
  queryClient: QueryClient;
  client: InstantlyClient;
}

/** The providers a component or hook needs, around whatever it wraps (`renderHook(…, { wrapper })`). */
export function createInstantlyWrapper(options: InstantlyWrapperOptions = {}): InstantlyWrapper {
  const queryClient = options.queryClient ?? createTestQueryClient();
  const client = options.client ?? createInstantlyClient({ apiKey: TEST_API_KEY, ...options.clientOptions });
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <InstantlyProvider client={client}>{children}</InstantlyProvider>
    </QueryClientProvider>
  );
  return { wrapper, queryClient, client };
}

export type RenderWithInstantlyOptions = InstantlyWrapperOptions & Omit<RenderOptions, "wrapper" | "queries">;

/** Testing Library's `render` inside the providers; returns its result plus the clients it used. */
export function renderWithInstantly(
  ui: ReactElement,
  options: RenderWithInstantlyOptions = {},
): RenderResult & { queryClient: QueryClient; client: InstantlyClient } {
  const { queryClient, client, clientOptions, ...renderOptions } = options;
  const providers = createInstantlyWrapper({
    ...(queryClient ? { queryClient } : {}),
    ...(client ? { client } : {}),
    ...(clientOptions ? { clientOptions } : {}),
  });
  const result = render(ui, { ...renderOptions, wrapper: providers.wrapper });
  return Object.assign(result, { queryClient: providers.queryClient, client: providers.client });
}
