// Generates @instantly-kit/types + @instantly-kit/client for one spec file into `<dir>/{types,client}/src`:
// the packages' hand-written sources plus freshly generated code, with the client's
// `@instantly-kit/types` import pointed at the sibling copy. Used by the bundle bench.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildModel } from "../../packages/codegen/src/model/index.ts";
import { projectPaths } from "../../packages/codegen/src/paths.ts";
import { loadSpec } from "../../packages/codegen/src/spec/load.ts";
import type { SpecLock } from "../../packages/codegen/src/spec/lock.ts";
import { clientTarget } from "../../packages/codegen/src/targets/client/index.ts";
import { typesTarget } from "../../packages/codegen/src/targets/types/index.ts";

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
    cpSync(join(paths.packagesDir, target.packageDir, "src"), src, {
      recursive: true,
      filter: (from) => !from.includes("generated"),
    });
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
