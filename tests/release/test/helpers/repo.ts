import { existsSync } from "node:fs";
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
