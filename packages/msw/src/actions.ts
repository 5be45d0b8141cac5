import type { JobEffect, JobQueue, JobSubject } from "./jobs.js";
import { deepMerge, isPlainObject } from "./merge.js";
import type { ResourceStore } from "./store.js";

type Item = Record<string, unknown>;

/** What an action sees: the request, the stores, the job queue, and ways to answer. */
export interface ActionContext {
  params: Readonly<Record<string, string>>;
  /** The query string's parameters. */
  query: Readonly<Record<string, string>>;
  /** The JSON body (`{}` when there is none). */
  body: Item;
  /** The store of a CRUD resource (`leads`, `campaigns`…), undefined when the spec has no such resource. */
  store(resource: string): ResourceStore<Item> | undefined;
  /** Leads matching the `POST /leads/list` filters found in `filters` (search, filter, campaign, ids…). */
  selectLeads(filters: Item): Item[];
  /** A new item of `resource` built like `POST` to its collection builds one (fresh id, timestamps). */
  create(resource: string, input: Item): Item;
  /** Queues a background job whose effect lands when it completes; answers the job as created. */
  job(subject: JobSubject, effect: JobEffect): Response;
  jobs: JobQueue;
  now(): string;
  /** The operation's generated default body (its documented success shape). */
  defaultBody(): unknown;
  /** The operation's documented success response with this body. */
  respond(body: unknown): Response;
  /** An error in the API's shape (the operation's documented body for that status when it has one). */
  fail(status: number, message: string): Response;
}

export type Action = (context: ActionContext) => Response;

const isSet = (value: unknown) => value !== undefined && value !== null && value !== "";
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];

function touch(item: Item, context: ActionContext): Item {
  return "timestamp_updated" in item ? { ...item, timestamp_updated: context.now() } : item;
}

/**
 * An action on the item named by the path parameter (`POST /campaigns/{id}/activate`): 404 when it is not in the
 * store, else the item changed by `change`, stored and answered.
 */
function onItem(resource: string, change: (item: Item, context: ActionContext) => Item): Action {
  return (context) => {
    const store = context.store(resource);
    const id = Object.values(context.params)[0] ?? "";
    const item = store?.get(id);
    if (!store || !item) return context.fail(404, `No ${resource} item with id '${id}'`);
    return context.respond(store.put(touch(change(item, context), context)));
  };
}

const setStatus = (resource: string, status: number) => onItem(resource, (item) => ({ ...item, status }));

/** The lead named by the body's `id` (subsequence actions). */
function onLead(change: (lead: Item, context: ActionContext) => Item): Action {
  return (context) => {
    const store = context.store("leads");
    const id = typeof context.body.id === "string" ? context.body.id : "";
    const lead = store?.get(id);
    if (!store || !lead) return context.fail(404, `No lead with id '${id}'`);
    return context.respond(store.put(touch(change(lead, context), context)));
  };
}

/** At most `limit` items when the body sets a positive limit. */
function limited<T>(items: T[], limit: unknown): T[] {
  return typeof limit === "number" && limit > 0 ? items.slice(0, limit) : items;
}

/**
 * `POST /leads/move`: a `move-leads` job; when it completes, the leads selected by the body's filters are moved
 * (or copied, `copy_leads`) to `to_campaign_id` or `to_list_id`. The job's `data` then holds `moved_leads` and
 * `moved_lead_emails`, as the API documents.
 */
const moveLeads: Action = (context) => {
  const { body } = context;
  const toCampaign = typeof body.to_campaign_id === "string" ? body.to_campaign_id : undefined;
  const toList = typeof body.to_list_id === "string" ? body.to_list_id : undefined;
  if (toCampaign === undefined && toList === undefined) {
    return context.fail(400, "Provide to_campaign_id or to_list_id: where to move the leads");
  }
  // The spec: "When using the `ids` parameter, you must also provide either `campaign` or `list_id`".
  if (body.ids !== undefined && !isSet(body.campaign) && !isSet(body.list_id)) {
    return context.fail(400, "When using ids, provide campaign or list_id to say where the leads are");
  }
  const destination =
    toCampaign !== undefined ? { campaign: toCampaign, list_id: null } : { campaign: null, list_id: toList };
  const inDestination = (lead: Item) =>
    toCampaign !== undefined ? lead.campaign === toCampaign : lead.list_id === toList;
  return context.job(
    {
      type: "move-leads",
      entity_type: toCampaign !== undefined ? "campaign" : "list",
      entity_id: toCampaign ?? toList ?? null,
    },
    () => {
      const store = context.store("leads");
      if (!store) return { moved_leads: 0, moved_lead_emails: [] };
      const duplicates = new Set(
        store
          .all()
          .filter(inDestination)
          .map((lead) => lead.email),
      );
      const moved: Item[] = [];
      for (const lead of limited(context.selectLeads(body), body.limit)) {
        if (inDestination(lead)) continue;
        if (body.check_duplicates === true && isSet(lead.email) && duplicates.has(lead.email)) continue;
        const changed: Item = { ...lead, ...destination };
        if (body.reset_interest_status === true) delete changed.lt_interest_status;
        if (typeof body.assigned_to === "string") changed.assigned_to = body.assigned_to;
        if (body.copy_leads === true) {
          const { id: _id, ...copy } = changed;
          moved.push(context.create("leads", copy));
        } else moved.push(store.put(touch(changed, context)));
      }
      return {
        moved_leads: moved.length,
        moved_lead_emails: moved
          .map((lead) => lead.email)
          .filter(isSet)
          .slice(0, 10_000),
      };
    },
  );
};

