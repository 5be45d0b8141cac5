import { join } from "node:path";
import type { ProjectPaths } from "../paths.ts";
import { code, oneLine } from "./diff/markdown.ts";
import { lineFor, usedBy } from "./diff/render.ts";
import type { SpecChange, SpecDiff } from "./diff/types.ts";

/**
 * The published packages. They are one changesets `fixed` group (.changeset/config.json): they version
 * together, in step with the spec, so an API change bumps all five.
 */
export const PUBLISHED_PACKAGES = [
  "@instantly-kit/types",
  "@instantly-kit/client",
  "@instantly-kit/react-query",
  "@instantly-kit/msw",
  "@instantly-kit/zod",
] as const;

export interface ApiChangesetMeta {
  /** sha256 of the new normalized spec (the lock's `sha256`). */
  sha256: string;
  /** Where the new spec came from (URL or path). */
  source: string;
}

/** Lists longer than this are cut, with a count of the rest (breaking changes are never cut). */
export const LIST_LIMIT = 30;

export function shortSha(sha256: string): string {
  return sha256.slice(0, 7);
}

/**
 * The changeset for an API update, or undefined when the diff requires no release (`bump: none`). The body
 * is written for CHANGELOG.md: changesets puts its first line in a list item and indents the rest under it.
 */
export function renderApiChangeset(diff: SpecDiff, meta: ApiChangesetMeta): string | undefined {
  if (diff.bump === "none") return undefined;
  const frontmatter = PUBLISHED_PACKAGES.map((name) => `"${name}": ${diff.bump}`).join("\n");
  const sections: string[] = [`API update (spec ${shortSha(meta.sha256)} from ${oneLine(meta.source)})`];

  const removed = diff.changes.filter((c) => c.kind === "operation-removed");
  const added = diff.changes.filter((c) => c.kind === "operation-added");
  const breaking = diff.changes.filter((c) => c.severity === "major" && c.kind !== "operation-removed");
  const changed = diff.changes.filter(
    (c) => c.severity === "minor" && c.kind !== "operation-added" && c.kind !== "schema-added",
  );
  const newSchemas = diff.changes.filter((c) => c.kind === "schema-added").map((c) => code(c.schema ?? ""));
  const docs = diff.changes.filter((c) => c.severity === "patch");

  if (breaking.length > 0 || removed.length > 0) {
    const items = breakingLines(breaking);
    if (removed.length > 0) {
      items.push(`${removed.length} operation${removed.length > 1 ? "s" : ""} removed (listed below)`);
    }
    sections.push(section("⚠️ Breaking changes", items));
  }
  if (added.length > 0) sections.push(section("Added operations", added.map(operationLine)));
  if (removed.length > 0) sections.push(section("Removed operations", removed.map(operationLine)));
  if (changed.length > 0 || newSchemas.length > 0) {
    const items = cut(changeLines(changed, 5), "changes");
    if (newSchemas.length > 0)
      items.push(`new schema${newSchemas.length > 1 ? "s" : ""}: ${newSchemas.join(", ")}`);
    sections.push(section("Changed fields", items));
  }
  if (docs.length > 0) {
    const items =
      docs.length > LIST_LIMIT
        ? [
            `${docs.length} documentation-only changes (descriptions, examples, summaries) — \`pnpm spec:diff\` lists them`,
          ]
        : changeLines(docs, 5);
    sections.push(section("Documentation-only", items));
  }
  return `---\n${frontmatter}\n---\n\n${sections.join("\n\n")}\n`;
}

/**
 * The changeset of an API change, `.changeset/api-<short sha>.md`, and its text; undefined when the bump is
 * `none`. The name depends only on the spec, so re-running a pull rewrites the same file. `meta.source` is the
 * lock's (relative to the repo for a local file: an absolute path of one machine means nothing to the readers of
 * a shared changelog). `spec:pull` writes it in one journaled transaction with the spec and the lock.
 */
export function apiChangeset(
  paths: ProjectPaths,
  diff: SpecDiff,
  meta: ApiChangesetMeta,
): { file: string; text: string } | undefined {
  const text = renderApiChangeset(diff, meta);
  return text === undefined
    ? undefined
    : { file: join(paths.changesetDir, `api-${shortSha(meta.sha256)}.md`), text };
}

function section(title: string, items: string[]): string {
  return `**${title}**\n\n${items.map((item) => `- ${item}`).join("\n")}`;
}

function cut(items: string[], noun: string): string[] {
  if (items.length <= LIST_LIMIT) return items;
  return [
    ...items.slice(0, LIST_LIMIT),
    `… and ${items.length - LIST_LIMIT} more ${noun} (\`pnpm spec:diff\` lists them)`,
  ];
}

