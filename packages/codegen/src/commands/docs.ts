import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { renderApiReference } from "../docs/api-reference.ts";
import { CliError } from "../errors.ts";
import { writeFileAtomic } from "../fs/atomic.ts";
import { buildModel } from "../model/index.ts";
import { projectPaths } from "../paths.ts";
import { readLockedSpec } from "../spec/lock.ts";

/**
 * `docs [--out <file>]`: writes the operation reference (docs/api.md by default) from the locked spec, in one
 * atomic write. Run by the root `pnpm generate` after the packages' generate tasks: it is derived from the same
 * lock, so it changes exactly when they do, and it is gitignored like them (third-party data).
 */
export async function docsCommand(args: string[]): Promise<number> {
  let out: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === "--out" && args[index + 1]) out = args[++index];
    else throw new CliError(`usage: docs [--out <file>] (unexpected ${JSON.stringify(arg)})`, 2);
  }
  const paths = projectPaths();
  const { document, lock } = await readLockedSpec(paths);
  const file = out ? resolve(out) : join(paths.root, "docs", "api.md");
  const model = buildModel(document);
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, renderApiReference(model, lock.sha256.slice(0, 12)));
  process.stdout.write(`wrote ${file}: ${model.operations.length} operations\n`);
  return 0;
}
