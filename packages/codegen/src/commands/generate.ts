import { join } from "node:path";
import { CliError } from "../errors.ts";
import { replaceDirAtomic } from "../fs/atomic.ts";
import { buildModel } from "../model/index.ts";
import { projectPaths } from "../paths.ts";
import { readLockedSpec } from "../spec/lock.ts";
import { generateTarget } from "../targets/format.ts";
import type { GenerateContext, Target } from "../targets/target.ts";

// Adding a target = adding a folder under targets/ and a line here.
const targets: Record<string, () => Promise<Target>> = {
  types: async () => (await import("../targets/types/index.ts")).typesTarget,
  client: async () => (await import("../targets/client/index.ts")).clientTarget,
  "react-query": async () => (await import("../targets/react-query/index.ts")).reactQueryTarget,
  msw: async () => (await import("../targets/msw/index.ts")).mswTarget,
  zod: async () => (await import("../targets/zod/index.ts")).zodTarget,
};

/** `generate <target>`: writes packages/<target>/src/generated/ from the locked spec, atomically. */
export async function generateCommand(args: string[]): Promise<number> {
  const [name] = args;
  const load = name ? targets[name] : undefined;
  if (!load) throw new CliError(`usage: generate <${Object.keys(targets).join("|")}>`, 2);
  const paths = projectPaths();
  const { document, lock } = await readLockedSpec(paths);
  const target = await load();
  const outDir = join(paths.packagesDir, target.packageDir, "src", "generated");
  const started = performance.now();
  await replaceDirAtomic(outDir, async (dir) => {
    const ctx: GenerateContext = { model: buildModel(document), lock, outDir: dir, paths };
    await generateTarget(target, ctx);
  });
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`generated ${target.packageName} from spec ${lock.sha256.slice(0, 12)} in ${ms} ms\n`);
  return 0;
}
