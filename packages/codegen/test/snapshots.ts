// The committed snapshots of generated code (test/snapshots/<fixture>/<package>/…): what `pnpm generate` writes for
// each hand-written fixture spec, for every target. Reviewers see a generator, orval or openapi-typescript change as
// a diff of these files; snapshots.test.ts regenerates them and compares byte for byte (UPDATE_SNAPSHOTS=1 rewrites
// them), and generated-corpus.test.ts type-checks them.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { buildModel, compareCodePoints } from "../src/model/index.ts";
import { projectPaths } from "../src/paths.ts";
import { clientTarget } from "../src/targets/client/index.ts";
import { generateTarget } from "../src/targets/format.ts";
import { mswTarget } from "../src/targets/msw/index.ts";
import { reactQueryTarget } from "../src/targets/react-query/index.ts";
import type { Target } from "../src/targets/target.ts";
import { typesTarget } from "../src/targets/types/index.ts";
import { zodTarget } from "../src/targets/zod/index.ts";
import { loadCorpusSpec } from "./corpus.ts";
import { FIXTURES, stubLock } from "./helpers.ts";

export const SNAPSHOTS_DIR = join(import.meta.dirname, "snapshots");

/**
 * The fixtures whose generated code is committed: the hooks' edge cases (array body, body cursor, text answer),
 * docs/scopes/deprecation and hostile spec text, a dangling ref, alias enums, an OpenAPI 3.0 document, operation
 * names that collide once cased, query and body cursor pagination, operationIds orval and the model case differently.
 */
export const SNAPSHOT_FIXTURES = [
  "react-query-operations.json",
  "operation-docs.json",
  "dangling-ref.json",
  "alias-enums.json",
  "openapi-3.0.yaml",
  "react-query-names.json",
  "cursor-pagination.json",
  "operation-names.json",
] as const;

/** Every target, in the order `pnpm generate` runs them. */
export const SNAPSHOT_TARGETS: readonly Target[] = [
  typesTarget,
  clientTarget,
  reactQueryTarget,
  mswTarget,
  zodTarget,
];

/** `react-query-operations.json` → its folder under test/snapshots. */
export function snapshotDir(fixture: string): string {
  return join(SNAPSHOTS_DIR, fixture.replace(/\.(json|ya?ml)$/, ""));
}

/** Files under `dir` as `relative path → text`, in code-point order of their paths. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, "utf8"));
    }
  };
  walk(dir);
  return sortedByPath(files);
}

/** What every target generates (and formats) for `fixture`, as `<package>/<file> → text`. */
export async function generateSnapshot(fixture: string): Promise<Map<string, string>> {
  const document = await loadCorpusSpec(join(FIXTURES, fixture));
  const model = buildModel(document);
  const result = new Map<string, string>();
  for (const target of SNAPSHOT_TARGETS) {
    const outDir = mkdtempSync(join(tmpdir(), `ik-snapshot-${target.packageDir}-`));
    try {
      await generateTarget(target, {
        model,
        lock: stubLock(fixture),
        outDir,
        paths: projectPaths(),
      });
      for (const [path, text] of readTree(outDir)) result.set(join(target.packageDir, path), text);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }
  return sortedByPath(result);
}

function sortedByPath(files: Map<string, string>): Map<string, string> {
  return new Map([...files].sort(([a], [b]) => compareCodePoints(a, b)));
}
