// Every rule of the README (What an API change means), given → want: each row edits the hand-written base spec
// (fixtures/diff/base.json) in one way and lists, derived by hand from the rule, EVERY change the diff must
// report (`severity kind owner`) — nothing more, so a rule that fires too widely fails here too.
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../src/spec/diff/index.ts";
import { SEVERITY } from "../src/spec/diff/kinds.ts";
import { baseDoc, type Doc, reverseKeys, summarize, toDefN } from "./diff-helpers.ts";
import { byId, createBody, LEAD_OPS, label, lead, listLead, table } from "./diff-rules-table.ts";

describe.each(Object.entries(table))("diff rules: %s", (_group, rows) => {
  it.each(rows)("$rule", ({ edit, want, operations }) => {
    const next = baseDoc();
    edit(next);
    const diff = diffSpecs(baseDoc(), next);
    expect(diff.changes.map(summarize).sort()).toEqual([...want].sort());
    const severities = want.map((line) => line.split(" ")[0]);
    const expectedBump = ["major", "minor", "patch"].find((s) => severities.includes(s)) ?? "none";
    expect(diff.bump).toBe(expectedBump);
    if (operations) {
      for (const change of diff.changes) expect(change.operations).toEqual(operations);
    }
    for (const change of diff.changes) expect(change.message.length).toBeGreaterThan(0);
  });
});

describe("diff rules: none (nothing changed in meaning)", () => {
  it("the same document", () => {
    expect(diffSpecs(baseDoc(), baseDoc())).toEqual({ bump: "none", changes: [] });
  });

  it("key order shuffled everywhere", () => {
    expect(diffSpecs(baseDoc(), reverseKeys(baseDoc()))).toEqual({ bump: "none", changes: [] });
  });

  it("nullable: true ↔ type [T, null]", () => {
    const next = baseDoc();
    lead(next).properties.score = { type: "number", nullable: true };
    createBody(next).properties.first_name = { type: "string", nullable: true };
    expect(diffSpecs(baseDoc(), next)).toEqual({ bump: "none", changes: [] });
  });

  it("example: x rewritten as examples: [x]", () => {
    const next = baseDoc();
    const email = createBody(next).properties.email;
    email.examples = [email.example];
    delete email.example;
    expect(diffSpecs(baseDoc(), next)).toEqual({ bump: "none", changes: [] });
  });

  it("def-N keys renumbered (schemas matched by title)", () => {
    const a = toDefN(baseDoc(), ["Lead", "LeadLabel", "Campaign"]);
    const b = toDefN(baseDoc(), ["Campaign", "Lead", "LeadLabel"]);
    expect(a.components.schemas["def-1"].title).toBe("Lead");
    expect(b.components.schemas["def-1"].title).toBe("Campaign");
    expect(diffSpecs(a, b)).toEqual({ bump: "none", changes: [] });
  });

  it("def-N → title keys for the same schemas", () => {
    const defN = toDefN(baseDoc(), ["LeadLabel", "Campaign", "Lead"]);
    expect(diffSpecs(defN, baseDoc())).toEqual({ bump: "none", changes: [] });
    expect(diffSpecs(baseDoc(), defN)).toEqual({ bump: "none", changes: [] });
  });

  it("a $ref replaced by an identical inline schema (cyclic refs inside) terminates with no change", () => {
    const next = baseDoc();
    createBody(next).properties.label = structuredClone(label(next));
    expect(diffSpecs(baseDoc(), next)).toEqual({ bump: "none", changes: [] });
  });
});

describe("diff rules: matching and reporting", () => {
  it("matches def-N schemas by title even when a real change is renumbered too", () => {
    const before = toDefN(baseDoc(), ["Lead", "LeadLabel", "Campaign"]);
    const after = baseDoc();
    delete lead(after).properties.note;
    const diff = diffSpecs(before, toDefN(after, ["Campaign", "LeadLabel", "Lead"]));
    expect(diff.changes.map(summarize)).toEqual(["major response-property-removed schema:Lead"]);
    expect(diff.changes[0]?.message).toContain("Lead `note`");
  });

  it("renaming a component schema is breaking (its exported type name disappears) and terminates on cycles", () => {
    const next = JSON.parse(
      JSON.stringify(baseDoc()).replaceAll("#/components/schemas/LeadLabel", "#/components/schemas/Label"),
    );
    next.components.schemas.Label = { ...label(next), title: "Label" };
    delete next.components.schemas.LeadLabel;
    const diff = diffSpecs(baseDoc(), next);
    expect(diff.bump).toBe("major");
    const lines = diff.changes.map(summarize);
    expect(lines).toContain("major schema-removed schema:LeadLabel");
    expect(lines).toContain("minor schema-added schema:Label");
    expect(lines).toContain("patch schema-reference-changed createLead");
  });

  it("allOf with the same branches on both sides is compared branch by branch (shared refs stay shared)", () => {
    const wrap = (doc: Doc, extra: Doc) => {
      byId(doc).get.responses["200"].content["application/json"].schema = {
        allOf: [{ $ref: "#/components/schemas/Lead" }, { type: "object", properties: extra }],
      };
      return doc;
    };
    const before = wrap(baseDoc(), { a: { type: "string" } });
    const after = wrap(baseDoc(), { a: { type: "number" } });
    delete lead(after).properties.note;
    const lines = diffSpecs(before, after).changes.map((c) => `${summarize(c)} ${c.message}`);
    expect(lines).toEqual([
      "major response-type-changed getLead response 200 `allOf[1].a`: type string → number",
      "major response-property-removed schema:Lead schema Lead `note`: property removed",
    ]);
  });

  it("a shared schema used both ways lists, per direction, the operations that reach it", () => {
    const next = baseDoc();
    delete label(next).properties.name;
    label(next).required = [];
    const changes = diffSpecs(baseDoc(), next).changes.map(({ kind, operations, message }) => ({
      kind,
      operations,
      message,
    }));
    expect(changes).toEqual([
      {
        kind: "request-field-removed",
        operations: ["createLead"],
        message: "schema LeadLabel `name`: field removed (in requests)",
      },
      {
        kind: "response-property-removed",
        operations: LEAD_OPS,
        message: "schema LeadLabel `name`: property removed (in responses)",
      },
    ]);
  });

  it("orders breaking changes first and carries operationId, method and path", () => {
    const next = baseDoc();
    delete byId(next).delete;
    listLead(next).summary = "Leads";
    lead(next).properties.city = { type: "string" };
    const diff = diffSpecs(baseDoc(), next);
    expect(diff.changes.map((c) => c.severity)).toEqual(["major", "minor", "patch"]);
    expect(diff.changes[0]).toMatchObject({
      kind: "operation-removed",
      operationId: "deleteLead",
      method: "DELETE",
      path: "/api/v2/leads/{id}",
    });
  });
});

describe("diff rules: the table covers every kind", () => {
  it("every kind of the SEVERITY table is the expected result of some row", () => {
    const covered = new Set(
      Object.values(table).flatMap((rows) =>
        rows.flatMap((row) => row.want.map((line) => line.split(" ")[1])),
      ),
    );
    const missing = Object.keys(SEVERITY).filter((kind) => !covered.has(kind));
    expect(missing).toEqual([]);
  });
});
