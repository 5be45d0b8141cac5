/**
 * Response bodies that match the pinned spec's schemas (LeadLabel, Campaign, Webhook: every required field, each of
 * the right type and format). Tests that check a validator serve one of these with the one field they mean to break
 * given in `overrides`, so the violation reported is that one and no other. Each call returns a new object.
 */

const CREATED = "2026-01-02T03:04:05.000Z";

/** A LeadLabel (getLeadLabel, an item of listLeadLabel, createLeadLabel's response). */
export const validLeadLabelBody = (overrides: Record<string, unknown> = {}) => ({
  id: "0190a0b0-0000-7000-8000-000000000001",
  created_by: "user-1",
  organization_id: "org-1",
  label: "Hot",
  interest_status: 1,
  interest_status_label: "positive",
  description: null,
  timestamp_created: CREATED,
  ...overrides,
});

/** A Campaign (getCampaign, an item of listCampaign), with a one-schedule campaign_schedule. */
export const validCampaignBody = (overrides: Record<string, unknown> = {}) => ({
  id: "0190a0b0-0000-7000-8000-000000000002",
  name: "Campaign",
  status: 1,
  campaign_schedule: {
    schedules: [
      {
        name: "Office hours",
        timezone: "America/Chicago",
        days: { 1: true },
        timing: { from: "09:00", to: "17:00" },
      },
    ],
  },
  timestamp_created: CREATED,
  timestamp_updated: CREATED,
  ...overrides,
});

/** A Webhook (getWebhook, an item of listWebhook). */
export const validWebhookBody = (overrides: Record<string, unknown> = {}) => ({
  id: "0190a0b0-0000-7000-8000-000000000003",
  organization: "org-1",
  target_hook_url: "https://hooks.example/in",
  timestamp_created: CREATED,
  ...overrides,
});
