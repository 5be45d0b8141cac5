// The compiler oracle: is a change between two spec documents breaking for a strict consumer of the types we
// ship? It generates @instantly-kit/types for both documents with the types target itself (so whatever
// openapi-typescript emits is what is judged), writes the probes of probes.ts twice — against the old types
// ("before") and against the new ones ("after") — and compiles both files in ONE TypeScript program.
// Breaking = some probe that compiles before fails after. A probe that fails before cannot be expressed for
// that document (reported, never counted as breaking).
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { buildModel } from "../../src/model/index.ts";
import { typesTarget } from "../../src/targets/types/index.ts";
import { type Probe, probesFor } from "./probes.ts";

const TYPES_SRC = join(import.meta.dirname, "..", "..", "..", "types", "src");

export interface ProbeFailure {
  label: string;
  code: string;
  error: string;
}

export interface OracleVerdict {
  /** Probes that compiled against the old types and fail against the new ones. */
  broken: ProbeFailure[];
  /** Probes that already fail against the old types (not expressible for this document). */
  unprobeable: ProbeFailure[];
  probes: number;
}

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  lib: ["lib.es2022.d.ts"],
  types: [],
};

export interface SpecPair {
  old: object;
  new: object;
}

/** One verdict per pair. All pairs are compiled in one TypeScript program (tsc's start-up cost is paid once). */
export async function compilerOracle(pairs: readonly SpecPair[]): Promise<OracleVerdict[]> {
  const dir = await mkdtemp(join(tmpdir(), "diff-oracle-"));
  try {
    await copyFile(join(import.meta.dirname, "probe-lib.ts"), join(dir, "probe-lib.ts"));
    // Identical documents (the base of every fixture row) are generated once.
    const packages = new Map<string, string>();
    const packageOf = async (document: object): Promise<string> => {
      const key = createHash("sha256").update(JSON.stringify(document)).digest("hex").slice(0, 16);
      if (!packages.has(key)) {
        packages.set(key, key);
        await generateTypes(document, join(dir, key));
      }
      return key;
    };
    const sides: { old: string; new: string }[] = [];
    for (const pair of pairs) sides.push({ old: await packageOf(pair.old), new: await packageOf(pair.new) });
    const host = ts.createCompilerHost(OPTIONS);
    const oldRoots = [...new Set(sides.map((side) => join(dir, side.old, "index.ts")))];
    const exportsProgram = ts.createProgram(oldRoots, OPTIONS, host);
    const files = await Promise.all(
      pairs.map(async (pair, index) => {
        const side = sides[index] as { old: string; new: string };
        const exports = exportNames(exportsProgram, join(dir, side.old, "index.ts"));
        const document = pair.old as Record<string, unknown>;
        const before = join(dir, `pair${index}-before.ts`);
        const after = join(dir, `pair${index}-after.ts`);
        // The same probes, once against the old package twice ("before") and once old → new ("after").
        const next = pair.new as Record<string, unknown>;
        const probes = probesFor(document, next, exports, `./${side.old}/index.ts`);
        await writeFile(before, probeFile(probes, side.old, side.old));
        await writeFile(
          after,
          probeFile(probesFor(document, next, exports, `./${side.new}/index.ts`), side.old, side.new),
        );
        return { probes, before, after };
      }),
    );
    const program = ts.createProgram(
      files.flatMap((file) => [file.before, file.after]),
      OPTIONS,
      host,
      exportsProgram,
    );
    return files.map(({ probes, before, after }) => {
      const failedBefore = failuresByProbe(program, before);
      const failedAfter = failuresByProbe(program, after);
      const verdict: OracleVerdict = { broken: [], unprobeable: [], probes: probes.length };
      probes.forEach((probe, index) => {
        const earlier = failedBefore.get(index);
        const later = failedAfter.get(index);
        const failure = (error: string) => ({ label: probe.label, code: probe.code(`p${index}`), error });
        if (earlier !== undefined) verdict.unprobeable.push(failure(earlier));
        else if (later !== undefined) verdict.broken.push(failure(later));
      });
      return verdict;
    });
  } finally {
    if (!process.env.ORACLE_KEEP) await rm(dir, { recursive: true, force: true });
  }
}

/** The types package as it ships: the target's generated files under generated/, the hand-written entry beside. */
async function generateTypes(document: object, packageDir: string): Promise<void> {
  const outDir = join(packageDir, "generated");
  await mkdir(outDir, { recursive: true });
  await typesTarget.generate({
    model: buildModel(document as Record<string, unknown>),
    outDir,
    // The types target reads neither (asserted by the program compiling at all).
    lock: undefined as never,
    paths: undefined as never,
  });
  for (const file of ["index.ts", "operation-helpers.ts"]) {
    await copyFile(join(TYPES_SRC, file), join(packageDir, file));
  }
}

function exportNames(program: ts.Program, root: string): string[] {
  const source = program.getSourceFile(root);
  const checker = program.getTypeChecker();
  const symbol = source ? checker.getSymbolAtLocation(source) : undefined;
  if (!symbol) throw new Error("oracle: the old types package has no module symbol");
  return checker
    .getExportsOfModule(symbol)
    .map((s) => s.getName())
    .sort();
}

const HEADER_LINES = 3;

/** The probes as one file, one line each after a three-line header naming the two generated packages. */
function probeFile(probes: readonly Probe[], oldDir: string, newDir: string): string {
  const lines = [
    `import type * as O from ${JSON.stringify(`./${oldDir}/index.ts`)};`,
    `import type * as N from ${JSON.stringify(`./${newDir}/index.ts`)};`,
    'import type { Cmp, ContentOr, Excess, Omittable, Read } from "./probe-lib.ts";',
    ...probes.map((probe, index) => probe.code(`p${index}`)),
  ];
  return `${lines.join("\n")}\n`;
}

/** The first error of each probe line (probe index → message); an error outside the probes throws. */
function failuresByProbe(program: ts.Program, file: string): Map<number, string> {
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`oracle: ${file} is not in the program`);
  const failures = new Map<number, string>();
  for (const diagnostic of [
    ...program.getSyntacticDiagnostics(source),
    ...program.getSemanticDiagnostics(source),
  ]) {
    const line = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (line < HEADER_LINES) throw new Error(`oracle: probe file header does not compile: ${message}`);
    const index = line - HEADER_LINES;
    if (!failures.has(index)) failures.set(index, message);
  }
  return failures;
}
