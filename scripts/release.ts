#!/usr/bin/env node
// `pnpm release`: version (changesets) → build → check the packed tarballs → publish (pnpm publish -r, which
// rewrites workspace: and catalog: ranges to real versions). `--dry-run` does all of it without writing to the
// repo or a registry. See the README (Day-to-day flows, Release).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseReleaseArgs, ReleaseError, type ReleaseOptions } from "./release/args.ts";
import { capturePnpm, runPnpm } from "./release/pnpm.ts";
import { type PackedPackage, preflightProblems } from "./release/preflight.ts";

function findWorkspaceRoot(from: string): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new ReleaseError(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The packages under packages/ that are not private: the ones changesets versions and we publish. */
function publishableDirs(root: string): string[] {
  const packagesDir = join(root, "packages");
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(packagesDir, entry.name, "package.json")))
    .map((entry) => join(packagesDir, entry.name))
    .filter((dir) => !JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).private);
}

function pendingChangesets(root: string): string[] {
  const dir = join(root, ".changeset");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((file) => file.endsWith(".md") && file !== "README.md");
}

function step(message: string): void {
  process.stdout.write(`\nrelease: ${message}\n`);
}

function must(code: number, what: string): void {
  if (code !== 0) throw new ReleaseError(`${what} failed (exit ${code})`);
}

/** Pack every publishable package exactly as `pnpm publish` would and collect what is wrong with each. */
function checkPackedTarballs(root: string, dirs: string[]): string[] {
  const out = mkdtempSync(join(tmpdir(), "instantly-kit-pack-"));
  try {
    return dirs.flatMap((dir) => {
      const packed = capturePnpm(root, ["pack", "--json", "--pack-destination", out], dir);
      if (packed.status !== 0)
        return [`${dir}: pnpm pack failed: ${packError(packed.stdout) ?? `exit ${packed.status}`}`];
      const info = JSON.parse(packed.stdout) as {
        name: string;
        version: string;
        filename: string;
        files: { path: string }[];
      };
      const manifest = spawnSync("tar", ["-xzOf", info.filename, "package/package.json"], {
        encoding: "utf8",
      });
      if (manifest.status !== 0) return [`${info.name}: packed tarball has no package/package.json`];
      const pkg: PackedPackage = {
        name: info.name,
        version: info.version,
        files: info.files.map((file) => file.path),
        manifest: JSON.parse(manifest.stdout) as Record<string, unknown>,
      };
      return preflightProblems(pkg);
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** pnpm pack --json reports its failure as JSON on stdout (e.g. an unresolvable workspace: range). */
function packError(stdout: string): string | undefined {
  try {
    const parsed = JSON.parse(stdout) as { error?: { message?: string } };
    return parsed.error?.message;
  } catch {
    return undefined;
  }
}

export function release(root: string, options: ReleaseOptions): void {
  const dirs = publishableDirs(root);
  if (dirs.length === 0) throw new ReleaseError(`no publishable packages under ${join(root, "packages")}`);

  if (options.skipVersion) {
    step("version: skipped (--skip-version)");
  } else if (options.dryRun) {
    const pending = pendingChangesets(root);
    step(
      pending.length === 0
        ? "version: no pending changesets — the current versions would be published"
        : `version: would apply ${pending.length} changeset(s): ${pending.join(", ")}`,
    );
  } else {
    step("version: changeset version");
    must(runPnpm(root, ["exec", "changeset", "version"]), "changeset version");
  }

  if (options.skipBuild) {
    step("build: skipped (--skip-build)");
  } else {
    step("build: turbo run build for the published packages");
    must(runPnpm(root, ["exec", "turbo", "run", "build", "--filter=./packages/*"]), "build");
  }

  step(`check: packing ${dirs.length} package(s) as they would be published`);
  const problems = checkPackedTarballs(root, dirs);
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`  ✗ ${problem}\n`);
    throw new ReleaseError(`${problems.length} problem(s) in the packed packages; nothing was published`);
  }

  step(options.dryRun ? "publish: pnpm publish -r --dry-run" : "publish: pnpm publish -r");
  const args = ["publish", "-r", "--access", "public", "--filter", "./packages/*"];
  if (options.dryRun) args.push("--dry-run");
  if (options.registry) args.push("--registry", options.registry);
  if (options.noGitChecks) args.push("--no-git-checks");
  must(runPnpm(root, args), "pnpm publish");
  step(options.dryRun ? "dry run done: nothing was written or published" : "done");
}

if (import.meta.main) {
  try {
    release(findWorkspaceRoot(process.cwd()), parseReleaseArgs(process.argv.slice(2)));
  } catch (error) {
    // Expected failures are one line; anything else keeps its stack.
    const message =
      error instanceof ReleaseError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = 1;
  }
}
