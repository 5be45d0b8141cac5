import { campaignStatusLabel } from "@instantly-kit/types";

/** A campaign's status as the spec names it ("Active", "Account Suspended"…), never a bare code. */
export function StatusBadge({ status }: { status: unknown }) {
  // The API may add a status before we regenerate: the label function answers "Unknown (<code>)" for it
  // rather than crash or hide it; a value that is not a number at all is shown as it is.
  const label = typeof status === "number" ? campaignStatusLabel(status) : `Status ${String(status)}`;
  return <span className={`badge badge-status-${String(status)}`}>{label}</span>;
}
