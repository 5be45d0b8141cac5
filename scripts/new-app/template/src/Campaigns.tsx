import { useListCampaignInfinite } from "@instantly-kit/react-query/campaign";
import { campaignStatusLabel } from "@instantly-kit/types";
import { useEffect, useRef } from "react";

const PAGE_SIZE = 10;

/** Campaigns with their status labels, the next page loading when the end of the list scrolls into view. */
export function Campaigns() {
  const campaigns = useListCampaignInfinite({ limit: PAGE_SIZE });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = campaigns;
  const items = campaigns.data?.pages.flatMap((page) => page.items ?? []) ?? [];

  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage || isFetchingNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void fetchNextPage();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <section aria-labelledby="campaigns-title">
      <h1 id="campaigns-title">Campaigns</h1>
      {campaigns.error ? <p role="alert">Could not load campaigns: {campaigns.error.message}</p> : null}
      {campaigns.isPending ? <p>Loading campaigns…</p> : null}
      <ul aria-label="Campaign list">
        {items.map((campaign) => (
          <li key={campaign.id}>
            {campaign.name} <small>{campaignStatusLabel(campaign.status)}</small>
          </li>
        ))}
      </ul>
      {campaigns.isSuccess ? <div ref={sentinel}>{hasNextPage ? "Loading more…" : "That's all."}</div> : null}
    </section>
  );
}
