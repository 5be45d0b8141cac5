// The diff of every consecutive pair of real spec versions in ../shared/specs (sorted by file name), each
// normalized as `spec:pull` does. The expected bump of each pair was established by reading the two documents
// (jq / a leaf-by-leaf JSON diff), independently of this diff code; the comment on each pair names the
// concrete change that justifies it, and the test asserts that change is reported.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { diffSpecs, type SpecChange, type SpecDiff } from "../src/spec/diff/index.ts";
import { loadSpec } from "../src/spec/load.ts";

const SPECS = join(import.meta.dirname, "..", "..", "..", "..", "shared", "specs");
const files = readdirSync(SPECS)
  .filter((name) => /^\d{4}-\d{2}-\d{2}_[0-9a-f]+\.json$/.test(name))
  .sort();

const documents = new Map<string, Record<string, unknown>>();
beforeAll(async () => {
  for (const file of files) documents.set(file, (await loadSpec(join(SPECS, file))).document);
});

function diffPair(from: string, to: string): SpecDiff {
  const a = documents.get(from);
  const b = documents.get(to);
  if (!a || !b) throw new Error(`missing ${from} or ${to}`);
  return diffSpecs(a, b);
}

const find = (diff: SpecDiff, match: Partial<SpecChange>, text?: string) =>
  diff.changes.filter(
    (change) =>
      Object.entries(match).every(([key, value]) => change[key as keyof SpecChange] === value) &&
      (text === undefined || change.message.includes(text)),
  );

interface Pair {
  from: string;
  to: string;
  bump: SpecDiff["bump"];
  /** The concrete change(s) that justify the bump, asserted on the diff. */
  evidence: (diff: SpecDiff) => void;
}

