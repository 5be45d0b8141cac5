// The app the hook type-check benchmarks check: six hooks (get, list, POST read, create, patch, infinite list)
// used the way an app uses them. One text for every benchmark, so that their numbers compare: app-typecheck,
// react-query-typecheck and docs-typecheck-cost differ only in the import lines and in how the campaign is read.

/**
 * `export function useApp(id)` after a blank line. `campaign` is the expression that reads the campaign and
 * `campaignResult` what the app returns of it (docs-typecheck-cost also calls an enum helper on it).
 */
export function sixHookApp(campaign = "useGetCampaign(id).data?.name", campaignResult = "campaign"): string {
  return `
export function useApp(id: string) {
  const campaign = ${campaign};
  const campaigns = useListCampaign({ limit: 10 }).data?.items?.length;
  const lead = useListLeads({ campaign: id, limit: 25 }).data?.items?.[0]?.email;
  const create = useCreateLeadLabel();
  const patch = usePatchCampaign();
  const all = useListCampaignInfinite({ limit: 10 }).data?.pages.flatMap((page) => page.items ?? []).length;
  create.mutate({ data: { label: "Hot", interest_status_label: "positive" } });
  patch.mutate({ id, data: { name: "New" } });
  return [${campaignResult}, campaigns, lead, all, create.data?.label, patch.data?.id];
}
`;
}
