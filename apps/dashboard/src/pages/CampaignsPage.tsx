import { useListCampaignInfinite } from "@instantly-kit/react-query/campaign";
import { LoadMore } from "../components/LoadMore.tsx";
import { QueryProblem } from "../components/QueryProblem.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { hrefFor } from "../routes.ts";

export const CAMPAIGN_PAGE_SIZE = 10;

export function CampaignsPage() {
  const campaigns = useListCampaignInfinite({ limit: CAMPAIGN_PAGE_SIZE });
  const items = campaigns.data?.pages.flatMap((page) => page.items ?? []) ?? [];

  return (
    <section aria-labelledby="campaigns-title">
      <h1 id="campaigns-title">Campaigns</h1>
      <QueryProblem error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      {campaigns.isPending ? <p className="muted">Loading campaigns…</p> : null}
      <ul className="campaigns" aria-label="Campaign list">
        {items.map((campaign) => (
          <li key={campaign.id}>
            <a href={hrefFor({ page: "campaign", id: campaign.id })}>{campaign.name}</a>
            <StatusBadge status={campaign.status} />
          </li>
        ))}
      </ul>
      {campaigns.isSuccess ? (
        <LoadMore
          hasNextPage={campaigns.hasNextPage}
          isFetchingNextPage={campaigns.isFetchingNextPage}
          fetchNextPage={campaigns.fetchNextPage}
        />
      ) : null}
    </section>
  );
}
