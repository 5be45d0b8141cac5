// The API changeset written after a pull: frontmatter bumping the whole `fixed` group, a body that reads well
// in CHANGELOG.md — checked by running the real `changeset version` on a scratch workspace.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectPaths } from "../src/paths.ts";
import { apiChangeset, LIST_LIMIT, renderApiChangeset } from "../src/spec/changeset.ts";
import { diffSpecs, type SpecDiff } from "../src/spec/diff/index.ts";
import { removeTempRoots, runCli, tempRoot } from "./cli.ts";
import { baseDoc } from "./diff-helpers.ts";
import { FIXTURES } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const CONFIG = JSON.parse(readFileSync(join(ROOT, ".changeset", "config.json"), "utf8"));
const CHANGESET_BIN = join(ROOT, "node_modules", "@changesets", "cli", "bin.js");
const META = { sha256: "3f2a9c1d00aa", source: "https://api.instantly.ai/openapi/api_v2.json" };
const scratch = mkdtempSync(join(tmpdir(), "ik-changeset-"));
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await removeTempRoots();
});

/** A diff with one change of every section: removed, moved, added operations, a changed field, docs. */
function mixedDiff(): SpecDiff {
  const next = baseDoc();
  const byId = next.paths["/api/v2/leads/{id}"];
  delete byId.delete; // removed
  next.paths["/api/v2/campaigns/"] = next.paths["/api/v2/campaigns"]; // moved (trailing slash)
  delete next.paths["/api/v2/campaigns"];
  next.paths["/api/v2/tags"] = {
    get: { operationId: "listTag", responses: { 200: { description: "Tags" } } },
  }; // added
  next.components.schemas.Lead.properties.note.type = "number"; // breaking, in a shared schema
  next.paths["/api/v2/leads"].get.parameters.push({ name: "sort", in: "query", schema: { type: "string" } }); // minor
  next.paths["/api/v2/leads"].get.summary = "All leads"; // patch
  next.components.schemas.Segment = { title: "Segment", type: "object" }; // minor: new schema
  next.components.schemas.Audience = { title: "Audience", type: "object" }; // minor: new schema
  return diffSpecs(baseDoc(), next);
}