function operationLine(change: SpecChange): string {
  return `${code(change.operationId ?? "")} — ${endpoint(change)}`;
}

/** `GET /api/v2/leads` on one line; a backtick in the path (spec text) is escaped so it opens no code span. */
function endpoint(change: SpecChange): string {
  return oneLine(`${change.method ?? ""} ${change.path ?? ""}`.trim()).replace(/[\\`]/g, "\\$&");
}

/**
 * The migration guide: every breaking operation gets one summary line — what it is and which parts of a call
 * change — with its changes nested under it; every shared schema with breaking changes likewise, naming the
 * operations that use it. Never cut.
 */
function breakingLines(changes: SpecChange[]): string[] {
  const groups = new Map<string, SpecChange[]>();
  for (const change of changes) {
    const key =
      change.path !== undefined
        ? `op\u0000${change.method}\u0000${change.path}`
        : change.schema !== undefined && isSchemaChange(change)
          ? `schema\u0000${change.schema}`
          : `other\u0000${groups.size}`;
    const group = groups.get(key);
    if (group) group.push(change);
    else groups.set(key, [change]);
  }
  return [...groups.values()].map((group) => {
    const [first] = group as [SpecChange, ...SpecChange[]];
    if (first.path !== undefined) {
      const parts = [...new Set(group.map(partOf))];
      const summary = `${code(first.operationId ?? "")} (${endpoint(first)}) — breaking: ${parts.join(", ")}`;
      return [summary, ...group.map((change) => `  - ${oneLine(change.message)}`)].join("\n");
    }
    if (isSchemaChange(first)) {
      const operations = [...new Set(group.flatMap((change) => change.operations ?? []))].sort();
      const summary = `schema ${code(first.schema ?? "")} (${usedBy(operations, 3)}) — breaking for readers and callers of these operations`;
      return [summary, ...group.map((change) => `  - ${oneLine(lineFor(change))}`)].join("\n");
    }
    return oneLine(first.message);
  });
}

/** Which part of a call a change is about: `request body`, `query parameter`, `response 200`, `operationId`. */
function partOf(change: SpecChange): string {
  if (change.kind === "operation-renamed") return "renamed";
  if (change.kind === "operation-moved") return "moved";
  const head = oneLine(change.message).split(/ `|:/)[0] ?? "";
  return head.replace(/ (removed|added|made (required|optional))$/, "").trim() || change.kind;
}

/**
 * One line per distinct change: the same edit on several operations (a path parameter's format dropped on 30
 * endpoints) is one line naming them — each with METHOD path, up to `listed` of them.
 */
function changeLines(changes: SpecChange[], listed: number): string[] {
  const groups = new Map<string, SpecChange[]>();
  for (const change of changes) {
    const key =
      change.path !== undefined
        ? `op\u0000${change.kind}\u0000${change.message}`
        : isSchemaChange(change)
          ? `schema\u0000${change.schema}\u0000${(change.operations ?? []).join(",")}`
          : `other\u0000${groups.size}`;
    const group = groups.get(key);
    if (group) group.push(change);
    else groups.set(key, [change]);
  }
  return [...groups.values()].map((group) => {
    const [first] = group as [SpecChange, ...SpecChange[]];
    if (group.length === 1) return changeLine(first);
    if (first.path === undefined) {
      // Several changes in one shared schema: the schema once, its changes as a nested list.
      const heading = `schema ${code(first.schema ?? "")} (${usedBy(first.operations ?? [], 3)}):`;
      const lines = group.slice(0, LIST_LIMIT).map((c) => `  - ${oneLine(lineFor(c))}`);
      if (group.length > LIST_LIMIT) lines.push(`  - … and ${group.length - LIST_LIMIT} more`);
      return [heading, ...lines].join("\n");
    }
    const names = group.slice(0, listed).map((c) => `${code(c.operationId ?? "")} (${endpoint(c)})`);
    const more = group.length > listed ? `, … ${group.length - listed} more` : "";
    return `${oneLine(first.message)} — ${group.length} operations: ${names.join(", ")}${more}`;
  });
}

function changeLine(change: SpecChange): string {
  if (change.path !== undefined) {
    return `${code(change.operationId ?? "")} (${endpoint(change)}): ${oneLine(change.message)}`;
  }
  if (isSchemaChange(change)) {
    return `schema ${code(change.schema ?? "")} (${usedBy(change.operations ?? [], 3)}): ${oneLine(lineFor(change))}`;
  }
  return oneLine(change.message);
}

/** A change inside a shared schema (not the schema's own addition or removal). */
function isSchemaChange(change: SpecChange): boolean {
  return change.schema !== undefined && change.kind !== "schema-added" && change.kind !== "schema-removed";
}
