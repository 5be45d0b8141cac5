import type { Severity, SpecChange, SpecDiff } from "./types.ts";

const HEADINGS: Record<Severity, string> = {
  major: "Breaking changes (major)",
  minor: "Additive changes (minor)",
  patch: "Documentation-only changes (patch)",
};

/** Past this many documentation-only changes the text output summarizes them (`--json` lists them all). */
export const PATCH_LIST_LIMIT = 30;

/**
 * The human-readable diff: breaking changes first, each severity grouped by operation (METHOD path) or shared
 * schema, and a last line `bump: <bump>` that scripts can grep.
 */
export function renderDiffText(diff: SpecDiff): string {
  const lines: string[] = [];
  if (diff.changes.length === 0) lines.push("No changes in meaning.");
  for (const severity of ["major", "minor", "patch"] as const) {
    const changes = diff.changes.filter((change) => change.severity === severity);
    if (changes.length === 0) continue;
    lines.push(`${HEADINGS[severity]}: ${changes.length}`);
    const groups = groupChanges(changes);
    if (severity === "patch" && changes.length > PATCH_LIST_LIMIT) {
      lines.push(`  ${summarizeGroups(groups)} (run with --json for the full list)`);
    } else {
      for (const [heading, members] of groups) {
        lines.push(`  ${heading}`);
        for (const change of members) lines.push(`    - ${lineFor(change)}`);
      }
    }
    lines.push("");
  }
  lines.push(`bump: ${diff.bump}`);
  return `${lines.join("\n")}\n`;
}

/** Changes grouped under "METHOD path (operationId)", "schema Name (used by …)" or "document", in input order. */
export function groupChanges(changes: readonly SpecChange[]): Map<string, SpecChange[]> {
  const groups = new Map<string, SpecChange[]>();
  for (const change of changes) {
    const heading = headingFor(change);
    const group = groups.get(heading);
    if (group) group.push(change);
    else groups.set(heading, [change]);
  }
  return groups;
}

export function headingFor(change: SpecChange): string {
  if (change.path !== undefined)
    return `${change.method ?? ""} ${change.path} (${change.operationId ?? "?"})`.trim();
  if (change.schema !== undefined) {
    if (change.kind === "schema-added" || change.kind === "schema-removed") return "schemas";
    return `schema ${change.schema} (${usedBy(change.operations ?? [])})`;
  }
  return "document";
}

export function usedBy(operations: readonly string[], limit = 5): string {
  if (operations.length === 0) return "not used by any operation";
  const shown = operations.slice(0, limit).join(", ");
  const more = operations.length > limit ? `, … ${operations.length - limit} more` : "";
  return `used by ${operations.length} operation${operations.length > 1 ? "s" : ""}: ${shown}${more}`;
}

/** The message without the `schema Name` prefix its group heading already shows. */
export function lineFor(change: SpecChange): string {
  const prefix = `schema ${change.schema}`;
  if (change.schema !== undefined && change.message.startsWith(prefix) && headingFor(change) !== "schemas") {
    const rest = change.message.slice(prefix.length);
    return rest.startsWith(" ") ? rest.slice(1) : rest.replace(/^: /, "");
  }
  return change.message;
}

function summarizeGroups(groups: Map<string, SpecChange[]>): string {
  let operations = 0;
  let schemas = 0;
  let changes = 0;
  for (const [heading, members] of groups) {
    changes += members.length;
    if (heading.startsWith("schema ")) schemas++;
    else if (heading !== "document") operations++;
  }
  return `${changes} documentation-only changes in ${plural(operations, "operation")} and ${plural(schemas, "schema")}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
