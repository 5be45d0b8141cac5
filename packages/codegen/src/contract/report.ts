import type { CheckedOperation } from "./run.ts";

export interface ContractSummary {
  ok: number;
  drift: number;
  skipped: number;
  error: number;
}

export function summarize(checked: readonly CheckedOperation[]): ContractSummary {
  const summary: ContractSummary = { ok: 0, drift: 0, skipped: 0, error: 0 };
  for (const { outcome } of checked) summary[outcome.result === "skipped" ? "skipped" : outcome.result]++;
  return summary;
}

/** 0 when every operation called matched the spec; 1 when anything drifted or could not be checked. */
export function exitCodeOf(summary: ContractSummary): number {
  return summary.drift > 0 || summary.error > 0 ? 1 : 0;
}

const LABEL = { ok: "OK", drift: "DRIFT", skipped: "SKIP", error: "ERROR" } as const;

/**
 * Violations listed per drift in the text report: a map whose every key breaks its schema (thousands in one page)
 * would otherwise be as many lines of a CI log. `--json` has them all.
 */
const TEXT_VIOLATIONS = 50;

/** One line, whatever a server put in it. */
function oneLine(text: string, max = 160): string {
  const flat = [...text]
    .map((char) => {
      const code = char.codePointAt(0) as number;
      // C0/C1 controls and line separators would break the report's line (or the terminal).
      return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 ? " " : char;
    })
    .join("")
    .trim();
  return [...flat].length > max ? `${[...flat].slice(0, max).join("")}…` : flat;
}

/**
 * The human report: each drift with its violations (JSON path, expected, got, one redacted sample), each
 * error and skip with its reason, then the summary table (one row per operation) and the totals.
 */
export function renderText(
  checked: readonly CheckedOperation[],
  header: { baseUrl: string; spec: string },
): string {
  const lines = [`contract:check ${header.baseUrl} against spec ${header.spec}`, ""];
  for (const { operationId, path, outcome } of checked) {
    if (outcome.result === "drift") {
      lines.push(`DRIFT ${operationId} (GET ${path}) — response ${outcome.status}:`);
      for (const v of outcome.violations.slice(0, TEXT_VIOLATIONS)) {
        const times = v.count > 1 ? ` (×${v.count})` : "";
        const sample = v.sample === undefined ? "" : `  sample: ${oneLine(v.sample, 80)}`;
        // The client escapes what a server put in a path or value; one line each, as a last guard.
        lines.push(`  ${oneLine(`${v.path}: expected ${v.expected}, got ${v.got}`, 400)}${times}${sample}`);
      }
      const more = outcome.violations.length - TEXT_VIOLATIONS;
      if (more > 0) lines.push(`  … ${more} more violation${more === 1 ? "" : "s"} (--json lists them all)`);
    } else if (outcome.result === "error") {
      lines.push(`ERROR ${operationId} (GET ${path}): ${oneLine(outcome.reason)}`);
    }
  }
  if (lines.length > 2) lines.push("");
  const idWidth = Math.max(9, ...checked.map((c) => c.operationId.length));
  const pathWidth = Math.max(4, ...checked.map((c) => c.path.length));
  lines.push(`${"operation".padEnd(idWidth)}  ${"path".padEnd(pathWidth)}  result`);
  for (const { operationId, path, outcome } of checked) {
    const detail =
      outcome.result === "drift"
        ? `${outcome.violations.length} violation${outcome.violations.length === 1 ? "" : "s"}`
        : outcome.result === "skipped"
          ? outcome.reason
          : outcome.result === "error"
            ? outcome.status === undefined
              ? "no answer"
              : `status ${outcome.status}`
            : "";
    lines.push(
      `${operationId.padEnd(idWidth)}  ${path.padEnd(pathWidth)}  ${LABEL[outcome.result]}${detail ? ` (${oneLine(detail, 100)})` : ""}`,
    );
  }
  const s = summarize(checked);
  lines.push(
    "",
    `${s.ok} OK, ${s.drift} drift, ${s.error} error, ${s.skipped} skipped (${checked.length} GET operations)`,
  );
  return `${lines.join("\n")}\n`;
}

/** `--json`: one object — `{ baseUrl, spec, summary, operations: [{ operationId, method, path, result, … }] }`. */
export function renderJson(
  checked: readonly CheckedOperation[],
  header: { baseUrl: string; spec: string },
): string {
  const operations = checked.map(({ operationId, method, path, outcome }) => ({
    operationId,
    method,
    path,
    ...outcome,
  }));
  return `${JSON.stringify({ ...header, summary: summarize(checked), operations }, null, 2)}\n`;
}
