// Shared scaffolding of the corpus tests: the distinct real spec versions of ../shared/specs, each
// normalized once with the real pipeline (loadSpec), and a temp workspace that mirrors the repo layout —
// per era, copies of the packages' hand-written sources plus freshly generated code — compiled by the
// real `tsc` CLI.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { promisify } from "node:util";
import { buildModel } from "../src/model/index.ts";
import { projectPaths } from "../src/paths.ts";
import { loadSpec } from "../src/spec/load.ts";
import { formatGenerated } from "../src/targets/format.ts";
import type { Target } from "../src/targets/target.ts";
import { SPECS_DIR, stubLock } from "./helpers.ts";

const run = promisify(execFile);
export const paths = projectPaths();

/** The spec files of ../shared/specs, sorted, minus byte copies (latest.json duplicates the newest version). */
export const corpusSpecs: string[] = (() => {
  const seen = new Set<string>();
  return readdirSync(SPECS_DIR)
    .filter((file) => file.endsWith(".json") && file !== "manifest.json")
    .sort()
    .filter((file) => {
      const hash = createHash("sha256")
        .update(readFileSync(join(SPECS_DIR, file)))
        .digest("hex");
      if (seen.has(hash)) return false;
      seen.add(hash);
      return true;
    });
})();

/** The newest dated version (latest.json is its copy, whichever of the two the dedup kept). */
export const newestSpec = corpusSpecs.filter((file) => file !== "latest.json").at(-1) as string;

const loaded = new Map<string, Promise<Record<string, unknown>>>();

/** The normalized document of a spec file (a name in SPECS_DIR or a path); each file is loaded once. */
export function loadCorpusSpec(file: string): Promise<Record<string, unknown>> {
  const source = file.includes("/") ? file : join(SPECS_DIR, file);
  let document = loaded.get(source);
  if (!document) {
    document = loadSpec(source).then((spec) => spec.document);
    loaded.set(source, document);
  }
  return document;
}

/** Number of operations of a normalized document (every method of every path item). */
export function countOperations(document: Record<string, unknown>): number {
  return Object.values(document.paths as Record<string, object>).reduce<number>(
    (count, item) => count + Object.keys(item).filter((key) => key !== "parameters").length,
    0,
  );
}

/** A temp directory laid out like the repo's packages/, one folder per era: `<dir>/<era>/<packageDir>/src`. */
export interface CorpusWorkspace {
  dir: string;
  /** `<dir>/<era>` for a spec file name (`2025-01-01.json` → `<dir>/2025-01-01`). */
  eraDir(file: string): string;
  /** Generates `targets` for `document` into the era's copies of their packages. */
  generate(
    file: string,
    document: Record<string, unknown>,
    targets: readonly (Target | CustomTarget)[],
  ): Promise<void>;
  /**
   * Type-checks every generated era with the real `tsc`: "" or the first 30 lines of its output. The eras are
   * split round-robin into `shards` projects checked by concurrent tsc processes (each era's code is distinct,
   * so one big program saves no checking work; two processes use both cores of the CI machine).
   */
  typecheck(options: TypecheckOptions): Promise<string>;
  remove(): void;
}

export interface TypecheckOptions {
  /** tsconfig `include` globs of one era, relative to the workspace dir (`era` is the era's folder name). */
  include(era: string): string[];
  compilerOptions?: Record<string, unknown>;
  shards?: number;
}

/** A target whose generate step the test runs itself (e.g. to keep what it returns). */
export interface CustomTarget {
  packageDir: string;
  generate(outDir: string): Promise<void>;
}

export function createCorpusWorkspace(prefix: string): CorpusWorkspace {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // ESM like the real packages (verbatimModuleSyntax rejects `export` in a CommonJS scope).
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  const eraDir = (file: string) => join(dir, file.replace(/\.json$/, ""));
  /** Folder names of the generated eras, in generation order. */
  const eras: string[] = [];

  async function generate(
    file: string,
    document: Record<string, unknown>,
    targets: readonly (Target | CustomTarget)[],
  ): Promise<void> {
    const era = basename(eraDir(file));
    if (!eras.includes(era)) eras.push(era);
    for (const target of targets) {
      const packageDir = join(eraDir(file), target.packageDir);
      const src = join(packageDir, "src");
      cpSync(join(paths.packagesDir, target.packageDir, "src"), src, {
        recursive: true,
        filter: (from) => !from.includes("generated"),
      });
      mkdirSync(join(src, "generated"), { recursive: true });
      // Dependencies (openapi-fetch, msw, react, @types/…) resolve exactly as for the package itself.
      symlinkSync(
        join(paths.packagesDir, target.packageDir, "node_modules"),
        join(packageDir, "node_modules"),
      );
      const outDir = join(src, "generated");
      if ("packageName" in target)
        await target.generate({
          model: buildModel(document),
          lock: stubLock("corpus"),
          outDir,
          paths,
        });
      else await target.generate(outDir);
      // Formatted as `pnpm generate` formats it: what is type-checked is what ships.
      await formatGenerated(outDir);
      // The packages import the types package by name; point them at this era's copy.
      if (target.packageDir !== "types") pointAtEraTypes(src, join(eraDir(file), "types", "src", "index.js"));
    }
  }

  async function typecheck({ include, compilerOptions = {}, shards = 1 }: TypecheckOptions): Promise<string> {
    const tsc = join(paths.root, "node_modules", "typescript", "bin", "tsc");
    const check = (shard: number) => {
      const project = join(dir, `tsconfig.${shard}.json`);
      writeFileSync(
        project,
        JSON.stringify({
          extends: join(paths.root, "tsconfig.base.json"),
          compilerOptions: { types: [], declarationMap: false, sourceMap: false, ...compilerOptions },
          include: eras.filter((_, index) => index % shards === shard).flatMap(include),
        }),
      );
      return run(process.execPath, [tsc, "-p", project], { maxBuffer: 64 * 1024 * 1024 }).then(
        () => "",
        (error: { stdout?: string; message: string }) => error.stdout || error.message,
      );
    };
    const outputs = await Promise.all(
      Array.from({ length: Math.min(shards, eras.length) }, (_, shard) => check(shard)),
    );
    return outputs.join("").split("\n").slice(0, 30).join("\n");
  }

  return {
    dir,
    eraDir,
    generate,
    typecheck,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Rewrites `"@instantly-kit/types"` in every .ts/.tsx file under `src` to a relative import of `typesIndex`. */
function pointAtEraTypes(src: string, typesIndex: string): void {
  for (const name of readdirSync(src, { recursive: true }) as string[]) {
    const file = join(src, name);
    if (!/\.tsx?$/.test(name) || !statSync(file).isFile()) continue;
    const text = readFileSync(file, "utf8");
    if (!text.includes('"@instantly-kit/types"')) continue;
    const target = relative(join(file, ".."), typesIndex);
    writeFileSync(file, text.replaceAll('"@instantly-kit/types"', `"${target}"`));
  }
}
