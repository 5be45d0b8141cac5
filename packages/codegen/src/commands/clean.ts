// `clean <generated|dist>`, run by turbo before `generate` and before `build` of each generated package
// (uncached tasks `clean:generated` and `clean:dist` in turbo.json). Turbo restores a cache hit *on top
// of* the folder: files of another spec's generation would survive a restore (and be compiled into
// dist/, and published). Emptying the folder first makes a restored folder exactly the cached one — and
// a generated folder exactly what the lock produces, cached or not.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CliError } from "../errors.ts";

const FOLDERS: Record<string, string> = { generated: join("src", "generated"), dist: "dist" };

export async function cleanCommand(args: string[]): Promise<number> {
  const [which] = args;
  const folder = which ? FOLDERS[which] : undefined;
  if (!folder || args.length !== 1) throw new CliError(`usage: clean <${Object.keys(FOLDERS).join("|")}>`, 2);
  // Run by a package script: the working directory is the package. Refuse anywhere else.
  if (!existsSync("package.json"))
    throw new CliError("clean runs in a package folder (no package.json here)");
  rmSync(folder, { recursive: true, force: true });
  return 0;
}
