import {
  useGetCampaign,
  useGetCampaignAnalytics,
  useGetDailyCampaignAnalytics,
} from "@instantly-kit/react-query/campaign";
import { QueryProblem } from "../components/QueryProblem.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";

const numberFormat = new Intl.NumberFormat("en-US");

function percent(part: number | undefined, whole: number | undefined): string {
  if (!part || !whole) return "–";
  return `${((part / whole) * 100).toFixed(1)} %`;
}

export function CampaignDetailPage({ id }: { id: string }) {
  const campaign = useGetCampaign(id);
  const analytics = useGetCampaignAnalytics({ id });
  const daily = useGetDailyCampaignAnalytics({ campaign_id: id });
  // The analytics endpoint answers with one row per requested campaign.
  const summary = analytics.data?.find((row) => row.campaign_id === id) ?? analytics.data?.[0];

  return (
    <section aria-labelledby="campaign-title">
      <p>
        <a href="#/campaigns">← All campaigns</a>
      </p>
      <QueryProblem error={campaign.error} onRetry={() => void campaign.refetch()} />
      {campaign.data ? (
        <header className="detail-header">
          <h1 id="campaign-title">{campaign.data.name}</h1>
          <StatusBadge status={campaign.data.status} />
        </header>
      ) : (
        <h1 id="campaign-title">Campaign</h1>
      )}

      <h2>Analytics</h2>
      <QueryProblem error={analytics.error} onRetry={() => void analytics.refetch()} />
      {summary ? (
        <dl className="stats" aria-label="Campaign analytics">
          <div>
            <dt>Leads</dt>
            <dd>{numberFormat.format(summary.leads_count ?? 0)}</dd>
          </div>
          <div>
            <dt>Contacted</dt>
            <dd>{numberFormat.format(summary.contacted_count ?? 0)}</dd>
          </div>
          <div>
            <dt>Emails sent</dt>
            <dd>{numberFormat.format(summary.emails_sent_count ?? 0)}</dd>
          </div>
          <div>
            <dt>Open rate</dt>
            <dd>{percent(summary.open_count_unique, summary.contacted_count)}</dd>
          </div>
          <div>
            <dt>Reply rate</dt>
            <dd>{percent(summary.reply_count_unique, summary.contacted_count)}</dd>
          </div>
        </dl>
      ) : analytics.isSuccess ? (
        <p className="muted">No analytics yet.</p>
      ) : null}

      <h2>Daily</h2>
      <QueryProblem error={daily.error} onRetry={() => void daily.refetch()} />
      {daily.data && daily.data.length > 0 ? (
        <table className="daily">
          <thead>
            <tr>
              <th>Date</th>
              <th>Sent</th>
              <th>Opened</th>
              <th>Replies</th>
              <th>Clicks</th>
            </tr>
          </thead>
          <tbody>
            {daily.data.map((row, index) => (
              <tr key={`${row.date}-${index}`}>
                <td>{row.date?.slice(0, 10)}</td>
                <td>{numberFormat.format(row.sent ?? 0)}</td>
                <td>{numberFormat.format(row.unique_opened ?? 0)}</td>
                <td>{numberFormat.format(row.unique_replies ?? 0)}</td>
                <td>{numberFormat.format(row.unique_clicks ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : daily.isSuccess ? (
        <p className="muted">No daily numbers yet.</p>
      ) : null}
    </section>
  );
}
