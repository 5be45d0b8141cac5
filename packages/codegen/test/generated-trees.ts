// What the generate tests compare: each package's src/generated as path → sha256, and what a generate may leave
// behind (staging folders beside src/generated, its lock in spec/).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { PACKAGES, type PackageDir, type Workspace } from "./hostile-pipeline/workspace.ts";

export type Tree = Record<string, string>;

/** Every file of a package's src/generated (path → sha256), or "absent". */
export function tree(workspace: Workspace, name: PackageDir): Tree | "absent" {
  return dirTree(join(workspace.packageDir(name), "src", "generated"));
}

/** Every file under `dir` (path → sha256) and every folder (path/ → "folder"), or "absent". */
export function dirTree(dir: string): Tree | "absent" {
  if (!existsSync(dir)) return "absent";
  const out: Tree = {};
  const walk = (at: string): void => {
    for (const entry of readdirSync(at)) {
      const path = join(at, entry);
      if (statSync(path).isDirectory()) {
        out[`${relative(dir, path)}/`] = "folder";
        walk(path);
      } else out[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

/** {@link tree} of every generated package. */
export function trees(workspace: Workspace): Record<string, Tree | "absent"> {
  return Object.fromEntries(PACKAGES.map((name) => [name, tree(workspace, name)]));
}

/** What a generate leaves beside src/generated (`.tmp-…`/`.old-…` staging folders) or in spec/ (its lock). */
export function leftovers(workspace: Workspace): string[] {
  return [
    ...PACKAGES.flatMap((name) =>
      readdirSync(join(workspace.packageDir(name), "src")).filter((entry) => /^\.(tmp|old)-/.test(entry)),
    ),
    ...readdirSync(join(workspace.root, "spec")).filter((entry) => entry.startsWith(".generate")),
  ];
}
