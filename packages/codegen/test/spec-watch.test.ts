// `spec:watch` end to end on a scratch copy of the repo, driven by the real versions in ../shared/specs (read
// from there, never committed): nothing changed → 0 and nothing touched; a failing source or a failing build →
// 1 and the tree as before; a SIGTERM → 143 and the tree as before (signals in detail, on small fixture specs:
// spec-watch-signals.test.ts); a minor update → 10 with the added operations and every app passing; an update that
// removes an operation the dashboard uses → 11, naming the operation, the dashboard's file:line and the error.
// The update as a maintainer then releases it, on the same runs (what the release rehearsal of tests/release did
// with its own pulls, regenerations and builds of the same two specs): the changeset's bump agrees with what the
// documents say, `changeset version` moves all five packages together and writes their changelogs, and the
// removal's changeset is major and names the operation.
// Slow by nature (it regenerates, builds, type-checks and tests the dashboard): one scratch copy, run in order.
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRepoRoot } from "../src/paths.ts";
import type { UpdateReport } from "../src/watch/report.ts";
import { CLI, SPECS_DIR } from "./helpers.ts";

const repoRoot = findRepoRoot(import.meta.dirname);
const OLD_SPEC = join(SPECS_DIR, "2026-08-12_6cf06fb.json");
const NEW_SPEC = join(SPECS_DIR, "2026-08-21_ef81935.json");
const SLOW = 900_000;
const PUBLISHED = ["types", "zod", "client", "msw", "react-query"];
const changesetBin = join(repoRoot, "node_modules", "@changesets", "cli", "bin.js");

let scratch: string;
let root: string;
let bin: string;

const SKIP = new Set(["dist", "generated", ".turbo", "test-results", "CHANGELOG.md", "public"]);

/** The repo layout spec:watch works on; node_modules are pnpm's relative links into the real store. */
function copyRepo(): void {
  scratch = mkdtempSync(join(tmpdir(), "instantly-kit-watch-"));
  root = join(scratch, "repo");
  bin = join(scratch, "bin");
  mkdirSync(root);
  mkdirSync(bin);
  for (const file of ["package.json", "pnpm-workspace.yaml", "tsconfig.base.json"]) {
    cpSync(join(repoRoot, file), join(root, file));
  }
  mkdirSync(join(root, "spec"));
  mkdirSync(join(root, ".changeset"));
  cpSync(join(repoRoot, ".changeset", "config.json"), join(root, ".changeset", "config.json"));
  symlinkSync(join(repoRoot, "node_modules"), join(root, "node_modules"));
  mkdirSync(join(root, "packages"));
  symlinkSync(join(repoRoot, "packages", "codegen"), join(root, "packages", "codegen"));
  const copy = (dir: string) =>
    cpSync(join(repoRoot, dir), join(root, dir), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !SKIP.has(basename(source)),
    });
  for (const name of ["types", "zod", "client", "react-query", "msw"]) copy(`packages/${name}`);
  mkdirSync(join(root, "apps"));
  copy("apps/dashboard");
  // The app scripts call `pnpm` (the dashboard's build runs `pnpm worker`): the one the repo pins.
  writeFileSync(join(bin, "pnpm"), '#!/bin/sh\nexec npx --yes pnpm@10.34.8 "$@"\n');
  chmodSync(join(bin, "pnpm"), 0o755);
}

function setSources(...sources: string[]): void {
  writeFileSync(join(root, "spec", "sources.json"), `${JSON.stringify({ sources }, null, 2)}\n`);
}

function pendingChangesets(): string[] {
  return readdirSync(join(root, ".changeset")).filter((file) => file.endsWith(".md"));
}

/** A changeset's frontmatter: package name → bump. */
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

type Doc = { paths: Record<string, Record<string, { operationId?: string }>> };
type Schema = { title?: string; type?: unknown; enum?: unknown[]; properties?: Record<string, Schema> };
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

function readDoc(file: string): Doc {
  return JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, "")) as Doc;
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

/** The text of every generated file of a package in the scratch repo. */
function generated(name: string): string {
  return readdirSync(join(root, "packages", name, "src", "generated"), {
    recursive: true,
    withFileTypes: true,
  })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), "utf8"))
    .join("\n");
}

