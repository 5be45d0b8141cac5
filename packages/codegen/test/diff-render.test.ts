// The human-readable `spec:diff` output: grouped by operation / schema, breaking first, long
// documentation-only lists summarized, `bump:` last.
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../src/spec/diff/index.ts";
import { PATCH_LIST_LIMIT, renderDiffText } from "../src/spec/diff/render.ts";
import { baseDoc } from "./diff-helpers.ts";

describe("renderDiffText", () => {
  it("groups changes under their operation or schema, breaking first", () => {
    const next = baseDoc();
    next.paths["/api/v2/leads"].get.parameters.pop(); // major, listLead
    next.paths["/api/v2/leads"].get.summary = "All leads"; // patch, listLead
    next.components.schemas.Lead.properties.city = { type: "string" }; // minor, schema Lead
    expect(renderDiffText(diffSpecs(baseDoc(), next))).toBe(
      [
        "Breaking changes (major): 1",
        "  GET /api/v2/leads (listLead)",
        "    - query parameter `search` removed",
        "",
        "Additive changes (minor): 1",
        "  schema Lead (used by 5 operations: createLead, getLead, listCampaign, listLead, patchLead)",
        "    - `city`: optional property added",
        "",
        "Documentation-only changes (patch): 1",
        "  GET /api/v2/leads (listLead)",
        "    - summary changed",
        "",
        "bump: major",
        "",
      ].join("\n"),
    );
  });

  it(`summarizes more than ${PATCH_LIST_LIMIT} documentation-only changes by count`, () => {
    const before = baseDoc();
    const after = baseDoc();
    for (let i = 0; i <= PATCH_LIST_LIMIT; i++) {
      const op = (summary: string) => ({
        get: { operationId: `op${i}`, summary, responses: { 200: { description: "ok" } } },
      });
      before.paths[`/api/v2/op${i}`] = op("before");
      after.paths[`/api/v2/op${i}`] = op("after");
    }
    after.components.schemas.Lead.description = "A lead (person)";
    const text = renderDiffText(diffSpecs(before, after));
    expect(text).toBe(
      [
        `Documentation-only changes (patch): ${PATCH_LIST_LIMIT + 2}`,
        `  ${PATCH_LIST_LIMIT + 2} documentation-only changes in ${PATCH_LIST_LIMIT + 1} operations and 1 schema (run with --json for the full list)`,
        "",
        "bump: patch",
        "",
      ].join("\n"),
    );
  });
});
