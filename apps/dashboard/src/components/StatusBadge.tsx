import { type CampaignStatus, CampaignStatusLabels, campaignStatusLabel } from "@instantly-kit/types";

function isCampaignStatus(value: unknown): value is CampaignStatus {
  return typeof value === "number" && String(value) in CampaignStatusLabels;
}

/** A campaign's status as the spec names it ("Active", "Account Suspended"…), never a bare code. */
export function StatusBadge({ status }: { status: unknown }) {
  // The API may add a status before we regenerate: show the code rather than crash or hide it.
  const label = isCampaignStatus(status) ? campaignStatusLabel(status) : `Status ${String(status)}`;
  return <span className={`badge badge-status-${String(status)}`}>{label}</span>;
}
