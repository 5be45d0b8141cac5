// The update report: the body of the pull request the spec-watch workflow opens (Markdown), and the same facts as
// JSON. Spec text (operationIds, paths, messages) only ever appears inside code spans, like in the changelog.

import type { ScopeGroup } from "../model/index.ts";
import { code, oneLine } from "../spec/diff/markdown.ts";
import type { Bump, Severity } from "../spec/diff/types.ts";
import type { AppScopeChange } from "./app-scopes.ts";
import type { AppError } from "./diagnostics.ts";
import type { Usage } from "./usages.ts";

export const EXIT_UNCHANGED = 0;
export const EXIT_PASS = 10;
export const EXIT_BREAKS = 11;

export interface ChangedOperation {
  operationId: string;
  method: string;
  path: string;
  severity: Severity;
  /** One line per change (the diff's messages). */
  changes: string[];
}

export interface StepResult {
  ok: boolean;
  ms: number;
  /** The first errors, tied to operations where possible. */
  errors: AppError[];
  /** The script's output when it failed and no error line could be read from it (last lines). */
  tail?: string;
}

export interface AppImpact {
  name: string;
  dir: string;
  usages: Usage[];
  typecheck: StepResult;
  build: StepResult;
  test: StepResult;
}

export interface ScopeChange {
  operationId: string;
  before: readonly ScopeGroup[];
  after: readonly ScopeGroup[];
}

export interface UpdateReport {
  exitCode: number;
  bump: Bump;
  spec: { sha256: string; source: string; previousSha256: string | undefined };
  changeset: { file: string; body: string } | undefined;
  added: ChangedOperation[];
  removed: ChangedOperation[];
  changed: ChangedOperation[];
  apps: AppImpact[];
  scopes: ScopeChange[];
  /** Apps whose least-privilege key scopes change (`pnpm scopes` before and after). */
  appScopes: AppScopeChange[];
}

/** How many errors of one step the report shows (the rest is a count). */
export const FIRST_ERRORS = 5;

export function renderReportMarkdown(report: UpdateReport): string {
  const breaks = report.exitCode === EXIT_BREAKS;
  const out: string[] = [];
  out.push(`# API update: ${report.bump} (spec ${report.spec.sha256.slice(0, 7)})`, "");
  out.push(
    breaks
      ? "**❌ Some app breaks** against the regenerated packages — see _Impact on our apps_."
      : "**✅ Every app type-checks, builds and passes its tests** against the regenerated packages.",
    "",
  );
  out.push(
    `${report.added.length} operation${plural(report.added)} added, ${report.removed.length} removed, ` +
      `${report.changed.length} changed. Source: ${code(oneLine(report.spec.source))}.`,
    "",
  );

  out.push("## Impact on our apps", "");
  for (const app of report.apps) out.push(...renderApp(app), "");

  if (report.scopes.length > 0 || report.appScopes.length > 0) {
    out.push("## Scopes", "");
    if (report.scopes.length > 0) {
      out.push("Operations whose required API key scopes changed:", "");
      for (const scope of report.scopes) {
        out.push(`- ${code(scope.operationId)}: ${scopesText(scope.before)} → ${scopesText(scope.after)}`);
      }
      out.push("");
    }
    if (report.appScopes.length > 0) {
      out.push("Apps whose least-privilege API key changes (`pnpm scopes apps/<name>`):", "");
      for (const change of report.appScopes) {
        const list = (scopes: string[]) =>
          scopes.length > 0 ? scopes.map((scope) => code(scope)).join(", ") : "none";
        out.push(`- ${code(change.app)}: ${list(change.before)} → ${list(change.after)}`);
      }
      out.push("");
    }
  }

  if (report.changeset) {
    out.push(`## Changelog (${code(report.changeset.file)}, bump: ${report.bump})`, "");
    out.push(report.changeset.body.trim(), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function renderApp(app: AppImpact): string[] {
  const ok = app.typecheck.ok && app.build.ok && app.test.ok;
  const failing = [
    !app.typecheck.ok && "type-check fails",
    !app.build.ok && "build fails",
    !app.test.ok && "tests fail",
  ].filter(Boolean);
  const status = ok ? "✅ type-check, build and tests pass" : `❌ ${failing.join(", ")}`;
  const lines = [`### ${code(app.name)} — ${status}`, ""];
  const byOperation = new Map<string, Usage[]>();
  for (const usage of app.usages)
    byOperation.set(usage.operationId, [...(byOperation.get(usage.operationId) ?? []), usage]);
  if (byOperation.size === 0) {
    lines.push("Uses none of the changed operations.");
  } else {
    lines.push("Changed operations it uses:", "");
    for (const [id, usages] of byOperation) {
      const where = usages
        .map((usage) => `${code(`${usage.file}:${usage.line}`)} (${usage.kind})`)
        .join(", ");
      lines.push(`- ${code(id)}: ${where}`);
    }
  }
  for (const [label, step] of [
    ["Type-check fails", app.typecheck],
    ["Build fails", app.build],
    ["Tests fail", app.test],
  ] as const) {
    if (step.ok) continue;
    lines.push("", `${label} — first errors:`, "");
    for (const error of step.errors.slice(0, FIRST_ERRORS)) lines.push(`- ${errorLine(error)}`);
    if (step.errors.length > FIRST_ERRORS) lines.push(`- … and ${step.errors.length - FIRST_ERRORS} more`);
    if (step.errors.length === 0 && step.tail) lines.push(...fenced(step.tail.trimEnd()));
  }
  return lines;
}

function errorLine(error: AppError): string {
  const where = code(`${error.file}:${error.line}${error.column ? `:${error.column}` : ""}`);
  const cause =
    error.operationId === undefined
      ? "not tied to a changed operation"
      : `caused by ${code(error.operationId)}${error.usage ? ` (used at ${code(`${error.usage.file}:${error.usage.line}`)})` : ""}`;
  return `${where} ${error.code === "test" ? "" : `${error.code} `}${code(oneLine(error.message))} — ${cause}`;
}

/** A code block whose fence is longer than any backtick run in `text` (CommonMark): output cannot close it. */
function fenced(text: string): string[] {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  return [`${fence}text`, text, fence];
}

function scopesText(groups: readonly ScopeGroup[]): string {
  if (groups.length === 0) return "none documented";
  return groups.map((group) => `one of ${group.map((scope) => code(scope)).join(", ")}`).join(" and ");
}

function plural(list: readonly unknown[]): string {
  return list.length === 1 ? "" : "s";
}
