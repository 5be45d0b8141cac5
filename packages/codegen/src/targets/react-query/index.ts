import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { generate } from "orval";
import { CliError } from "../../errors.ts";
import type { SpecModel } from "../../model/index.ts";
import { GENERATED_BANNER, type Target } from "../target.ts";
import { hookOperations } from "./operations.ts";
import { orvalOptions } from "./orval-options.ts";
import { postprocessTagFile } from "./postprocess.ts";
import { renderResources } from "./resources.ts";

/** generated/model.gen.ts: orval's body/params type names as aliases of the types package's helpers. */
function renderModel(aliases: ReadonlyMap<string, string>): string {
  const lines = [...aliases]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, type]) => `export type ${name} = ${type};`);
  return `import type { QueryParams, RequestBody } from "@instantly-kit/types";\n\n${lines.join("\n")}\n`;
}

/**
 * Runs orval 8 on the normalized document into a scratch directory, transforms each tag file on its syntax
 * tree (postprocess.ts) and writes it to `outDir` as `<tag>.gen.ts` — nothing of orval's raw output is kept as
 * is.
 */
async function generateHooks(model: SpecModel, outDir: string, mutatorPath: string): Promise<void> {
  const operations = hookOperations(model);
  const document = model.document as Record<string, unknown>;
  const workDir = await mkdtemp(join(tmpdir(), "instantly-kit-orval-"));
  try {
    await generate(orvalOptions({ document, operations, workDir, mutatorPath }), workDir, {
      logLevel: "error",
      throwOnError: true,
    }).catch((error: unknown) => {
      if (error instanceof CliError) throw error;
      throw new CliError(
        `react-query: orval failed: ${error instanceof Error ? error.message.split("\n").slice(0, 4).join(" ") : String(error)}`,
      );
    });
    const context = {
      operations: new Map(operations.map((operation) => [operation.id, operation])),
      // The types package exports every component schema under its (normalized, PascalCase) name.
      schemaNames: new Set(model.schemas.map((schema) => schema.name)),
      aliases: new Map<string, string>(),
    };
    const tagFiles = (await readdir(workDir)).filter((name) => name.endsWith(".ts")).sort();
    // File names come from the spec's tags (orval kebab-cases them); they end up in index.ts's imports.
    const odd = tagFiles.find((name) => !/^[a-z0-9][a-z0-9-]*\.ts$/.test(name));
    if (odd)
      throw new CliError(
        `react-query: a tag gives orval the file name ${JSON.stringify(odd)}, which is not kebab-case`,
      );
    const files = new Map<string, string>();
    for (const file of tagFiles) {
      const text = postprocessTagFile(file, await readFile(join(workDir, file), "utf8"), context);
      files.set(`${basename(file, ".ts")}.gen.ts`, text);
    }
    files.set("model.gen.ts", renderModel(context.aliases));
    files.set("resources.gen.ts", renderResources(operations));
    // Biome formats the package after generate() (targets/format.ts `generateTarget`), as for every target.
    for (const [file, text] of files) await writeFile(join(outDir, file), GENERATED_BANNER + text);
    const index = [
      ...[...files.keys()]
        .filter((file) => file !== "model.gen.ts" && file !== "resources.gen.ts")
        .map((file) => `export * from "./${basename(file, ".ts")}.js";`),
      `export type * from "./model.gen.js";`,
    ];
    await writeFile(join(outDir, "index.gen.ts"), `${GENERATED_BANNER + index.join("\n")}\n`);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** @instantly-kit/react-query: TanStack Query v5 hooks for every operation (orval 8 + syntax-tree transforms). */
export const reactQueryTarget: Target = {
  packageName: "@instantly-kit/react-query",
  packageDir: "react-query",
  async generate({ model, outDir, paths }) {
    // orval reads the mutator to learn its signature; the generated files import it from ../runtime.js.
    const mutatorPath = join(paths.packagesDir, "react-query", "src", "mutator.ts");
    await generateHooks(model, outDir, mutatorPath);
  },
};

export { generateHooks };
