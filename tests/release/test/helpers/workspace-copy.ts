import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { repoRoot } from "./repo.ts";

// In build order: the client's validation chunk compiles against @instantly-kit/zod's declarations, and
// react-query's test kit (`/testing`) against @instantly-kit/msw's.
const PACKAGES = ["types", "zod", "client", "msw", "react-query"];

/**
 * A scratch copy of the repo layout the pipeline works on (spec/, .changeset/, packages/, apps/dashboard,
 * tests/support): the sources and configs are copied, the spec and generated code are NOT (the copy starts
 * without a spec, like a fresh clone). node_modules are copied as pnpm's relative symlinks, so the copied
 * packages resolve each other inside the copy and everything else from the real store; codegen is linked, not
 * copied — the CLI is pointed at the copy with INSTANTLY_KIT_ROOT.
 */
export function copyWorkspaceLayout(): string {
  const root = mkdtempSync(join(tmpdir(), "instantly-kit-rehearsal-"));
  for (const file of ["package.json", "pnpm-workspace.yaml", "tsconfig.base.json"]) {
    cpSync(join(repoRoot, file), join(root, file));
  }
  mkdirSync(join(root, "spec"));
  cpSync(join(repoRoot, "spec", "sources.json"), join(root, "spec", "sources.json"));
  mkdirSync(join(root, ".changeset"));
  cpSync(join(repoRoot, ".changeset", "config.json"), join(root, ".changeset", "config.json"));
  symlinkSync(join(repoRoot, "node_modules"), join(root, "node_modules"));
  mkdirSync(join(root, "packages"));
  symlinkSync(join(repoRoot, "packages", "codegen"), join(root, "packages", "codegen"));
  for (const name of PACKAGES) copyPackage(join(repoRoot, "packages", name), join(root, "packages", name));
  mkdirSync(join(root, "apps"));
  copyPackage(join(repoRoot, "apps", "dashboard"), join(root, "apps", "dashboard"));
  // The packages' tests share helpers from this workspace package (a devDependency of client and react-query).
  mkdirSync(join(root, "tests"));
  copyPackage(join(repoRoot, "tests", "support"), join(root, "tests", "support"));
  return root;
}

const SKIP = new Set(["dist", "generated", ".turbo", "test-results", "CHANGELOG.md"]);

function copyPackage(from: string, to: string): void {
  cpSync(from, to, {
    recursive: true,
    verbatimSymlinks: true, // keep pnpm's relative links relative: they then point into the copy
    filter: (source) => !SKIP.has(basename(source)),
  });
}
