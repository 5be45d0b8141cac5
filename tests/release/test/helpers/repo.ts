import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The instantly-kit checkout these tests run in. */
export const repoRoot: string = (() => {
  let dir = resolve(import.meta.dirname);
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("tests/release is not inside the workspace");
    dir = parent;
  }
  return dir;
})();

export const releaseScript = join(repoRoot, "scripts", "release.ts");

/** The four published packages, in dependency order. */
export const PUBLISHED = ["types", "zod", "client", "react-query", "msw"] as const;

/**
 * Every workspace project (a folder relative to the repo, holding a package.json) that pnpm-workspace.yaml's
 * `packages` globs find. Only `<folder>/*` globs are understood: any other form fails here, loudly, rather than
 * leaving a project out of a scratch workspace (a hand-kept list once missed tests/support).
 */
export function workspaceProjects(): string[] {
  const yaml = readFileSync(join(repoRoot, "pnpm-workspace.yaml"), "utf8");
  const block = /^packages:\n((?:[ \t]+-.*\n)+)/m.exec(yaml)?.[1];
  if (!block) throw new Error("pnpm-workspace.yaml has no packages list");
  return block
    .trim()
    .split("\n")
    .flatMap((line) => {
      const glob = line.replace(/^\s*-\s*/, "").replace(/^["']|["']$/g, "");
      const group = /^([\w.-]+)\/\*$/.exec(glob)?.[1];
      if (!group) throw new Error(`pnpm-workspace.yaml: a glob these tests do not understand: ${glob}`);
      return readdirSync(join(repoRoot, group), { withFileTypes: true })
        .filter(
          (entry) => entry.isDirectory() && existsSync(join(repoRoot, group, entry.name, "package.json")),
        )
        .map((entry) => `${group}/${entry.name}`);
    });
}
