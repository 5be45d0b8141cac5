import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { generate } from "orval";
import { CliError } from "../../errors.ts";
import { scratchDir } from "../../fs/scratch.ts";
import type { SpecModel } from "../../model/index.ts";
import { GENERATED_BANNER, type Target } from "../target.ts";
import { type HookOperation, hookOperations } from "./operations.ts";
import { orvalOptions } from "./orval-options.ts";
import { paramTypeNames, renderParamTypes } from "./param-types.ts";
import { postprocessTagFile, type TagFileContext } from "./postprocess.ts";
import { renderResources } from "./resources.ts";
import type { TS } from "./syntax.ts";
import { f, parse, str, ts } from "./syntax.ts";

/** Every name a hook file of orval's declares at its top level (functions, constants, types). */
function declaredNames(source: TS.SourceFile, into: Set<string>): void {
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) into.add(declaration.name.text);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement)) &&
      statement.name
    ) {
      into.add(statement.name.text);
    }
  }
}

/** What the post-processing of every hook file shares: operations by orval's name, schema and parameter type names. */
export function tagFileContext(
  model: SpecModel,
  operations: readonly HookOperation[],
  sources: readonly TS.SourceFile[],
): TagFileContext {
  // The types package exports every component schema under its (normalized, PascalCase) name.
  const schemaNames = new Set(model.schemas.map((schema) => schema.name));
  // Parameter type names clash with nothing a hook file imports or declares (request functions are renamed to
  // the operationIds: a type-only import may not share a name with a local function either).
  const taken = new Set([...schemaNames, ...operations.map((operation) => operation.id)]);
  for (const source of sources) declaredNames(source, taken);
  // …but orval's request-function names that are renamed to the operationIds are free.
  for (const operation of operations)
    if (operation.orvalName !== operation.id && !schemaNames.has(operation.orvalName))
      taken.delete(operation.orvalName);
  return {
    operations: new Map(operations.map((operation) => [operation.orvalName, operation])),
    schemaNames,
    paramTypes: paramTypeNames(operations, taken),
    usedParamTypes: new Set(),
  };
}

/** generated/index.gen.ts: every hook file, then the parameter types (type-only). */
function renderIndex(hookFiles: readonly string[]): string {
  const reExport = (file: string, typeOnly: boolean) =>
    f.createExportDeclaration(undefined, typeOnly, undefined, str(`./${basename(file, ".ts")}.js`));
  const file = f.createSourceFile([], f.createToken(ts.SyntaxKind.EndOfFileToken), ts.NodeFlags.None);
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  const statements = [...hookFiles.map((name) => reExport(name, false)), reExport("model.gen.ts", true)];
  return `${statements.map((node) => printer.printNode(ts.EmitHint.Unspecified, node, file)).join("\n")}\n`;
}

/**
 * Runs orval 8 on the normalized document into a scratch directory, transforms each tag file on its syntax
 * tree (postprocess.ts) and writes it to `outDir` as `<tag>.gen.ts` — nothing of orval's raw output is kept as
 * is.
 */
async function generateHooks(model: SpecModel, outDir: string): Promise<void> {
  const operations = hookOperations(model);
  const document = model.document as Record<string, unknown>;
  const workDir = await scratchDir("instantly-kit-orval-");
  try {
    await generate(orvalOptions({ document, operations, workDir }), workDir, {
      logLevel: "error",
      throwOnError: true,
    }).catch((error: unknown) => {
      if (error instanceof CliError) throw error;
      throw new CliError(
        `react-query: orval failed: ${error instanceof Error ? error.message.split("\n").slice(0, 4).join(" ") : String(error)}`,
      );
    });
    const tagFiles = (await readdir(workDir)).filter((name) => name.endsWith(".ts")).sort();
    // File names come from the spec's tags (orval kebab-cases them); they end up in index.ts's imports.
    const odd = tagFiles.find((name) => !/^[a-z0-9][a-z0-9-]*\.ts$/.test(name));
    if (odd)
      throw new CliError(
        `react-query: a tag gives orval the file name ${JSON.stringify(odd)}, which is not kebab-case`,
      );
    const sources = await Promise.all(
      tagFiles.map(async (file) => parse(file, await readFile(join(workDir, file), "utf8"))),
    );
    const context = tagFileContext(model, operations, sources);
    const files = new Map<string, string>();
    for (const [index, file] of tagFiles.entries()) {
      const text = postprocessTagFile(file, sources[index] as TS.SourceFile, context);
      files.set(`${basename(file, ".ts")}.gen.ts`, text);
    }
    const hookFiles = [...files.keys()];
    files.set("model.gen.ts", renderParamTypes(operations, context.paramTypes, context.usedParamTypes));
    // Each resource's item type, for updateCached (read by the hand-written runtime, not re-exported).
    files.set("resources.gen.ts", renderResources(operations));
    files.set("index.gen.ts", renderIndex(hookFiles));
    // Biome formats the package after generate() (targets/format.ts `generateTarget`), as for every target.
    for (const [file, text] of files) await writeFile(join(outDir, file), GENERATED_BANNER + text);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** @instantly-kit/react-query: TanStack Query v5 hooks for every operation (orval 8 + syntax-tree transforms). */
export const reactQueryTarget: Target = {
  packageName: "@instantly-kit/react-query",
  packageDir: "react-query",
  async generate({ model, outDir }) {
    await generateHooks(model, outDir);
  },
};

export { generateHooks };
