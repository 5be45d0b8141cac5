import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunResult, run } from "./helpers/process.ts";
import { PUBLISHED, repoRoot, workspaceProjects } from "./helpers/repo.ts";

// `pnpm new:app demo` end to end, in a scratch copy of the workspace: the command creates the app and installs
// it (from the store; the registry only for metadata the machine lacks), and the new app type-checks, passes
// its own tests, builds, and passes Biome and sherif — with nothing done by hand in between.
//
// The scratch workspace is the repo's manifests, lock file and scripts, plus the five packages as they are
// built here (package.json + dist, what the app resolves through `workspace:*`); no generated source, no spec.

const APP = "demo";
const pinned = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).packageManager as string;

/** The pinned pnpm: the one on PATH when it is that version (under `pnpm test`), else through npx. */
const pnpm: string[] = (() => {
  const onPath = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  return onPath.status === 0 && `pnpm@${onPath.stdout.trim()}` === pinned
    ? ["pnpm"]
    : ["npx", "--yes", pinned];
})();

let root: string;

function copyWithout(from: string, to: string, skip: Set<string>): void {
  cpSync(from, to, { recursive: true, filter: (source) => !skip.has(basename(source)) });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "instantly-kit-new-app-e2e-"));
  for (const file of [
    "package.json",
    "pnpm-workspace.yaml",
    "pnpm-lock.yaml",
    "tsconfig.base.json",
    "biome.json",
    "turbo.json",
  ]) {
    cpSync(join(repoRoot, file), join(root, file));
  }
  cpSync(join(repoRoot, "scripts"), join(root, "scripts"), { recursive: true });
  for (const name of PUBLISHED) {
    copyWithout(
      join(repoRoot, "packages", name),
      join(root, "packages", name),
      new Set(["node_modules", ".turbo", "src", "test"]),
    );
    expect(existsSync(join(root, "packages", name, "dist", "index.js")), `packages/${name} is built`).toBe(
      true,
    );
  }
  // Every other workspace project (what pnpm-workspace.yaml's globs find) only as its manifest: the lock file's
  // importers stay as committed, and a project the published packages depend on (tests/support, a devDependency)
  // resolves.
  const published = new Set(PUBLISHED.map((name) => `packages/${name}`));
  for (const dir of workspaceProjects().filter((project) => !published.has(project))) {
    mkdirSync(join(root, dir), { recursive: true });
    cpSync(join(repoRoot, dir, "package.json"), join(root, dir, "package.json"));
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function pnpmIn(args: string[], timeoutMs: number): Promise<RunResult> {
  const [command = "pnpm", ...prefix] = pnpm;
  return run(command, [...prefix, ...args], { cwd: root, timeoutMs });
}

function expectSuccess(result: RunResult, what: string): void {
  if (result.code !== 0)
    throw new Error(`${what} failed (exit ${result.code})\n${result.stdout}\n${result.stderr}`);
}

it("creates an app that installs, type-checks, passes its tests, builds and lints with nothing done by hand", async () => {
  const created = await pnpmIn(["new:app", APP, "--prefer-offline"], 480_000);
  expectSuccess(created, "pnpm new:app");
  expect(created.stdout).toContain(`created apps/${APP}`);
  expect(created.stdout).toContain(`pnpm --filter ${APP} test`);
  // The lock file gained the app's importer, with every dependency from the catalog or the workspace.
  const lock = readFileSync(join(root, "pnpm-lock.yaml"), "utf8");
  expect(lock).toContain(`  apps/${APP}:`);

  const typecheck = await pnpmIn(["--filter", APP, "typecheck"], 300_000);
  expectSuccess(typecheck, "typecheck");

  const test = await pnpmIn(["--filter", APP, "test"], 300_000);
  expectSuccess(test, "test");
  const summary = stripVTControlCharacters(test.stdout);
  expect(summary).toMatch(/Tests\s+\d+ passed \(\d+\)/);
  expect(summary).not.toMatch(/failed/);

  const build = await pnpmIn(["--filter", APP, "build"], 300_000);
  expectSuccess(build, "build");
  expect(existsSync(join(root, "apps", APP, "dist", "index.html"))).toBe(true);
  expect(existsSync(join(root, "apps", APP, "public", "mockServiceWorker.js"))).toBe(true);

  expectSuccess(await pnpmIn(["exec", "biome", "check", `apps/${APP}`], 120_000), "biome");
  expectSuccess(await pnpmIn(["exec", "sherif"], 120_000), "sherif");
}, 1_200_000);