/**
 * `POST /leads/update-interest-status`: sets `lt_interest_status` of the lead with `lead_email` (in `campaign_id`
 * / `list_id` when given); `null` resets it to "Lead" (no status). The API answers 202 and applies it shortly
 * after; the mock applies it before answering. No such lead → the documented 404.
 */
const updateLeadInterestStatus: Action = (context) => {
  const { body } = context;
  const store = context.store("leads");
  const leads = (store?.all() ?? []).filter(
    (lead) =>
      lead.email === body.lead_email &&
      (!isSet(body.campaign_id) || lead.campaign === body.campaign_id) &&
      (!isSet(body.list_id) || lead.list_id === body.list_id),
  );
  if (!store || leads.length === 0)
    return context.fail(404, `No lead with email '${String(body.lead_email)}'`);
  const now = context.now();
  for (const lead of leads) {
    const changed: Item = { ...lead, timestamp_last_interest_change: now };
    if (body.interest_value === null) delete changed.lt_interest_status;
    else changed.lt_interest_status = body.interest_value;
    store.put(touch(changed, context));
  }
  return context.respond(context.defaultBody());
};

/** `POST /leads/merge`: the lead `lead_id` merges into `destination_lead_id` (filling its empty fields) and is gone. */
const mergeLeads: Action = (context) => {
  const store = context.store("leads");
  const source = store?.get(String(context.body.lead_id));
  const target = store?.get(String(context.body.destination_lead_id));
  if (!store || !source) return context.fail(404, `No lead with id '${String(context.body.lead_id)}'`);
  if (!target) return context.fail(404, `No lead with id '${String(context.body.destination_lead_id)}'`);
  if (source === target) return context.fail(400, "A lead cannot be merged into itself");
  const merged: Item = { ...target };
  for (const [key, value] of Object.entries(source))
    if (!isSet(merged[key]) && isSet(value)) merged[key] = value;
  merged.id = target.id;
  store.delete(String(source.id));
  return context.respond(store.put(touch(merged, context)));
};

/** `DELETE /leads`: deletes the leads of `campaign_id` or `list_id`, optionally by `status`/`ids`, up to `limit`. */
const bulkDeleteLeads: Action = (context) => {
  const { body } = context;
  if (!isSet(body.campaign_id) && !isSet(body.list_id)) {
    return context.fail(400, "Provide campaign_id or list_id: where to delete leads from");
  }
  const store = context.store("leads");
  const ids = body.ids === undefined ? undefined : new Set(strings(body.ids));
  const doomed = (store?.all() ?? []).filter(
    (lead) =>
      (!isSet(body.campaign_id) || lead.campaign === body.campaign_id) &&
      (!isSet(body.list_id) || lead.list_id === body.list_id) &&
      (body.status === undefined || lead.status === body.status) &&
      (ids === undefined || ids.has(String(lead.id))),
  );
  const deleted = limited(doomed, body.limit);
  for (const lead of deleted) store?.delete(String(lead.id));
  return context.respond(deepMerge(context.defaultBody(), { count: deleted.length }));
};

/** `POST /leads/bulk-assign`: the selected leads are assigned round-robin to `organization_user_ids`. */
const bulkAssignLeads: Action = (context) => {
  const { body } = context;
  const users = strings(body.organization_user_ids);
  const store = context.store("leads");
  if (!store || users.length === 0) return context.respond(context.defaultBody());
  const selected = context
    .selectLeads(body)
    .filter((lead) => !isSet(body.assigned_to) || lead.assigned_to === body.assigned_to);
  limited(selected, body.limit).forEach((lead, index) => {
    store.put(touch({ ...lead, assigned_to: users[index % users.length] }, context));
  });
  return context.respond(context.defaultBody());
};

/**
 * `POST /leads/add`: creates up to 1000 leads in `campaign_id` or `list_id` (one of them, not both), skipping
 * leads whose email is already in the destination (or anywhere, with the `skip_if_in_*` flags).
 */