/** sha256 over every path and file of the scratch repo (links by target), dist/ and generated code included. */
function treeHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      const rel = path.slice(root.length);
      if (entry.name === "node_modules" || entry.name === ".turbo") continue;
      if (entry.isSymbolicLink()) hash.update(`L${rel}\0`);
      else if (entry.isDirectory()) {
        hash.update(`D${rel}\0`);
        walk(path);
      } else hash.update(`F${rel}\0`).update(readFileSync(path)).update("\0");
    }
  };
  walk(root);
  return hash.digest("hex");
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(
  args: string[],
  timeoutMs = SLOW - 30_000,
  onStdout?: (stdout: string, pid: number) => void,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: root,
      env: {
        ...process.env,
        INSTANTLY_KIT_ROOT: root,
        INIT_CWD: scratch,
        PATH: [bin, join(repoRoot, "node_modules", ".bin"), process.env.PATH].join(":"),
      },
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (onStdout && child.pid) onStdout(stdout, child.pid);
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
      reject(new Error(`${args.join(" ")} timed out\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

const started = performance.now();
/** Printed at the end (vitest keeps a passing test's console quiet): the README's example is this report. */
let breakingReport = "";

beforeAll(async () => {
  copyRepo();
  // The state a maintainer is in: the older real spec pulled (first pull: no changeset), packages generated + built.
  setSources(OLD_SPEC);
  const first = await cli(["pull"]);
  expect(first.code, first.stderr).toBe(0);
  expect(pendingChangesets()).toEqual([]); // a first pull has nothing to compare with
  const unchanged = await cli(["watch"]); // nothing to do yet, and quick: also proves the lock was taken and freed
  expect(unchanged.code, unchanged.stderr).toBe(0);
}, SLOW);

afterAll(() => {
  console.log(`--- the update report of the breaking case ---\n${breakingReport}--- end ---`);
  console.log(`spec:watch end to end: ${Math.round((performance.now() - started) / 1000)} s`);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("spec:watch", () => {
  it("the locked spec again: exit 0, says so, touches nothing", async () => {
    const before = treeHash();
    const result = await cli(["watch", "--report", "report.md"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/no API change/);
    expect(treeHash()).toBe(before);
    expect(existsSync(join(scratch, "report.md"))).toBe(false);
  });

  it(
    "a failing source: exit 1 with one error line, tree unchanged",
    async () => {
      const before = treeHash();
      const broken = join(scratch, "broken.json");
      writeFileSync(broken, '{"openapi": "3.1.0", "paths": ');
      setSources(broken);
      const beforeSources = treeHash(); // sources.json is the only difference, and it is ours
      const result = await cli(["watch", "--report", "report.md"]);
      expect(result.code).toBe(1);
      expect(
        result.stderr
          .trim()
          .split("\n")
          .filter((line) => line.startsWith("error:")),
      ).toHaveLength(1);
      expect(treeHash()).toBe(beforeSources);
      setSources(OLD_SPEC);
      expect(treeHash()).toBe(before);
    },
    SLOW,
  );

  it(
    "a build that fails after the spec, lock and changeset were written: exit 1, everything put back",
    async () => {
      // zod builds second, after types: the failure comes once a package's build has written its dist/, which
      // must go too. A later package would add builds before it (zod's tsc on the real spec alone takes ~30 s)
      // that prove nothing more.
      const manifestPath = join(root, "packages", "zod", "package.json");
      const manifest = readFileSync(manifestPath, "utf8");
      const parsed = JSON.parse(manifest);
      parsed.scripts.build = "echo 'injected build failure' >&2; exit 3";
      writeFileSync(manifestPath, JSON.stringify(parsed, null, 2));
      setSources(NEW_SPEC);
      const before = treeHash();
      const result = await cli(["watch", "--report", "report.md"]);
      expect(result.code, result.stdout + result.stderr).toBe(1);
      expect(result.stderr).toMatch(/@instantly-kit\/zod build failed \(exit 3\): injected build failure/);
      expect(result.stdout).toMatch(/API changed \(minor bump/); // it had got that far
      expect(result.stdout).toMatch(/@instantly-kit\/types: build ok/); // and one package's dist/ was rebuilt
      expect(treeHash()).toBe(before);
      expect(readdirSync(join(root, ".changeset")).filter((file) => file.endsWith(".md"))).toEqual([]);
      expect(existsSync(join(scratch, "report.md"))).toBe(false);
      writeFileSync(manifestPath, manifest);
    },
    SLOW,
  );

  it(
    "SIGTERM while the packages are being built (a cancelled CI job): exit 143 with one line, everything put back",
    async () => {
      setSources(OLD_SPEC);
      const before = treeHash();
      setSources(NEW_SPEC);
      const withNewSources = treeHash();
      let sent = false;
      const result = await cli(["watch", "--report", "report.md"], SLOW - 30_000, (stdout, pid) => {
        // After the first package was regenerated: spec, lock, changeset and generated code have all changed.
        if (!sent && /: generate ok/.test(stdout)) {
          sent = true;
          process.kill(pid, "SIGTERM");
        }
      });
      expect(sent, result.stdout).toBe(true);
      // The signal, and what the watch did about it, in full: test/spec-watch-signals.test.ts.
      expect(result.code, result.stdout + result.stderr).toBe(143);
      expect(result.stderr.split("\n").filter((line) => line.startsWith("error:"))).toEqual([
        "error: spec:watch interrupted (SIGTERM): the tree is as before",
      ]);
      expect(treeHash()).toBe(withNewSources);
      setSources(OLD_SPEC);
      expect(treeHash()).toBe(before);
      expect(existsSync(join(scratch, "report.md"))).toBe(false);
    },
    SLOW,
  );

  it(
    "a minor update: exit 10, the report lists the added operations, the dashboard passes; `changeset version` moves all five",
    async () => {
      // What the documents say, read directly: this pair only adds (operations, schemas, enum values) — nothing
      // is removed or retyped — so the packages need a minor release.
      const before = operations(readDoc(OLD_SPEC));
      const after = operations(readDoc(NEW_SPEC));
      expect([...before.keys()].filter((key) => !after.has(key))).toEqual([]);
      expect(lostInSchemas(readDoc(OLD_SPEC), readDoc(NEW_SPEC))).toEqual([]);
      expect([...after.keys()].filter((key) => !before.has(key)).length).toBeGreaterThan(0);
      expect(after.get("GET /api/v2/ai-agents")).toBe("listAIAgent");
      setSources(NEW_SPEC);
      const result = await cli(["watch", "--report", "minor.md", "--json"]);
      const report = JSON.parse(result.stdout) as UpdateReport;
      expect(result.code, result.stderr).toBe(10);
      expect(report.bump).toBe("minor");
      expect(report.added.map((op) => op.operationId)).toContain("listAIAgent");
      expect(report.removed).toEqual([]);
      const [dashboard, ...others] = report.apps;
      expect(others).toEqual([]);
      expect(dashboard?.name).toBe("dashboard");
      expect(dashboard?.typecheck.ok && dashboard.build.ok && dashboard.test.ok).toBe(true);
      const markdown = readFileSync(join(scratch, "minor.md"), "utf8");
      expect(markdown).toMatch(/^# API update: minor/);
      expect(markdown).toContain("Every app type-checks, builds and passes its tests");
      expect(markdown).toMatch(/^- `listAIAgent` — GET \/api\/v2\/ai-agents$/m);
      // The changeset the report quotes is on disk, and so is the new lock.
      expect(readdirSync(join(root, ".changeset"))).toContain(basename(report.changeset?.file ?? "none"));
      expect(JSON.parse(readFileSync(join(root, "spec", "openapi.lock.json"), "utf8")).sha256).toBe(
        report.spec.sha256,
      );
      const [changeset, ...moreChangesets] = pendingChangesets();
      expect(moreChangesets).toEqual([]);
      if (!changeset) throw new Error("spec:watch wrote no changeset");
      expect(frontmatter(changeset)).toEqual(
        Object.fromEntries(PUBLISHED.map((name) => [`@instantly-kit/${name}`, "minor"])),
      );
      expect(readFileSync(join(root, ".changeset", changeset), "utf8")).toContain("listAIAgent");
      // The added operations are in every regenerated package.
      expect(generated("types")).toContain("listAIAgent:");
      expect(generated("react-query")).toContain("useListAIAgent");
      expect(generated("msw")).toContain("listAIAgent");

      // changeset version: the fixed group moves together; private packages stay where they are.
      await promisify(execFile)(process.execPath, [changesetBin, "version"], { cwd: root }); // rejects unless exit 0
      const versions = new Set<string>();
      for (const name of PUBLISHED) {
        const manifest = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8"));
        const original = JSON.parse(readFileSync(join(repoRoot, "packages", name, "package.json"), "utf8"));
        versions.add(manifest.version);
        const [major, minor] = String(original.version).split(".").map(Number);
        expect(manifest.version, name).toBe(`${major}.${(minor ?? 0) + 1}.0`);
        const changelog = readFileSync(join(root, "packages", name, "CHANGELOG.md"), "utf8");
        expect(changelog, `${name}/CHANGELOG.md`).toContain(`## ${manifest.version}`);
        // The API changelog reads as a list under the release: each added operation by name and path.
        expect(changelog, `${name}/CHANGELOG.md`).toContain("### Minor Changes");
        expect(changelog, `${name}/CHANGELOG.md`).toMatch(
          /^ {2}- `listAIAgent` — GET \/api\/v2\/ai-agents$/m,
        );
      }
      expect(versions.size).toBe(1);
      expect(JSON.parse(readFileSync(join(root, "apps/dashboard/package.json"), "utf8")).version).toBe(
        "0.0.0",
      );
      expect(pendingChangesets()).toEqual([]);
    },
    SLOW,
  );

  it(
    "an update that removes an operation the dashboard uses: exit 11, naming it, where, and the type error",
    async () => {
      // Upstream drops the daily analytics the campaign page shows (derived from the newest real spec, in scratch).
      const doc = JSON.parse(readFileSync(NEW_SPEC, "utf8").replace(/^\uFEFF/, ""));
      expect(doc.paths["/api/v2/campaigns/analytics/daily"]?.get?.operationId).toBe(
        "getDailyCampaignAnalytics",
      );
      delete doc.paths["/api/v2/campaigns/analytics/daily"];
      const source = join(scratch, "without-daily.json");
      writeFileSync(source, JSON.stringify(doc));
      setSources(source);
      const result = await cli(["watch", "--report", "breaking.md", "--json"]);
      expect(result.code, result.stderr).toBe(11);
      const report = JSON.parse(result.stdout) as UpdateReport;
      expect(report.bump).toBe("major");
      const [changeset, ...others] = pendingChangesets();
      expect(others).toEqual([]);
      if (!changeset) throw new Error("spec:watch wrote no changeset");
      expect(new Set(Object.values(frontmatter(changeset)))).toEqual(new Set(["major"]));
      const changesetText = readFileSync(join(root, ".changeset", changeset), "utf8");
      expect(changesetText).toContain("Breaking");
      expect(changesetText).toContain("getDailyCampaignAnalytics");
      expect(report.removed.map((op) => op.operationId)).toEqual(["getDailyCampaignAnalytics"]);
      const dashboard = report.apps[0];
      if (!dashboard) throw new Error("no app in the report");
      // Where the campaign page uses it, found in the syntax tree: the import and the hook call.
      const page = readFileSync(join(root, "apps/dashboard/src/pages/CampaignDetailPage.tsx"), "utf8").split(
        "\n",
      );
      const usages = dashboard.usages.filter((usage) => usage.operationId === "getDailyCampaignAnalytics");
      expect(usages.length).toBeGreaterThanOrEqual(2);
      for (const usage of usages) {
        expect(usage.file).toBe("src/pages/CampaignDetailPage.tsx");
        expect(page[usage.line - 1]).toContain("useGetDailyCampaignAnalytics");
      }
      expect(dashboard.typecheck.ok).toBe(false);
      const [first] = dashboard.typecheck.errors;
      expect(first).toMatchObject({
        file: "src/pages/CampaignDetailPage.tsx",
        operationId: "getDailyCampaignAnalytics",
        tiedBy: "line",
      });
      expect(first?.message).toContain("useGetDailyCampaignAnalytics");
      // The first error is the removed hook's import; the rest are its consequences in the same file.
      expect(first?.message).toMatch(/has no exported member named 'useGetDailyCampaignAnalytics'/);
      for (const error of dashboard.typecheck.errors)
        expect(error.file).toBe("src/pages/CampaignDetailPage.tsx");
      const markdown = readFileSync(join(scratch, "breaking.md"), "utf8");
      breakingReport = markdown;
      expect(markdown).toContain("Some app breaks");
      expect(markdown).toContain(
        `\`src/pages/CampaignDetailPage.tsx:${first?.line}:${first?.column}\` ${first?.code}`,
      );
      expect(markdown).toContain("caused by `getDailyCampaignAnalytics`");
    },
    SLOW,
  );
});
