import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "./helpers/process.ts";
import { repoRoot } from "./helpers/repo.ts";
import { copyWorkspaceLayout, PUBLISHED_DIRS, runScript } from "./helpers/workspace-copy.ts";

// A spec update as a maintainer lives it, on a scratch copy of the repo: pull a newer real spec over an older
// one, read the changeset, regenerate and rebuild the packages, version them, and type-check the app. Then an
// upstream change that breaks the app: the type-check must fail and say which operation.

const SPECS = join(repoRoot, "..", "shared", "specs");
const OLD_SPEC = join(SPECS, "2026-08-12_6cf06fb.json");
const NEW_SPEC = join(SPECS, "2026-08-21_ef81935.json");
const cli = join(repoRoot, "packages", "codegen", "src", "cli.ts");
const changesetBin = join(repoRoot, "node_modules", "@changesets", "cli", "bin.js");

type Doc = { paths: Record<string, Record<string, { operationId?: string }>> };
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

function readDoc(file: string): Doc {
  return JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, "")) as Doc;
}

type Schema = {
  title?: string;
  type?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
};

/**
 * What the older document has that the newer one lost or retyped, in its named schemas (matched by title, as
 * `def-N` keys shift between versions): removed properties, changed types, removed enum values. A quick reading
 * aid for choosing the expected bump, not a second diff engine.
 */
function lostInSchemas(older: Doc, newer: Doc): string[] {
  const byTitle = (doc: Doc) =>
    new Map(
      Object.values(
        (doc as { components?: { schemas?: Record<string, Schema> } }).components?.schemas ?? {},
      ).map((schema) => [schema.title ?? "", schema]),
    );
  const next = byTitle(newer);
  const lost: string[] = [];
  for (const [title, schema] of byTitle(older)) {
    const now = next.get(title);
    if (!now) {
      lost.push(`${title}: schema removed`);
      continue;
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const after = now.properties?.[name];
      if (!after) lost.push(`${title}.${name}: removed`);
      else if (JSON.stringify(property.type) !== JSON.stringify(after.type))
        lost.push(`${title}.${name}: type changed`);
      else
        for (const value of property.enum ?? [])
          if (!after.enum?.includes(value)) lost.push(`${title}.${name}: enum ${value} removed`);
    }
  }
  return lost;
}

/** "METHOD path" → operationId, straight from a raw document. */
function operations(doc: Doc): Map<string, string> {
  const ops = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) ops.set(`${method.toUpperCase()} ${path}`, operation.operationId ?? "");
    }
  }
  return ops;
}

let root: string;

function pull(source: string) {
  return run(process.execPath, [cli, "pull", "--source", source], {
    cwd: root,
    env: { ...process.env, INSTANTLY_KIT_ROOT: root },
    timeoutMs: 300_000,
  });
}

function pendingChangesets(): string[] {
  return readdirSync(join(root, ".changeset")).filter((file) => file.endsWith(".md"));
}

function frontmatter(file: string): Record<string, string> {
  const text = readFileSync(join(root, ".changeset", file), "utf8");
  const block = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
  return Object.fromEntries(
    block.split("\n").map((line) => {
      const [name, bump] = line.split(":").map((part) => part.trim().replace(/^"|"$/g, ""));
      return [name ?? "", bump ?? ""];
    }),
  );
}

async function regenerateAndBuild(dirs: string[] = PUBLISHED_DIRS): Promise<void> {
  // The targets generate independently (each from the locked spec): side by side.
  const started = performance.now();
  const generated = await Promise.all(dirs.map((dir) => runScript(root, dir, "generate")));
  generated.forEach((result, index) => {
    expect(result.code, `${dirs[index]} generate: ${result.stderr}`).toBe(0);
  });
  console.log(`generate ${dirs.join(", ")}: ${Math.round(performance.now() - started)} ms`);
  // Dependency order: types ← zod ← client, msw ← react-query (its test kit is typed by msw's declarations).
  for (const dir of dirs) {
    const buildStarted = performance.now();
    const built = await runScript(root, dir, "build");
    expect(built.code, `${dir} build: ${built.stdout}${built.stderr}`).toBe(0);
    console.log(`${dir}: build ${Math.round(performance.now() - buildStarted)} ms`);
  }
}

