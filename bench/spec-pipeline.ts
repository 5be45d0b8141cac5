// Benchmark: `spec:pull` + normalize of the newest spec vs openapi-typescript alone on the same
// normalized spec (the code generation the pipeline feeds; the issue's goal is pipeline < generation).
// Each run is a separate child process under /usr/bin/time (wall time, peak RSS).
// Run with Node 22: npx pnpm@10.34.8 exec node bench/spec-pipeline.ts [runs]
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { median, summarize, type Timed, timeNode, writeResults } from "./lib/measure.ts";

const ROOT = resolve(import.meta.dirname, "..");
const SPEC = resolve(ROOT, "../shared/specs/latest.json");
const CLI = join(ROOT, "packages/codegen/src/cli.ts");
const OPENAPI_TS = join(ROOT, "packages/codegen/node_modules/openapi-typescript/bin/cli.js");
const RUNS = Number(process.argv[2] ?? 7);

// A throwaway repo layout, so the bench never touches the real spec/ or lock.
const root = mkdtempSync(join(tmpdir(), "ik-bench-"));
mkdirSync(join(root, "spec"));
mkdirSync(join(root, ".changeset"));
writeFileSync(join(root, "spec/sources.json"), JSON.stringify({ sources: [SPEC] }));
const env = { INSTANTLY_KIT_ROOT: root };

try {
  // Warm the file cache and produce the normalized spec the baseline compiles.
  execFileSync(process.execPath, [CLI, "pull"], { env: { ...process.env, ...env }, stdio: "ignore" });
  const normalized = join(root, "spec/openapi.json");
  const normalizedCopy = join(root, "normalized.json");
  cpSync(normalized, normalizedCopy);

  const pull: Timed[] = [];
  const baseline: Timed[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A first pull each time (no previous spec → no diff): read + validate + normalize + write + lock.
    rmSync(normalized, { force: true });
    rmSync(join(root, "spec/openapi.lock.json"), { force: true });
    pull.push(await timeNode([CLI, "pull"], { env }));
    baseline.push(await timeNode([OPENAPI_TS, normalizedCopy, "-o", join(root, "types.ts")]));
  }

  const stages = await stageBreakdown(RUNS);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    spec: { file: SPEC, bytes: readFileSync(SPEC).byteLength },
    pull: summarize("spec:pull + normalize (latest.json)", pull),
    baseline: summarize("openapi-typescript alone (same normalized spec)", baseline),
    stagesMedianMs: stages,
    ratio: {
      wall: Number((median(pull.map((s) => s.ms)) / median(baseline.map((s) => s.ms))).toFixed(2)),
      memory: Number((median(pull.map((s) => s.rssMb)) / median(baseline.map((s) => s.rssMb))).toFixed(2)),
    },
  };

  for (const r of [results.pull, results.baseline]) {
    console.log(
      `${r.name.padEnd(50)} median ${String(r.medianWallMs).padStart(5)} ms (min ${r.minWallMs}, max ${r.maxWallMs})  peak RSS ${r.medianMaxRssMb} MB  [${r.runs} runs]`,
    );
  }
  console.log(
    `in-process stages (median): ${Object.entries(stages)
      .map(([stage, ms]) => `${stage} ${ms} ms`)
      .join(", ")}`,
  );
  console.log(`pipeline / openapi-typescript: wall ×${results.ratio.wall}, memory ×${results.ratio.memory}`);
  writeResults("spec-pipeline", results);
} finally {
  rmSync(root, { recursive: true, force: true });
}

/** Where the pipeline's time goes, measured in this process (after a warm-up run). */
async function stageBreakdown(runs: number): Promise<Record<string, number>> {
  const { readSource } = await import("../packages/codegen/src/spec/read.ts");
  const { normalize, serializeSpec } = await import("../packages/codegen/src/spec/normalize/index.ts");
  const { validateDocument } = await import("../packages/codegen/src/spec/validate.ts");
  const { sha256 } = await import("../packages/codegen/src/spec/lock.ts");
  const times: Record<string, number[]> = { read: [], normalize: [], validate: [], "serialize+sha256": [] };
  for (let i = 0; i <= runs; i++) {
    let t = performance.now();
    const raw = await readSource(SPEC);
    const read = performance.now() - t;
    t = performance.now();
    const { document } = normalize(raw);
    const norm = performance.now() - t;
    t = performance.now();
    await validateDocument(document, SPEC);
    const valid = performance.now() - t;
    t = performance.now();
    sha256(serializeSpec(document));
    const ser = performance.now() - t;
    if (i === 0) continue; // warm-up
    times.read?.push(read);
    times.normalize?.push(norm);
    times.validate?.push(valid);
    times["serialize+sha256"]?.push(ser);
  }
  return Object.fromEntries(
    Object.entries(times).map(([stage, values]) => [stage, Math.round(median(values))]),
  );
}
