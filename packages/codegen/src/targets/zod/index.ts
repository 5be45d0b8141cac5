import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generate } from "orval";
import { CliError } from "../../errors.ts";
import { scratchDir } from "../../fs/scratch.ts";
import type { SpecModel } from "../../model/index.ts";
import { GENERATED_BANNER, type Target } from "../target.ts";
import { operationSchemaNames } from "./names.ts";
import { renderOperationTable } from "./operation-table.ts";
import { orvalZodOptions } from "./orval-options.ts";
import { parseOrvalOutput, postprocessSchemas } from "./postprocess.ts";

/**
 * Runs orval 8's zod client on the normalized document into a scratch directory, transforms its one file on the
 * syntax tree (postprocess.ts) into `schemas.gen.ts`, and writes the operation table (`operations.gen.ts`) from
 * the model. Biome formats the package afterwards (targets/format.ts), as for every target.
 */
export async function generateZodSchemas(model: SpecModel, outDir: string): Promise<void> {
  const names = operationSchemaNames(model);
  const workDir = await scratchDir("instantly-kit-orval-zod-");
  try {
    await generate(
      orvalZodOptions({ document: model.document as Record<string, unknown>, names, workDir }),
      workDir,
      { logLevel: "error", throwOnError: true } as never,
    ).catch((error: unknown) => {
      if (error instanceof CliError) throw error;
      throw new CliError(
        `zod: orval failed: ${error instanceof Error ? error.message.split("\n").slice(0, 4).join(" ") : String(error)}`,
      );
    });
    const files = (await readdir(workDir)).filter((name) => name.endsWith(".ts"));
    if (files.length !== 1 || files[0] !== "schemas.ts")
      throw new CliError(`zod: orval wrote ${JSON.stringify(files)}, expected one schemas.ts`);
    const source = parseOrvalOutput("schemas.ts", await readFile(join(workDir, "schemas.ts"), "utf8"));
    const { text, exported } = postprocessSchemas(source, model, names);
    await writeFile(join(outDir, "schemas.gen.ts"), GENERATED_BANNER + text);
    await writeFile(
      join(outDir, "operations.gen.ts"),
      GENERATED_BANNER + renderOperationTable(model, names, exported),
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** @instantly-kit/zod: zod 4 schemas for every component and operation, and the per-operation table. */
export const zodTarget: Target = {
  packageName: "@instantly-kit/zod",
  packageDir: "zod",
  async generate({ model, outDir }) {
    await generateZodSchemas(model, outDir);
  },
};
