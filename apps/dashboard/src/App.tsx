import { createInstantlyClient } from "@instantly-kit/client";
import { InstantlyProvider } from "@instantly-kit/react-query/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { forgetApiKey, loadApiKey, saveApiKey } from "./api-key.ts";
import { ApiKeyForm } from "./components/ApiKeyForm.tsx";
import { RateLimitBanner } from "./components/RateLimitBanner.tsx";
import { CampaignDetailPage } from "./pages/CampaignDetailPage.tsx";
import { CampaignsPage } from "./pages/CampaignsPage.tsx";
import { LeadLabelsPage } from "./pages/LeadLabelsPage.tsx";
import { createDashboardQueryClient } from "./query-client.ts";
import { createRateLimitMonitor } from "./rate-limit.ts";
import { type Route, useRoute } from "./routes.ts";

export interface AppProps {
  /** A real API's base URL; undefined → the client's default, which the mock API answers in mock mode. */
  baseUrl?: string | undefined;
  usesMockApi: boolean;
}

export function App({ baseUrl, usesMockApi }: AppProps) {
  const [apiKey, setApiKey] = useState(loadApiKey);
  const route = useRoute();

  if (!apiKey || route.page === "settings") {
    return (
      <main className="shell">
        <ApiKeyForm
          usesMockApi={usesMockApi}
          onSubmit={(key) => {
            saveApiKey(key);
            setApiKey(key);
            if (route.page === "settings") window.location.hash = "#/campaigns";
          }}
        />
      </main>
    );
  }
  return (
    <Connected
      key={apiKey}
      apiKey={apiKey}
      baseUrl={baseUrl}
      route={route}
      onDisconnect={() => {
        forgetApiKey();
        setApiKey(null);
      }}
    />
  );
}

interface ConnectedProps {
  apiKey: string;
  baseUrl: string | undefined;
  route: Route;
  onDisconnect: () => void;
}

/** Everything behind the key. Keyed by the key: a new key gets a new client and an empty cache. */
function Connected({ apiKey, baseUrl, route, onDisconnect }: ConnectedProps) {
  const monitor = useMemo(() => createRateLimitMonitor(), []);
  const client = useMemo(
    () => createInstantlyClient({ apiKey, fetch: monitor.fetch, ...(baseUrl ? { baseUrl } : {}) }),
    [apiKey, baseUrl, monitor],
  );
  const queryClient = useMemo(() => createDashboardQueryClient(monitor), [monitor]);

  return (
    <QueryClientProvider client={queryClient}>
      <InstantlyProvider client={client}>
        <div className="shell">
          <nav className="nav">
            <a href="#/campaigns" aria-current={route.page.startsWith("campaign") ? "page" : undefined}>
              Campaigns
            </a>
            <a href="#/lead-labels" aria-current={route.page === "lead-labels" ? "page" : undefined}>
              Lead labels
            </a>
            <button type="button" className="link" onClick={onDisconnect}>
              Disconnect
            </button>
          </nav>
          <RateLimitBanner monitor={monitor} />
          <main>
            {route.page === "campaign" ? (
              <CampaignDetailPage id={route.id} />
            ) : route.page === "lead-labels" ? (
              <LeadLabelsPage />
            ) : (
              <CampaignsPage />
            )}
          </main>
        </div>
      </InstantlyProvider>
    </QueryClientProvider>
  );
}
