import type { InstantlyClient } from "@instantly-kit/client";
import { createContext, type ReactNode, useContext } from "react";
import type { InstantlyRequestOptions } from "./mutator.js";

const InstantlyClientContext = createContext<InstantlyClient | undefined>(undefined);

export interface InstantlyProviderProps {
  /** The one client the hooks below call through: `createInstantlyClient({ apiKey })`. */
  client: InstantlyClient;
  children?: ReactNode;
}

/**
 * Gives the hooks their @instantly-kit/client instance. Nothing is configured at import time: apps
 * (and tests) can render several providers with different clients.
 */
export function InstantlyProvider({ client, children }: InstantlyProviderProps) {
  return <InstantlyClientContext.Provider value={client}>{children}</InstantlyClientContext.Provider>;
}

/** The client of the nearest <InstantlyProvider>, if any. */
export function useInstantlyClient(): InstantlyClient | undefined {
  return useContext(InstantlyClientContext);
}

/**
 * Used by every generated hook: fills `options.request.client` from the provider unless the caller
 * passed one. Returns the options object unchanged when there is nothing to add.
 */
export function useInstantlyRequestOptions<O extends { request?: InstantlyRequestOptions } | undefined>(
  options: O,
): O {
  const client = useInstantlyClient();
  if (!client || options?.request?.client) return options;
  return { ...options, request: { ...options?.request, client } } as O;
}