const bulkAddLeads: Action = (context) => {
  const { body } = context;
  const campaign = isSet(body.campaign_id) ? String(body.campaign_id) : undefined;
  const list = isSet(body.list_id) ? String(body.list_id) : undefined;
  if ((campaign === undefined) === (list === undefined)) {
    return context.fail(400, "Provide either campaign_id or list_id, not both");
  }
  const existing = context.store("leads")?.all() ?? [];
  const taken = (email: unknown) =>
    existing.some(
      (lead) =>
        lead.email === email &&
        (body.skip_if_in_workspace === true ||
          (body.skip_if_in_campaign === true && isSet(lead.campaign)) ||
          (body.skip_if_in_list === true && isSet(lead.list_id)) ||
          (campaign !== undefined ? lead.campaign === campaign : lead.list_id === list)),
    );
  const inputs = Array.isArray(body.leads) ? body.leads.filter(isPlainObject) : [];
  const created: Item[] = [];
  const seen = new Set<unknown>();
  let duplicates = 0;
  inputs.forEach((input, index) => {
    if (isSet(input.email) && (taken(input.email) || seen.has(input.email))) {
      duplicates++;
      return;
    }
    seen.add(input.email);
    const lead = context.create("leads", {
      ...input,
      campaign: campaign ?? null,
      list_id: list ?? null,
      ...(typeof body.assigned_to === "string" ? { assigned_to: body.assigned_to } : {}),
    });
    created.push({ ...lead, index });
  });
  return context.respond(
    deepMerge(context.defaultBody(), {
      status: "success",
      total_sent: inputs.length,
      leads_uploaded: created.length,
      duplicated_leads: duplicates,
      duplicate_email_count: duplicates,
      skipped_count: duplicates,
      in_blocklist: 0,
      invalid_email_count: 0,
      incomplete_count: 0,
      created_leads: created.map(({ id, index, email, first_name, last_name, phone }) => ({
        id,
        index,
        ...(isSet(email) ? { email } : {}),
        ...(isSet(first_name) ? { first_name } : {}),
        ...(isSet(last_name) ? { last_name } : {}),
        ...(isSet(phone) ? { phone } : {}),
      })),
    }),
  );
};

/** `POST /campaigns/{id}/duplicate`: a draft copy named `name`, or "<name> (copy)" as the API does. */
const duplicateCampaign: Action = (context) => {
  const campaign = context.store("campaigns")?.get(context.params.id ?? "");
  if (!campaign) return context.fail(404, `No campaigns item with id '${context.params.id ?? ""}'`);
  const { id: _id, ...copy } = campaign;
  const name = typeof context.body.name === "string" ? context.body.name : `${String(campaign.name)} (copy)`;
  return context.respond(context.create("campaigns", { ...copy, name, status: 0 }));
};

/** `POST /accounts/pause`: each unique email ends in `paused_emails` (status 2) or `failed_emails` (unknown). */
const pauseAccounts: Action = (context) => {
  const store = context.store("accounts");
  const paused: string[] = [];
  const failed: string[] = [];
  for (const email of new Set(strings(context.body.emails))) {
    const account = store?.get(email);
    if (!store || !account) failed.push(email);
    else {
      store.put(touch({ ...account, status: 2 }, context));
      paused.push(email);
    }
  }
  return context.respond(deepMerge(context.defaultBody(), { paused_emails: paused, failed_emails: failed }));
};

/** Warmup on (1) or off (0) for `emails`, or every account but `excluded_emails`: an `update-warmup-accounts` job. */
function setWarmup(warmupStatus: number): Action {
  return (context) => {
    const { body } = context;
    return context.job({ type: "update-warmup-accounts", entity_type: "workspace" }, () => {
      const store = context.store("accounts");
      const excluded = new Set(strings(body.excluded_emails));
      const emails =
        body.include_all_emails === true
          ? (store?.all() ?? [])
              .map((account) => String(account.email))
              .filter((email) => !excluded.has(email))
          : strings(body.emails);
      let success = 0;
      for (const email of emails) {
        const account = store?.get(email);
        if (!store || !account) continue;
        store.put(touch({ ...account, warmup_status: warmupStatus }, context));
        success++;
      }
      return { success_count: success, failed_count: emails.length - success };
    });
  };
}

/** `POST /accounts/move`: the accounts leave this workspace (the mock keeps one), so they leave the store. */
const moveAccounts: Action = (context) => {
  const store = context.store("accounts");
  for (const email of strings(context.body.emails)) store?.delete(email);
  return context.respond(deepMerge(context.defaultBody(), { status: "success" }));
};

