// `clean <generated|dist>`, run by turbo before `build` of each generated package (uncached task `clean:dist`),
// and `clean generated all`, run at the root before the one `generate:packages` task (`//#clean:generated`). Turbo restores a cache hit *on top
// of* the folder: files of another spec's generation would survive a restore (and be compiled into
// dist/, and published). Emptying the folder first makes a restored folder exactly the cached one — and
// a generated folder exactly what the lock produces, cached or not.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CliError } from "../errors.ts";
import { removeAbandoned } from "../fs/atomic.ts";
import { removeAbandonedRunRoots } from "../fs/scratch.ts";
import { TARGET_NAMES } from "../targets/registry.ts";

const FOLDERS: Record<string, string> = { generated: join("src", "generated"), dist: "dist" };

export async function cleanCommand(args: string[]): Promise<number> {
  const [which, scope] = args;
  const folder = which ? FOLDERS[which] : undefined;
  const usage = `usage: clean <${Object.keys(FOLDERS).join("|")}> [all]`;
  if (!folder || args.length > 2 || (scope !== undefined && scope !== "all")) throw new CliError(usage, 2);
  if (scope === "all") {
    // Run by the root script: every generated package's folder, from the workspace root.
    if (!existsSync("pnpm-workspace.yaml")) throw new CliError("clean … all runs at the workspace root");
    for (const name of TARGET_NAMES) await clean(join("packages", name, folder));
    // And the run folders a killed `generate` left in the temp folder (src/fs/scratch.ts), for the same reason.
    if (which === "generated") await removeAbandonedRunRoots();
    return 0;
  }
  // Run by a package script: the working directory is the package. Refuse anywhere else.
  if (!existsSync("package.json"))
    throw new CliError("clean runs in a package folder (no package.json here)");
  await clean(folder);
  return 0;
}

/**
 * Empties `folder`, and removes what an interrupted `generate` left beside it (its staging folders): the run
 * after this may be a cache hit, which stages nothing and so would never remove them.
 */
async function clean(folder: string): Promise<void> {
  rmSync(folder, { recursive: true, force: true });
  await removeAbandoned(folder);
}
