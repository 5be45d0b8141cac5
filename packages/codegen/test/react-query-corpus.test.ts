// Corpus test for @instantly-kit/react-query: every real spec version in ../shared/specs is normalized with
// the real pipeline (loadSpec), its types generated (types target) and its hooks generated (orval 8 +
// post-processing) into a temp copy of the package's hand-written sources; then one real `tsc` run
// type-checks all eras at once, together with a small consumer per era using hooks every era has.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { projectPaths } from "../src/paths.ts";
import { loadSpec } from "../src/spec/load.ts";
import type { SpecLock } from "../src/spec/lock.ts";
import { reactQueryTarget } from "../src/targets/react-query/index.ts";
import { collectOperations } from "../src/targets/react-query/operations.ts";
import { typesTarget } from "../src/targets/types/index.ts";
import { FIXTURES, SPECS_DIR } from "./helpers.ts";

const FIXTURE = "react-query-operations.json";

const run = promisify(execFile);
const paths = projectPaths();

const specs = (() => {
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

/** An app file using hooks that exist in every era (the types come from that era's types package). */
const consumer = `import type { Campaign, LeadLabel } from "./types/src/index.js";
import { useCreateLeadLabel, useGetCampaign, useListCampaign, useListCampaignInfinite, useListLeadsInfinite, usePatchCampaign } from "./react-query/src/index.js";

export function useApp(id: string) {
  const campaign: Campaign | undefined = useGetCampaign(id).data;
  const first: Campaign | undefined = useListCampaign({ limit: 10 }).data?.items?.[0];
  const pages = useListCampaignInfinite({ limit: 10 }).data?.pages.length;
  const leads = useListLeadsInfinite({ campaign: id, limit: 25 }).data?.pages[0]?.items;
  const create = useCreateLeadLabel();
  const patch = usePatchCampaign({ invalidate: false });
  const label: LeadLabel | undefined = create.data;
  // @ts-expect-error the id is a string
  useGetCampaign(1);
  return { campaign, first, pages, leads, label, patch };
}
`;

let dir: string;
const counts = new Map<string, { operations: number; queries: number; infinite: number }>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ik-rq-corpus-"));
  // @tanstack/react-query, react, @instantly-kit/client resolve exactly as for the package itself.
  symlinkSync(join(paths.packagesDir, "react-query", "node_modules"), join(dir, "node_modules"));
  const lock = {
    source: "corpus",
    sha256: "",
    pulledAt: "",
    counts: { paths: 0, operations: 0, schemas: 0 },
    warnings: [],
  } as SpecLock;
  // The real versions, plus the hand-written fixture of edge cases (array body, body cursor, text answer…).
  for (const file of [...specs, FIXTURE]) {
    const root = join(dir, file.replace(/\.json$/, ""));
    const { document } = await loadSpec(file === FIXTURE ? join(FIXTURES, file) : join(SPECS_DIR, file));
    for (const target of [typesTarget, reactQueryTarget]) {
      const src = join(root, target.packageDir, "src");
      cpSync(join(paths.packagesDir, target.packageDir, "src"), src, {
        recursive: true,
        filter: (from) => !from.includes("generated"),
      });
      mkdirSync(join(src, "generated"), { recursive: true });
      await target.generate({ document, lock, outDir: join(src, "generated"), paths });
    }
    // The hooks import this era's types, not the workspace's.
    for (const sub of ["", "generated"]) {
      for (const name of readdirSync(join(root, "react-query", "src", sub))) {
        if (!/\.tsx?$/.test(name)) continue;
        const path = join(root, "react-query", "src", sub, name);
        const types = sub ? "../../../types/src/index.js" : "../../types/src/index.js";
        writeFileSync(path, readFileSync(path, "utf8").replaceAll('"@instantly-kit/types"', `"${types}"`));
      }
    }
    if (file !== FIXTURE) writeFileSync(join(root, "consumer.ts"), consumer);
    const operations = collectOperations(document);
    counts.set(file, {
      operations: operations.length,
      queries: operations.filter((operation) => operation.isQuery).length,
      infinite: operations.filter((operation) => operation.pagination).length,
    });
  }
  // ESM like the real packages (verbatimModuleSyntax rejects `export` in a CommonJS scope).
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  // Two projects (eras split alternately) checked by two tsc processes: the machine has two cores.
  const eras = [...specs, FIXTURE].map((file) => file.replace(/\.json$/, ""));
  for (const half of [0, 1]) {
    const mine = eras.filter((_, index) => index % 2 === half);
    writeFileSync(
      join(dir, `tsconfig.${half}.json`),
      JSON.stringify({
        extends: join(paths.root, "tsconfig.base.json"),
        compilerOptions: { noEmit: true, jsx: "react-jsx", types: [] },
        include: mine.flatMap((era) => [
          `${era}/react-query/src/**/*.ts`,
          `${era}/react-query/src/**/*.tsx`,
          `${era}/consumer.ts`,
        ]),
      }),
    );
  }
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("every spec version generates hooks that type-check (package + a consumer), 0 errors", async () => {
  expect(specs.length).toBeGreaterThanOrEqual(10);
  const tsc = join(paths.root, "node_modules", "typescript", "bin", "tsc");
  const check = (project: string) =>
    run(process.execPath, [tsc, "-p", join(dir, project)], { maxBuffer: 64 * 1024 * 1024 }).then(
      () => "",
      (error: { stdout?: string; message: string }) => error.stdout || error.message,
    );
  const outputs = await Promise.all([check("tsconfig.0.json"), check("tsconfig.1.json")]);
  expect(outputs.join("")).toBe("");
}, 600_000);

test("every era has hooks for every operation, infinite hooks for its cursor-paginated ones", () => {
  for (const [file, { operations, queries, infinite }] of counts) {
    const root = join(dir, file.replace(/\.json$/, ""), "react-query", "src", "generated");
    const text = readdirSync(root)
      .map((name) => readFileSync(join(root, name), "utf8"))
      .join("\n");
    const hooks = (pattern: RegExp) => new Set([...text.matchAll(pattern)].map((match) => match[1])).size;
    expect(hooks(/^\s*export function (use\w+)Suspense</gm), file).toBe(queries);
    expect(hooks(/^\s*export const (use\w+) = </gm), file).toBe(operations - queries);
    expect(hooks(/^\s*export function (use\w+(?<!Suspense)Infinite)</gm), file).toBe(infinite);
    expect(hooks(/^\s*export function (use\w+SuspenseInfinite)</gm), file).toBe(infinite);
  }
  const newest = specs.filter((file) => file !== "latest.json").at(-1) as string;
  expect(counts.get(newest)).toMatchObject({ operations: 240, infinite: 33 });
});