/** `POST /block-lists-entries/bulk-delete`: deletes the entries with `ids`, answering the deleted ones. */
const bulkDeleteBlockListEntries: Action = (context) => {
  const store = context.store("block-lists-entries");
  const deleted = strings(context.body.ids).flatMap((id) => store?.delete(id) ?? []);
  return context.respond(deleted);
};

/** `DELETE /block-lists-entries`: deletes every entry matching `search` (and only domains with `domains_only`). */
const deleteAllBlockListEntries: Action = (context) => {
  const store = context.store("block-lists-entries");
  const search = (context.query.search ?? "").toLowerCase();
  const domainsOnly = context.query.domains_only === "true";
  const doomed = (store?.all() ?? []).filter(
    (entry) =>
      String(entry.bl_value ?? "")
        .toLowerCase()
        .includes(search) &&
      (!domainsOnly || entry.is_domain === true),
  );
  return context.respond(doomed.flatMap((entry) => store?.delete(String(entry.id)) ?? []));
};

/** `POST /block-lists-entries/bulk-create`: one entry per value (a value without `@` is a domain). */
const bulkCreateBlockListEntries: Action = (context) => {
  const values = strings(context.body.bl_values);
  const items = values.map((value) =>
    context.create("block-lists-entries", { bl_value: value, is_domain: !value.includes("@") }),
  );
  return context.respond(
    deepMerge(context.defaultBody(), { items, valid_count: items.length, invalid_count: 0 }),
  );
};

/**
 * The actions that pick leads with `POST /leads/list`'s filters (`context.selectLeads`), each with the body fields
 * that are its own rather than a filter: what it does to the leads it picked (the destination, the assignees), and
 * what it applies itself (bulk-assign's `assigned_to`, the current owner; `limit`). Bulk-assign's
 * `organization_user_ids` are the assignees, where `listLeads` reads them as a filter. Before such an action acts,
 * every other field that the mock does not apply as `listLeads` does is reported through `onIgnoredFilter`, as for a
 * list request: `listLeads`' unapplied filters (`queries`, `smart_view_id`…) and the action's own filters that
 * `listLeads` does not have (moveLeads' `esp_code`, bulk-assign's `has_clause`). moveLeads'
 * `ignore_resource_filter_clauses` is its own: the mock keeps no saved lead-finder clauses, so it always ignores them.
 */
export const LEAD_SELECTING: Readonly<Record<string, readonly string[]>> = {
  moveLeads: [
    "to_campaign_id",
    "to_list_id",
    "copy_leads",
    "check_duplicates",
    "reset_interest_status",
    "assigned_to",
    "limit",
    "ignore_resource_filter_clauses",
  ],
  bulkAssignLeads: ["organization_user_ids", "assigned_to", "limit"],
};

/**
 * The state-changing actions of the stateful mock, by operationId: the spec's operations under leads, campaigns
 * and accounts (and the resources they act alike on) whose path ends in an action verb, or that change many
 * items at once. Status codes are the spec's enums (campaign: 0 Draft, 1 Active, 2 Paused; account: 1 Active,
 * 2 Paused; subsequence: 1 Active, 2 Paused; webhook: 1 active, -1 error; lead-finder agent: 0 Inactive,
 * 1 Active). Operations missing from the spec in use are skipped.
 */
export const ACTIONS: Readonly<Record<string, Action>> = {
  moveLeads,
  updateLeadInterestStatus,
  mergeLeads,
  bulkDeleteLeads,
  bulkAssignLeads,
  bulkAddLeads,
  moveLeadToSubsequence: onLead((lead, context) => ({
    ...lead,
    subsequence_id: context.body.subsequence_id,
    timestamp_added_subsequence: context.now(),
  })),
  removeLeadFromSubsequence: onLead((lead) => ({
    ...lead,
    subsequence_id: null,
    timestamp_added_subsequence: null,
  })),
  activateCampaign: setStatus("campaigns", 1),
  pauseCampaign: setStatus("campaigns", 2),
  duplicate: duplicateCampaign,
  pauseAccount: setStatus("accounts", 2),
  resumeAccount: setStatus("accounts", 1),
  markAccountFixed: setStatus("accounts", 1),
  pauseAccounts,
  enableWarmupForAccounts: setWarmup(1),
  disableWarmupForAccounts: setWarmup(0),
  moveAccounts,
  pauseSubsequence: setStatus("subsequences", 2),
  resumeSubsequence: setStatus("subsequences", 1),
  resumeWebhook: setStatus("webhooks", 1),
  pauseLeadFinderAgentById: setStatus("ai-agents/lead-finder", 0),
  resumeLeadFinderAgentById: setStatus("ai-agents/lead-finder", 1),
  deletebulkBlockListEntry: bulkDeleteBlockListEntries,
  deleteallBlockListEntry: deleteAllBlockListEntries,
  createblukBlockListEntry: bulkCreateBlockListEntries,
};
