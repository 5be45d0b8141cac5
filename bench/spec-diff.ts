// Benchmark: `spec:diff` of the two newest spec versions, beside baselines measured in the same run:
//   - load only: reading + validating + normalizing the same two documents (what the diff must do anyway),
//   - openapi-typescript alone on the newest normalized spec (the code generation the pipeline feeds).
// Each sample is a separate child process under /usr/bin/time (wall time, peak RSS). The diff step
// alone (diffSpecs on two loaded documents) is also timed in-process, since it is hidden by loading.
// Run with Node 22: npx pnpm@10.34.8 exec node bench/spec-diff.ts [runs]
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { diffSpecs } from "../packages/codegen/src/spec/diff/index.ts";
import { loadSpec } from "../packages/codegen/src/spec/load.ts";
import { serializeSpec } from "../packages/codegen/src/spec/normalize/index.ts";
import { median, summarize, type Timed, timeNode, writeResults } from "./lib/measure.ts";

const ROOT = resolve(import.meta.dirname, "..");
const SPECS = resolve(ROOT, "../shared/specs");
const CLI = join(ROOT, "packages/codegen/src/cli.ts");
const OPENAPI_TS = join(ROOT, "packages/codegen/node_modules/openapi-typescript/bin/cli.js");
const RUNS = Math.max(5, Number(process.argv[2] ?? 7));

const versions = readdirSync(SPECS)
  .filter((name) => /^\d{4}-\d{2}-\d{2}_[0-9a-f]+\.json$/.test(name))
  .sort();
const [older, newer] = versions.slice(-2).map((name) => join(SPECS, name)) as [string, string];

const scratch = mkdtempSync(join(tmpdir(), "ik-bench-diff-"));
try {
  // The load-only baseline: the same two loadSpec calls the diff command makes, and nothing else.
  const loadOnly = join(scratch, "load-only.mjs");
  writeFileSync(
    loadOnly,
    `import { loadSpec } from ${JSON.stringify(pathToFileURL(join(ROOT, "packages/codegen/src/spec/load.ts")).href)};\n` +
      `await Promise.all(process.argv.slice(2).map((source) => loadSpec(source)));\n`,
  );
  const normalizedNewest = join(scratch, "newest.normalized.json");
  const [oldDoc, newDoc] = await Promise.all([loadSpec(older), loadSpec(newer)]);
  writeFileSync(normalizedNewest, serializeSpec(newDoc.document));

  const diffRuns: Timed[] = [];
  const loadRuns: Timed[] = [];
  const typesRuns: Timed[] = [];
  for (let i = 0; i < RUNS; i++) {
    diffRuns.push(await timeNode([CLI, "diff", older, newer, "--json"]));
    loadRuns.push(await timeNode([loadOnly, older, newer]));
    typesRuns.push(await timeNode([OPENAPI_TS, normalizedNewest, "-o", join(scratch, "types.ts")]));
  }

  // diffSpecs alone, in this process, on the already-loaded documents (warm: JIT and caches).
  const diffOnlyMs: number[] = [];
  let changes = 0;
  for (let i = 0; i < RUNS * 3; i++) {
    const start = performance.now();
    changes = diffSpecs(oldDoc.document, newDoc.document).changes.length;
    diffOnlyMs.push(performance.now() - start);
  }

  const diff = summarize("spec:diff --json (CLI: load both + diff)", diffRuns);
  const load = summarize("baseline: loadSpec of both (read+validate+normalize)", loadRuns);
  const types = summarize("baseline: openapi-typescript on the newest", typesRuns);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    pair: [older, newer].map((file) => file.slice(SPECS.length + 1)),
    changes,
    rows: [diff, load, types],
    diffSpecsOnly: { runs: diffOnlyMs.length, medianMs: Number(median(diffOnlyMs).toFixed(1)) },
    ratio: {
      diffOverLoadWall: Number((diff.medianWallMs / load.medianWallMs).toFixed(2)),
      diffOverOpenapiTypescriptWall: Number((diff.medianWallMs / types.medianWallMs).toFixed(2)),
      diffOverOpenapiTypescriptMemory: Number((diff.medianMaxRssMb / types.medianMaxRssMb).toFixed(2)),
    },
  };

  console.log(
    `spec:diff ${results.pair.join(" → ")} (${changes} changes), ${RUNS} runs each, ${process.version}`,
  );
  console.log(
    `${"".padEnd(56)} ${"median".padStart(8)} ${"min".padStart(7)} ${"max".padStart(7)} ${"peak RSS".padStart(9)}`,
  );
  for (const row of results.rows) {
    console.log(
      `${row.name.padEnd(56)} ${`${row.medianWallMs} ms`.padStart(8)} ${`${row.minWallMs}`.padStart(7)} ${`${row.maxWallMs}`.padStart(7)} ${`${row.medianMaxRssMb} MB`.padStart(9)}`,
    );
  }
  console.log(
    `${"diffSpecs alone (in-process, warm)".padEnd(56)} ${`${results.diffSpecsOnly.medianMs} ms`.padStart(8)}`,
  );
  console.log(
    `spec:diff / load only: wall ×${results.ratio.diffOverLoadWall}; spec:diff / openapi-typescript: wall ×${results.ratio.diffOverOpenapiTypescriptWall}, memory ×${results.ratio.diffOverOpenapiTypescriptMemory}`,
  );
  writeResults("spec-diff", results);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
