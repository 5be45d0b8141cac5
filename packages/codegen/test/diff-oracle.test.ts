// The diff's "major" checked against the compiler: for every fixture row of diff-rules-table.ts and every
// consecutive pair of real spec versions (/work/shared/specs, read in place: never copied), the compiler oracle (test/oracle/) generates @instantly-kit/types for
// both documents with the types target and compiles the probes of a strict consumer of the old types against
// the new ones. "major" must be exactly "some probe that compiled before fails now".
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../src/spec/diff/index.ts";
import { loadSpec } from "../src/spec/load.ts";
import { baseDoc, reverseKeys } from "./diff-helpers.ts";
import { createBody, lead, table } from "./diff-rules-table.ts";
import { compilerOracle, type OracleVerdict, type SpecPair } from "./oracle/index.ts";

interface Judged {
  name: string;
  pair: SpecPair;
}

/** Pairs where the diff and the compiler disagree, with what the compiler found (or that it found nothing). */
function disagreements(judged: readonly Judged[], verdicts: readonly OracleVerdict[]): string[] {
  const out: string[] = [];
  judged.forEach(({ name, pair }, index) => {
    const verdict = verdicts[index] as OracleVerdict;
    const bump = diffSpecs(pair.old, pair.new).bump;
    const broken = verdict.broken.length > 0;
    if ((bump === "major") === broken) return;
    const evidence = verdict.broken
      .slice(0, 3)
      .map((probe) => `${probe.label}: ${probe.error.slice(0, 160)}`)
      .join(" | ");
    out.push(
      `${name}: diff says ${bump}, compiler ${broken ? `breaks ${evidence}` : "finds nothing broken"}`,
    );
  });
  return out;
}

function report(kind: string, judged: readonly Judged[], wrong: readonly string[]): void {
  process.stdout.write(`oracle ${kind}: diff agrees on ${judged.length - wrong.length}/${judged.length}\n`);
}

describe("compiler oracle: fixture pairs", () => {
  const judged: Judged[] = [];
  for (const [group, rows] of Object.entries(table)) {
    for (const row of rows) {
      const next = baseDoc();
      row.edit(next);
      judged.push({ name: `${group}: ${row.rule}`, pair: { old: baseDoc(), new: next } });
    }
  }
  const same = (name: string, edit: (doc: ReturnType<typeof baseDoc>) => void) => {
    const next = baseDoc();
    edit(next);
    judged.push({ name: `none: ${name}`, pair: { old: baseDoc(), new: next } });
  };
  same("the same document", () => {});
  same("nullable: true ↔ type [T, null]", (next) => {
    lead(next).properties.score = { type: "number", nullable: true };
    createBody(next).properties.first_name = { type: "string", nullable: true };
  });
  same("a $ref replaced by an identical inline schema", (next) => {
    createBody(next).properties.label = structuredClone(next.components.schemas.LeadLabel);
  });
  judged.push({
    name: "none: key order shuffled",
    pair: { old: baseDoc(), new: reverseKeys(baseDoc()) as object },
  });

  it("agrees with the diff on every row (one program for all rows)", async () => {
    const verdicts = await compilerOracle(judged.map((entry) => entry.pair));
    // The probes must be expressible on the base document: a probe failing before would hide breaks.
    expect(verdicts.flatMap((verdict) => verdict.unprobeable.map((probe) => probe.label))).toEqual([]);
    const wrong = disagreements(judged, verdicts);
    report("fixtures", judged, wrong);
    expect(wrong).toEqual([]);
  }, 600_000);
});

describe("compiler oracle: consecutive real spec versions", () => {
  const SPECS = join(import.meta.dirname, "..", "..", "..", "..", "shared", "specs");
  const files = readdirSync(SPECS)
    .filter((name) => /^\d{4}-\d{2}-\d{2}_[0-9a-f]+\.json$/.test(name))
    .sort();

  it(`agrees with the diff on all ${files.length - 1} pairs (one program, each version generated once)`, async () => {
    const documents: object[] = [];
    for (const file of files) documents.push((await loadSpec(join(SPECS, file))).document);
    const judged: Judged[] = documents.slice(1).map((document, index) => ({
      name: `${files[index]} → ${files[index + 1]}`,
      pair: { old: documents[index] as object, new: document },
    }));
    const verdicts = await compilerOracle(judged.map((entry) => entry.pair));
    expect(verdicts.flatMap((verdict) => verdict.unprobeable.map((probe) => probe.label))).toEqual([]);
    const wrong = disagreements(judged, verdicts);
    report("corpus", judged, wrong);
    expect(wrong).toEqual([]);
  }, 1_200_000);
});
