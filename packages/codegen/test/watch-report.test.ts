// The update report is a pull request body built from spec text and tool output: whatever those hold (backticks,
// line breaks, Markdown), each error stays one list item and every code block closes where it should.
import { describe, expect, it } from "vitest";
import { EXIT_BREAKS, EXIT_PASS, renderReportMarkdown, type UpdateReport } from "../src/watch/report.ts";

const HOSTILE = [
  "plain",
  "a `tick` b",
  "``double``",
  "line\nbreak",
  "ends with `",
  "# heading\n- item",
  "```fence```",
];

function report(message: string, tail: string): UpdateReport {
  const usage = {
    operationId: "getCampaign",
    kind: "hook" as const,
    file: "src/a.tsx",
    line: 3,
    column: 9,
    text: "x",
  };
  return {
    exitCode: EXIT_BREAKS,
    bump: "major",
    spec: { sha256: "a".repeat(64), source: message, previousSha256: "b".repeat(64) },
    changeset: {
      file: ".changeset/api-aaaaaaa.md",
      body: "API update\n\n**Removed operations**\n\n- `x` — GET /x\n",
    },
    added: [],
    removed: [
      { operationId: "getCampaign", method: "GET", path: "/c/{id}", severity: "major", changes: [message] },
    ],
    changed: [],
    apps: [
      {
        name: "app",
        dir: "apps/app",
        usages: [usage],
        typecheck: {
          ok: false,
          ms: 1,
          errors: [
            {
              file: "src/a.tsx",
              line: 3,
              column: 9,
              code: "TS2305",
              message,
              operationId: "getCampaign",
              usage,
            },
          ],
        },
        build: { ok: false, ms: 1, errors: [], tail },
        test: { ok: true, ms: 1, errors: [] },
      },
    ],
    scopes: [{ operationId: "getCampaign", before: [["a:read", "a:all"]], after: [["a:all"]] }],
    appScopes: [{ app: "app", before: ["a:read"], after: ["a:all"] }],
  };
}

describe("renderReportMarkdown", () => {
  it.each(HOSTILE)("keeps %j inside one list item and its code span", (text) => {
    const markdown = renderReportMarkdown(report(text, text));
    const errorLine = markdown.split("\n").find((line) => line.startsWith("- `src/a.tsx:3:9` TS2305"));
    expect(errorLine, markdown).toBeDefined();
    expect(errorLine).toContain("caused by `getCampaign` (used at `src/a.tsx:3`)");
    // The build output block: opened and closed by the same fence, longer than any backtick run inside.
    const lines = markdown.split("\n");
    const open = lines.findIndex((line) => /^`{3,}text$/.test(line));
    const fence = lines[open]?.replace(/text$/, "") ?? "";
    const close = lines.findIndex((line, index) => index > open && line === fence);
    expect(close).toBeGreaterThan(open);
    expect(lines.slice(open + 1, close).join("\n")).toBe(text.trimEnd());
    expect(lines.slice(open + 1, close).some((line) => line.startsWith(fence))).toBe(false);
  });

  it("says which: breaks or passes, the scopes that changed, the changelog", () => {
    const breaking = renderReportMarkdown(report("m", "t"));
    expect(breaking).toMatch(/^# API update: major \(spec aaaaaaa\)\n\n\*\*❌ Some app breaks\*\*/);
    expect(breaking).toContain("### `app` — ❌ type-check fails, build fails");
    expect(breaking).toContain("- `getCampaign`: one of `a:read`, `a:all` → one of `a:all`");
    expect(breaking).toContain("## Changelog (`.changeset/api-aaaaaaa.md`, bump: major)");
    const [app] = report("m", "t").apps;
    if (!app) throw new Error("fixture has an app");
    const passing = renderReportMarkdown({
      ...report("m", "t"),
      exitCode: EXIT_PASS,
      apps: [
        {
          ...app,
          typecheck: { ok: true, ms: 1, errors: [] },
          build: { ok: true, ms: 1, errors: [] },
        },
      ],
    });
    expect(passing).toContain("✅ Every app type-checks, builds and passes its tests");
    expect(passing).not.toContain("first errors");
  });
});