describe("renderApiChangeset", () => {
  it("writes nothing when nothing changed in meaning", () => {
    expect(renderApiChangeset({ bump: "none", changes: [] }, META)).toBeUndefined();
  });

  it("bumps exactly the packages of the changesets fixed group with the diff's bump", () => {
    const text = renderApiChangeset(mixedDiff(), META) as string;
    const frontmatter = text.split("---")[1]?.trim().split("\n") ?? [];
    const fixedGroup: string[] = CONFIG.fixed[0];
    expect(frontmatter.sort()).toEqual(fixedGroup.map((name) => `"${name}": major`).sort());
  });

  it("names the spec and its source, calls out each breaking change with operationId and METHOD path", () => {
    const text = renderApiChangeset(mixedDiff(), META) as string;
    const body = text.split("---\n")[2] ?? "";
    expect(body.trimStart().split("\n")[0]).toBe(`API update (spec 3f2a9c1 from ${META.source})`);
    const breaking = section(text, "⚠️ Breaking changes");
    expect(breaking).toContain(
      "- `listCampaign` (GET /api/v2/campaigns/) — breaking: moved\n  - moved from GET /api/v2/campaigns to GET /api/v2/campaigns/",
    );
    expect(breaking).toContain(
      "- schema `Lead` (used by 5 operations: createLead, getLead, listCampaign, … 2 more) — breaking for readers and callers of these operations\n  - `note`: type string → number",
    );
    expect(breaking).toContain("- 1 operation removed (listed below)");
    expect(section(text, "Added operations")).toBe("- `listTag` — GET /api/v2/tags");
    expect(section(text, "Removed operations")).toBe("- `deleteLead` — DELETE /api/v2/leads/{id}");
    expect(section(text, "Changed fields")).toBe(
      "- `listLead` (GET /api/v2/leads): optional query parameter `sort` added\n- new schemas: `Audience`, `Segment`",
    );
    expect(section(text, "Documentation-only")).toBe("- `listLead` (GET /api/v2/leads): summary changed");
  });

  it("a summary line per breaking operation with its changes under it; one line for a minor change on several operations", () => {
    const next = baseDoc();
    next.paths["/api/v2/leads/{id}"].parameters[0].schema.format = "uuid"; // minor ×3 (get, patch, delete)
    next.paths["/api/v2/leads/{id}"].parameters[0].schema.type = "integer"; // major ×3
    const text = renderApiChangeset(diffSpecs(baseDoc(), next), META) as string;
    expect(section(text, "⚠️ Breaking changes").split("\n")).toEqual([
      "- `deleteLead` (DELETE /api/v2/leads/{id}) — breaking: path parameter",
      "  - path parameter `id`: type string → integer",
      "- `getLead` (GET /api/v2/leads/{id}) — breaking: path parameter",
      "  - path parameter `id`: type string → integer",
      "- `patchLead` (PATCH /api/v2/leads/{id}) — breaking: path parameter",
      "  - path parameter `id`: type string → integer",
    ]);
    expect(section(text, "Changed fields")).toBe(
      '- path parameter `id`: format `(none)` → `"uuid"` — 3 operations: `deleteLead` (DELETE /api/v2/leads/{id}), `getLead` (GET /api/v2/leads/{id}), `patchLead` (PATCH /api/v2/leads/{id})',
    );
  });

  it("collapses long lists: documentation-only changes to a count, changed fields after the limit", () => {
    const base = baseDoc();
    const next = baseDoc();
    for (let i = 0; i < LIST_LIMIT + 5; i++) {
      const op = (summary: string, parameters: unknown[]) => ({
        get: { operationId: `x${i}`, summary, parameters, responses: { 200: { description: "ok" } } },
      });
      base.paths[`/api/v2/x${i}`] = op("y", []);
      // A differently named optional parameter on each operation: 35 distinct minor changes.
      next.paths[`/api/v2/x${i}`] = op("x", [{ name: `p${i}`, in: "query", schema: { type: "string" } }]);
    }
    const diff = diffSpecs(base, next);
    expect(diff.bump).toBe("minor");
    const text = renderApiChangeset(diff, META) as string;
    expect(text).not.toContain("Breaking changes");
    const changed = section(text, "Changed fields").split("\n");
    expect(changed).toHaveLength(LIST_LIMIT + 1);
    expect(changed[0]).toBe("- `x0` (GET /api/v2/x0): optional query parameter `p0` added");
    expect(changed.at(-1)).toBe("- … and 5 more changes (`pnpm spec:diff` lists them)");
    expect(section(text, "Documentation-only").split("\n")).toEqual([
      `- ${LIST_LIMIT + 5} documentation-only changes (descriptions, examples, summaries) — \`pnpm spec:diff\` lists them`,
    ]);
  });

  it("lists several changes of one shared schema under it, capped", () => {
    const next = baseDoc();
    for (let i = 0; i < LIST_LIMIT + 2; i++)
      next.components.schemas.Lead.properties[`extra_${i}`] = { type: "string" };
    const changed = section(
      renderApiChangeset(diffSpecs(baseDoc(), next), META) as string,
      "Changed fields",
    ).split("\n");
    expect(changed[0]).toBe(
      "- schema `Lead` (used by 5 operations: createLead, getLead, listCampaign, … 2 more):",
    );
    expect(changed[1]).toBe("  - `extra_0`: optional property added");
    expect(changed).toHaveLength(LIST_LIMIT + 2);
    expect(changed.at(-1)).toBe("  - … and 2 more");
  });
});

