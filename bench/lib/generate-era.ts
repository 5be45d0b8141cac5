// Generates @instantly-kit/types + @instantly-kit/client for one spec file into `<dir>/{types,client}/src`:
// the packages' hand-written sources plus freshly generated code, with the client's
// `@instantly-kit/types` import pointed at the sibling copy. Used by the bundle bench.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildModel } from "../../packages/codegen/src/model/index.ts";
import { projectPaths } from "../../packages/codegen/src/paths.ts";
import { loadSpec } from "../../packages/codegen/src/spec/load.ts";
import type { SpecLock } from "../../packages/codegen/src/spec/lock.ts";
import { clientTarget } from "../../packages/codegen/src/targets/client/index.ts";
import { typesTarget } from "../../packages/codegen/src/targets/types/index.ts";
import { copyHandWritten } from "./generate-sandbox.ts";

export async function generateEra(specFile: string, dir: string): Promise<{ operations: number }> {
  const paths = projectPaths();
  const { document } = await loadSpec(specFile);
  const lock = {
    source: specFile,
    sha256: "",
    pulledAt: "",
    counts: { paths: 0, operations: 0, schemas: 0 },
    warnings: [],
  } as SpecLock;
  for (const target of [typesTarget, clientTarget]) {
    const src = join(dir, target.packageDir, "src");
    copyHandWritten(join(paths.packagesDir, target.packageDir, "src"), src);
    mkdirSync(join(src, "generated"), { recursive: true });
    await target.generate({ model: buildModel(document), lock, outDir: join(src, "generated"), paths });
  }
  for (const name of readdirSync(join(dir, "client", "src"))) {
    if (!name.endsWith(".ts")) continue;
    const file = join(dir, "client", "src", name);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replaceAll('"@instantly-kit/types"', '"../../types/src/index.js"'),
    );
  }
  const operations = Object.values(document.paths as Record<string, object>).reduce<number>(
    (count, item) => count + Object.keys(item).filter((key) => key !== "parameters").length,
    0,
  );
  return { operations };
}

/**
 * The two spec eras the bundle benchmarks compare: the oldest kept (104 operations) and the newest (240), from
 * /work/shared/specs beside the repo. Tree-shaking works when an app's bundle is the same size for both.
 */
export function specEras(root: string): ReadonlyArray<readonly [name: string, specFile: string]> {
  const specsDir = join(root, "..", "shared", "specs");
  return [
    ["2025-06-18", join(specsDir, "2025-06-18_315a749.json")],
    ["latest", join(specsDir, "latest.json")],
  ];
}