beforeAll(() => {
  root = copyWorkspaceLayout();
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("spec update rehearsal", () => {
  it("older spec → newer spec: changeset, regeneration, one version for all five, the app still type-checks", async () => {
    const first = await pull(OLD_SPEC);
    expect(first.code, first.stderr).toBe(0);
    expect(pendingChangesets()).toEqual([]); // a first pull has nothing to compare with

    // What the documents say, read directly: this pair only adds (operations, schemas, enum values) —
    // nothing is removed or retyped — so the packages need a minor release.
    const before = operations(readDoc(OLD_SPEC));
    const after = operations(readDoc(NEW_SPEC));
    const removed = [...before.keys()].filter((key) => !after.has(key));
    const added = [...after.keys()].filter((key) => !before.has(key));
    expect(removed).toEqual([]);
    expect(lostInSchemas(readDoc(OLD_SPEC), readDoc(NEW_SPEC))).toEqual([]);
    expect(added.length).toBeGreaterThan(0);
    const expectedBump = "minor";

    const second = await pull(NEW_SPEC);
    expect(second.code, second.stderr).toBe(0);
    const [changeset, ...others] = pendingChangesets();
    expect(others).toEqual([]);
    if (!changeset) throw new Error("spec:pull wrote no changeset");
    expect(frontmatter(changeset)).toEqual({
      "@instantly-kit/types": expectedBump,
      "@instantly-kit/client": expectedBump,
      "@instantly-kit/react-query": expectedBump,
      "@instantly-kit/msw": expectedBump,
      "@instantly-kit/zod": expectedBump,
    });
    const changesetText = readFileSync(join(root, ".changeset", changeset), "utf8");
    const listAgents = after.get("GET /api/v2/ai-agents");
    expect(listAgents).toBe("listAIAgent");
    expect(changesetText).toContain("listAIAgent");

    await regenerateAndBuild();
    // The added operations are in every regenerated package.
    const generated = (dir: string) =>
      readdirSync(join(root, dir, "src", "generated"), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => readFileSync(join(entry.parentPath, entry.name), "utf8"))
        .join("\n");
    expect(generated("packages/types")).toContain("listAIAgent:");
    expect(generated("packages/react-query")).toContain("useListAIAgent");
    expect(generated("packages/msw")).toContain("listAIAgent");

    // changeset version: the fixed group moves together; private packages stay where they are.
    const versioned = await run(process.execPath, [changesetBin, "version"], { cwd: root });
    expect(versioned.code, versioned.stderr).toBe(0);
    const versions: Record<string, string> = {};
    for (const dir of PUBLISHED_DIRS) {
      const manifest = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
      const original = JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8"));
      versions[manifest.name] = manifest.version;
      const [major, minor] = String(original.version).split(".").map(Number);
      expect(manifest.version, dir).toBe(`${major}.${(minor ?? 0) + 1}.0`);
      const changelog = readFileSync(join(root, dir, "CHANGELOG.md"), "utf8");
      expect(changelog, `${dir}/CHANGELOG.md`).toContain(`## ${manifest.version}`);
      // The API changelog reads as a list under the release: each added operation by name and path.
      expect(changelog, `${dir}/CHANGELOG.md`).toContain("### Minor Changes");
      expect(changelog, `${dir}/CHANGELOG.md`).toMatch(/^ {2}- `listAIAgent` — GET \/api\/v2\/ai-agents$/m);
    }
    expect(new Set(Object.values(versions)).size).toBe(1);
    expect(JSON.parse(readFileSync(join(root, "apps/dashboard/package.json"), "utf8")).version).toBe("0.0.0");
    expect(pendingChangesets()).toEqual([]);

    const typecheck = await runScript(root, "apps/dashboard", "typecheck");
    expect(typecheck.code, typecheck.stdout + typecheck.stderr).toBe(0);
  });

  it("an upstream change that removes an operation the app uses: major changeset, and the app's type-check names it", async () => {
    // Upstream drops the daily campaign analytics the campaign page shows (built from the newest real spec,
    // in the scratch dir: never committed).
    const doc = readDoc(NEW_SPEC) as Doc & Record<string, unknown>;
    const daily = "/api/v2/campaigns/analytics/daily";
    expect(doc.paths[daily]?.get?.operationId).toBe("getDailyCampaignAnalytics");
    delete doc.paths[daily];
    const source = join(root, "upstream-without-daily-analytics.json");
    writeFileSync(source, JSON.stringify(doc));

    const pulled = await pull(source);
    expect(pulled.code, pulled.stderr).toBe(0);
    const [changeset] = pendingChangesets();
    if (!changeset) throw new Error("spec:pull wrote no changeset");
    expect(new Set(Object.values(frontmatter(changeset)))).toEqual(new Set(["major"]));
    const text = readFileSync(join(root, ".changeset", changeset), "utf8");
    expect(text).toContain("Breaking");
    expect(text).toContain("getDailyCampaignAnalytics");

    // The packages the app's failing import comes from (the full regeneration is the test above).
    await regenerateAndBuild(["packages/types", "packages/msw", "packages/react-query"]);
    const typecheck = await runScript(root, "apps/dashboard", "typecheck");
    expect(typecheck.code).not.toBe(0);
    const errors = typecheck.stdout.split("\n").filter((line) => line.includes("error TS"));
    console.log(errors.join("\n"));
    // The first error names the removed operation's hook where the campaign page imports it; the rest are
    // its consequences in the same file.
    expect(errors[0]).toMatch(
      /^src\/pages\/CampaignDetailPage\.tsx.*has no exported member named 'useGetDailyCampaignAnalytics'/,
    );
    for (const error of errors) expect(error).toMatch(/^src\/pages\/CampaignDetailPage\.tsx/);
  });
});
