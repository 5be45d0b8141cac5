import type { MockApi } from "@instantly-kit/msw";
import { CampaignStatus } from "@instantly-kit/types";

// What a new teammate sees on `pnpm --filter dashboard dev`: enough campaigns for a few pages of infinite
// scroll, in every status the spec defines, and a couple of lead labels.
const STATUSES = Object.values(CampaignStatus);
const AUDIENCES = [
  "SaaS founders",
  "Agency owners",
  "E-commerce leads",
  "Recruiters",
  "Fintech CFOs",
  "Dev tool buyers",
];

export function seedDemoData(api: MockApi): void {
  api.seed(
    "campaigns",
    Array.from({ length: 24 }, (_, index) => ({
      name: `${AUDIENCES[index % AUDIENCES.length]} — wave ${Math.floor(index / AUDIENCES.length) + 1}`,
      status: STATUSES[index % STATUSES.length],
    })),
  );
  api.seed("lead-labels", [
    { label: "Hot lead", interest_status_label: "positive", description: "Asked for a call" },
    { label: "Not now", interest_status_label: "neutral", description: null },
  ]);
}