const pairs: Pair[] = [
  {
    // Same day, same size: only generated `example`/`examples` values (UUIDs, timestamps) differ → patch.
    from: "2025-06-18_315a749.json",
    to: "2025-06-18_ad34867.json",
    bump: "patch",
    evidence: (diff) => {
      expect(diff.changes.length).toBeGreaterThan(0);
      for (const change of diff.changes) expect(change.message).toMatch(/examples?\b.*changed/);
    },
  },
  {
    // GET /api/v2/inbox-placement-tests lost query parameter `sort_column`; InboxPlacementAnalytics.is_spam
    // (and dkim_pass…) went from ["null","number"] to ["null","boolean"] in responses → major.
    from: "2025-06-18_ad34867.json",
    to: "2025-09-22_2286cff.json",
    bump: "major",
    evidence: (diff) => {
      expect(
        find(diff, { kind: "parameter-removed", path: "/api/v2/inbox-placement-tests" }, "sort_column"),
      ).toHaveLength(1);
      expect(
        find(diff, { kind: "response-type-changed", schema: "InboxPlacementAnalytics" }, "is_spam"),
      ).toHaveLength(1);
      expect(find(diff, { kind: "operation-added", operationId: "createWebhook" })).toHaveLength(1);
    },
  },
  {
    // POST /api/v2/leads/move: request field esg_code went from number enum [0..4] to string enum;
    // schema "Clause" (def-29) removed → major.
    from: "2025-09-22_2286cff.json",
    to: "2026-01-06_dd3cf78.json",
    bump: "major",
    evidence: (diff) => {
      expect(
        find(diff, { kind: "request-type-narrowed", operationId: "moveLeads" }, "esg_code"),
      ).toHaveLength(1);
      expect(find(diff, { kind: "schema-removed", schema: "Clause" })).toHaveLength(1);
    },
  },
  {
    // createAIEnrichment: model_version enum values "grok-2", "gemini-1.5-flash" removed; request field
    // search_filters.employee_count removed from count-leads-from-supersearch → major.
    from: "2026-01-06_dd3cf78.json",
    to: "2026-03-12_30a7b40.json",
    bump: "major",
    evidence: (diff) => {
      const removed = find(
        diff,
        { kind: "enum-value-removed", operationId: "createAIEnrichment" },
        "model_version",
      );
      expect(removed).toHaveLength(1);
      expect(removed[0]?.message).toContain('"grok-2"');
      expect(
        find(
          diff,
          { kind: "request-field-removed", operationId: "countLeadsFromSupersearch" },
          "employee_count",
        ),
      ).toHaveLength(1);
    },
  },
  {
    // Three /api/v2/oauth/clients/… operations removed; POST /api/v2/block-lists-entries/bulk-create's 200
    // body went from an array to an object → major.
    from: "2026-03-12_30a7b40.json",
    to: "2026-03-13_9b96bb1.json",
    bump: "major",
    evidence: (diff) => {
      const removed = find(diff, { kind: "operation-removed" }).map((c) => `${c.method} ${c.path}`);
      expect(removed.sort()).toEqual([
        "DELETE /api/v2/oauth/clients/authorized",
        "GET /api/v2/oauth/clients/authorized",
        "POST /api/v2/oauth/clients/authorize/decision",
      ]);
      expect(
        find(
          diff,
          { kind: "response-type-changed", path: "/api/v2/block-lists-entries/bulk-create" },
          "array → object",
        ),
      ).toHaveLength(1);
    },
  },
  {
    // GET /api/v2/campaigns: query parameter ai_sdr_id removed (ai_sales_agent_id added instead) → major.
    from: "2026-03-13_9b96bb1.json",
    to: "2026-04-02_31beb96.json",
    bump: "major",
    evidence: (diff) => {
      expect(
        find(diff, { kind: "parameter-removed", operationId: "listCampaign" }, "ai_sdr_id"),
      ).toHaveLength(1);
      expect(
        find(diff, { kind: "optional-parameter-added", operationId: "listCampaign" }, "ai_sales_agent_id"),
      ).toHaveLength(1);
    },
  },
  {
    // Only the descriptions of the two /api/v2/oauth/{google,microsoft}/init operations (rate limits) changed.
    from: "2026-04-02_31beb96.json",
    to: "2026-04-06_5436bf6.json",
    bump: "patch",
    evidence: (diff) => {
      const paths = new Set(diff.changes.map((c) => c.path));
      expect([...paths].sort()).toEqual(["/api/v2/oauth/google/init", "/api/v2/oauth/microsoft/init"]);
    },
  },
  {
    // POST /api/v2/supersearch-enrichment gained a trailing slash (same operationId: a move);
    // GET /api/v2/workspace-billing/plan-details removed → major.
    from: "2026-04-06_5436bf6.json",
    to: "2026-06-11_08e0d90.json",
    bump: "major",
    evidence: (diff) => {
      const moved = find(diff, { kind: "operation-moved", operationId: "createSuperSearchEnrichment" });
      expect(moved).toHaveLength(1);
      expect(moved[0]).toMatchObject({ method: "POST", path: "/api/v2/supersearch-enrichment/" });
      expect(
        find(diff, { kind: "operation-removed", path: "/api/v2/workspace-billing/plan-details" }),
      ).toHaveLength(1);
      // GET /api/v2/accounts items went from `$ref Account` to `allOf [Account, {tags}]`: an addition only.
      expect(find(diff, { kind: "response-property-removed", operationId: "listAccount" })).toHaveLength(0);
      expect(
        find(diff, { kind: "response-property-added", operationId: "listAccount" }, "items[].tags"),
      ).toHaveLength(1);
    },
  },
  {
    // The def-N → title switch: every schema renamed, `…Blacklist&SpamAssassin…` operationIds renamed to
    // `…BlacklistAndSpamAssassin…` (normalization makes both identical); GET
    // /api/v2/workspace-billing/plan-details came back → minor.
    from: "2026-06-11_08e0d90.json",
    to: "2026-06-12_2814e0b.json",
    bump: "minor",
    evidence: (diff) => {
      expect(
        find(diff, { kind: "operation-added", path: "/api/v2/workspace-billing/plan-details" }),
      ).toHaveLength(1);
      expect(find(diff, { kind: "operation-renamed" })).toHaveLength(0);
      expect(find(diff, { kind: "schema-added" })).toHaveLength(0);
      expect(find(diff, { kind: "schema-removed" })).toHaveLength(0);
    },
  },
  {
    // POST /api/v2/campaigns/{id}/variables: request body required (was optional) → major.
    from: "2026-06-12_2814e0b.json",
    to: "2026-08-12_6cf06fb.json",
    bump: "major",
    evidence: (diff) => {
      expect(
        find(diff, { kind: "request-body-made-required", path: "/api/v2/campaigns/{id}/variables" }),
      ).toHaveLength(1);
      expect(
        find(diff, { kind: "response-property-removed", schema: "Account" }, "warmup_pool_id"),
      ).toHaveLength(1);
    },
  },
  {
    // Only additions: 67 operations (AI agents…), 10 titled schemas, enum values (AuditLog.activity_type 40,
    // new model_version values); no operation, property or enum value removed → minor.
    from: "2026-08-12_6cf06fb.json",
    to: "2026-08-21_ef81935.json",
    bump: "minor",
    evidence: (diff) => {
      expect(find(diff, { kind: "operation-added" })).toHaveLength(67);
      const schemas = find(diff, { kind: "schema-added" }).map((c) => c.schema);
      expect(schemas).toEqual(expect.arrayContaining(["AIAgent", "AISalesAgent", "DomainForwarding"]));
      expect(find(diff, { kind: "enum-value-added", schema: "AuditLog" }, "40")).toHaveLength(1);
    },
  },
];

describe("spec diff over the real spec versions", () => {
  it("covers every consecutive pair of files", () => {
    const covered = pairs.map((p) => `${p.from}→${p.to}`);
    const consecutive = files.slice(1).map((to, index) => `${files[index]}→${to}`);
    expect(covered).toEqual(consecutive);
  });

  it.each(pairs)("$from → $to: $bump", ({ from, to, bump, evidence }) => {
    const diff = diffPair(from, to);
    expect(diff.bump).toBe(bump);
    evidence(diff);
  });

  it("the oldest and newest versions diff both ways (def-N era ↔ titled era, 104 ↔ 240 operations)", () => {
    const oldest = files[0] as string;
    const newest = files.at(-1) as string;
    const forward = diffPair(oldest, newest);
    const backward = diffPair(newest, oldest);
    expect(forward.bump).toBe("major");
    expect(backward.bump).toBe("major");
    // Every operation added going forward is removed going back, and no schema is matched by def-N key.
    const added = find(forward, { kind: "operation-added" }).map((c) => `${c.method} ${c.path}`);
    const removed = find(backward, { kind: "operation-removed" }).map((c) => `${c.method} ${c.path}`);
    expect(added.length).toBeGreaterThan(100);
    expect(removed.sort()).toEqual(added.sort());
    for (const change of [...forward.changes, ...backward.changes])
      expect(change.schema ?? "").not.toMatch(/^def-/);
  });

  it("a version diffed with itself is none", () => {
    const newest = files.at(-1) as string;
    expect(diffPair(newest, newest)).toEqual({ bump: "none", changes: [] });
  });
});