describe("the changelog as a migration guide", () => {
  const guide = () => {
    const next = baseDoc();
    const byId = next.paths["/api/v2/leads/{id}"];
    byId.get.operationId = "fetchLead"; // operationId renamed on the same method + path
    next.components.schemas.Lead.properties.status.enum = ["active", "halted"]; // enum value replaced
    const body = next.paths["/api/v2/leads"].post.requestBody.content["application/json"].schema;
    body.properties.nick = body.properties.nickname; // property renamed (same schema)
    delete body.properties.nickname;
    const list = next.paths["/api/v2/campaigns"].get.responses["200"].content["application/json"];
    list.schema = { type: "object", properties: { items: list.schema }, required: ["items"] }; // wrapped
    body.properties.source.oneOf.push({ type: "array", items: { type: "string" } }); // a union member added
    return renderApiChangeset(diffSpecs(baseDoc(), next), META) as string;
  };

  it("shows renames as renames, a new shape with what to read, union members by type", () => {
    const breaking = section(guide(), "⚠️ Breaking changes").split("\n");
    expect(breaking).toContain("  - operationId `getLead` renamed to `fetchLead`: call `fetchLead` instead");
    expect(breaking).toContain('  - `status`: enum value renamed: `"paused"` → `"halted"`');
    expect(breaking).toContain("  - request body `nickname`: renamed to `nick`");
    expect(breaking).toContain(
      "  - response 200: type array → object: now `{ items: Campaign[] }` (was `Campaign[]`): read `.items`",
    );
    const changed = section(guide(), "Changed fields");
    expect(changed).toContain("request body `source`: union member `string[]` added");
    expect(guide()).not.toMatch(/#\d|oneOf\[\d/);
  });

  it("gives each breaking operation exactly one summary line, before its details", () => {
    const lines = section(guide(), "⚠️ Breaking changes").split("\n");
    const summaries = lines.filter((line) => line.startsWith("- `"));
    expect(summaries).toEqual([
      "- `listCampaign` (GET /api/v2/campaigns) — breaking: response 200",
      "- `createLead` (POST /api/v2/leads) — breaking: request body",
      "- `fetchLead` (GET /api/v2/leads/{id}) — breaking: renamed",
    ]);
    for (const summary of summaries) expect(lines[lines.indexOf(summary) + 1]).toMatch(/^ {2}- /);
  });
});

describe("spec text in the changelog cannot break its Markdown", () => {
  // Every place a spec string reaches the changelog: property, parameter and enum value names, schema and
  // operation names come normalized (identifiers), paths are printed as written.
  const HOSTILE = [
    "a`b",
    "``x``",
    "line\nbreak",
    "cr\r\nlf",
    "`lead",
    "trail`",
    "**bold** _i_ <b>",
    "- item",
    "| pipe |",
  ];
  const places: [string, (doc: ReturnType<typeof baseDoc>, text: string) => void][] = [
    [
      "response property removed",
      (d, t) => {
        d.components.schemas.Lead.properties[t] = { type: "string" };
      },
    ],
    [
      "request field",
      (d, t) => {
        d.paths["/api/v2/leads"].post.requestBody.content["application/json"].schema.properties[t] = {
          type: "string",
        };
      },
    ],
    [
      "query parameter",
      (d, t) => {
        d.paths["/api/v2/leads"].get.parameters.push({ name: t, in: "query", schema: { type: "string" } });
      },
    ],
    [
      "enum value",
      (d, t) => {
        d.components.schemas.Lead.properties.status.enum.push(t);
      },
    ],
    [
      "path",
      (d, t) => {
        d.paths[`/api/v2/${t}`] = {
          get: { operationId: "weird", responses: { 200: { description: "ok" } } },
        };
      },
    ],
  ];
  const cases = places.flatMap(([place, put]) => HOSTILE.map((text) => ({ place, put, text })));

  it.each(cases)(
    "$place named $text: removed → every changelog line keeps its list structure",
    ({ place, put, text }) => {
      const before = baseDoc();
      put(before, text);
      const rendered = renderApiChangeset(diffSpecs(before, baseDoc()), META) as string;
      const body = rendered.split("---\n")[2] ?? "";
      const [, title, ...lines] = body.split("\n");
      expect(title).toMatch(/^API update /);
      for (const line of lines) {
        expect(line).toMatch(/^$|^\*\*[^*]+\*\*$|^- |^ {2}- /);
      }
      const flat = text.replace(/[\r\n]+/g, " ");
      if (place === "path") {
        // Outside code spans: on one line, its backticks escaped.
        expect(body).toContain(`/api/v2/${flat.replace(/[\\`]/g, "\\$&")}`);
        return;
      }
      // The name is there, on one line, inside a code span whose fence no backtick run in it can close.
      const shown = place === "enum value" ? JSON.stringify(text) : flat;
      const spans = [...body.matchAll(/(`+)(.*?[^`])\1(?!`)/g)].map((match) => match[2]?.trim());
      expect(spans).toContain(shown.trim());
    },
  );
});

describe("apiChangeset", () => {
  it("is .changeset/api-<short sha>.md with the rendered text, the same for the same spec, nothing for bump none", () => {
    const paths = projectPaths(join(scratch, "repo"));
    const diff = mixedDiff();
    const changeset = apiChangeset(paths, diff, META);
    expect(changeset).toEqual({
      file: join(scratch, "repo", ".changeset", "api-3f2a9c1.md"),
      text: renderApiChangeset(diff, META),
    });
    expect(apiChangeset(paths, mixedDiff(), { ...META, source: "elsewhere" })?.file).toBe(changeset?.file);
    expect(
      apiChangeset(paths, { bump: "none", changes: [] }, { ...META, sha256: "ffffff00" }),
    ).toBeUndefined();
  });

  it("a pull from a local file names it relative to the repository (the lock's source), not by this machine's path", {
    timeout: 120_000,
  }, async () => {
    const root = await tempRoot([]);
    const first = await runCli(root, ["pull", "--source", join(FIXTURES, "cursor-pagination.json")]);
    expect(first.code, first.stderr).toBe(0);
    const second = await runCli(root, ["pull", "--source", join(FIXTURES, "operation-docs.json")]);
    expect(second.code, second.stderr).toBe(0);
    const [name] = readdirSync(join(root, ".changeset")).filter((file) => file.startsWith("api-"));
    const source = relative(root, join(FIXTURES, "operation-docs.json"));
    expect(source.startsWith("..")).toBe(true);
    expect(readFileSync(join(root, ".changeset", name as string), "utf8")).toContain(`from ${source})`);
  });

  it("`changeset version` turns it into a major release of all five packages with the changelog body", async () => {
    const root = join(scratch, "workspace");
    mkdirSync(join(root, ".changeset"), { recursive: true });
    writeFileSync(join(root, ".changeset", "config.json"), JSON.stringify(CONFIG));
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "root", private: true }));
    writeFileSync(join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
    const names: string[] = CONFIG.fixed[0];
    for (const name of names) {
      const dir = join(root, "packages", name.split("/")[1] as string);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name, version: "1.4.2" }));
    }
    const changeset = apiChangeset(projectPaths(root), mixedDiff(), META);
    writeFileSync(changeset?.file as string, changeset?.text as string);
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, [CHANGESET_BIN, "version"], { cwd: root }, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
    for (const name of names) {
      const dir = join(root, "packages", name.split("/")[1] as string);
      expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version).toBe("2.0.0");
      const changelog = readFileSync(join(dir, "CHANGELOG.md"), "utf8");
      expect(changelog).toContain("## 2.0.0\n\n### Major Changes\n\n- API update (spec 3f2a9c1 from");
      expect(changelog).toContain("  **⚠️ Breaking changes**");
      expect(changelog).toContain("  - `deleteLead` — DELETE /api/v2/leads/{id}");
    }
    expect(readdirSync(join(root, ".changeset"))).toEqual(["config.json"]);
  });
});

/** The list under a `**title**` heading of the changeset, up to the next heading. */
function section(text: string, title: string): string {
  const start = text.indexOf(`**${title}**\n\n`);
  if (start < 0) return "";
  const rest = text.slice(start + title.length + 6);
  const end = rest.indexOf("\n\n**");
  return (end < 0 ? rest : rest.slice(0, end)).trimEnd();
}
