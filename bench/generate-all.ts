// Full `pnpm generate` (the root script as a user runs it: pnpm, turbo's `generate:packages` task and what it
// depends on — ADR 0034 — and the docs step) on the newest spec, three ways — cold (`--force`: the generator's bundle is rebuilt too), after a spec change (only
// the generation's cache entry is gone, as when the lock changed: the bundle is restored, as turbo does for a user)
// and warm (turbo cache hit: nothing changed) — beside bare orval 8 generating react-query hooks + msw mocks from
// the same normalized spec in the same run. Turbo uses a cache folder of this run's own. Contenders alternate
// round by round; each sample is a fresh process tree timed by GNU time (wall, peak RSS of the largest process).
// The goal's baseline runs orval with `clean: true`, as our generate cleans: both leave exactly the spec's output.
// Most of its wall is the file system's, creating its 4,285 model files again (system time; ADR 0035), so the
// bench also times orval with `clean: false` over its own previous output — overwriting is far cheaper than
// creating — as a reference: the ratio against the fastest orval run this machine gives, not the goal's.
// Run after `pnpm sync`: `pnpm bench generate-all [rounds]`; writes bench/results/generate-all.json.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { bareOrvalArgs, reactQueryOutput } from "./lib/bare-orval.ts";
import { alternate, printMedianAndPeak, timeChild, timeRounds, writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const rounds = Math.max(3, Number(process.argv[2] ?? 5));
const turbo = join(root, "node_modules", ".bin", "turbo");
const tmp = mkdtempSync(join(tmpdir(), "ik-bench-generate-all-"));

const bareOrval = bareOrvalArgs(root, {
  spec: join(root, "spec", "openapi.json"),
  output: { ...reactQueryOutput(join(tmp, "orval")), mock: true },
  workspace: tmp,
  logLevel: "error",
});

// orval's default: files of the last run stay and are overwritten (and a removed operation's files stay behind).
const bareOrvalOverwrite = bareOrvalArgs(root, {
  spec: join(root, "spec", "openapi.json"),
  output: { ...reactQueryOutput(join(tmp, "orval-overwrite")), mock: true, clean: false },
  workspace: tmp,
  logLevel: "error",
});

const cacheDir = join(tmp, "turbo-cache");
// The root's `generate` script itself, as a user runs it (pnpm's start, turbo, the docs step): the goal is on
// `pnpm generate` overall. Turbo takes this run's cache folder (and `--force`) from its environment, since
// arguments after the script would reach its last command. pnpm: the one running this bench, else PATH's.
const pnpm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ["pnpm"];
const generate = [...pnpm, "run", "--silent", "generate"];
const generateEnv = { TURBO_CACHE_DIR: cacheDir };
const COLD = "pnpm generate, cold (turbo --force)";
const SPEC_CHANGED = "pnpm generate, spec changed";
const WARM = "pnpm generate, warm (turbo cache)";
const BARE = "bare orval 8 (hooks + msw mocks)";
const BARE_OVERWRITE = "bare orval 8, clean: false (overwrites)";
const contenders: Record<string, string[]> = {
  [COLD]: generate,
  [SPEC_CHANGED]: generate,
  [WARM]: generate,
  [BARE]: [process.execPath, ...bareOrval],
  [BARE_OVERWRITE]: [process.execPath, ...bareOrvalOverwrite],
};
const environments: Record<string, Record<string, string>> = {
  [COLD]: { ...generateEnv, TURBO_FORCE: "true" },
  [SPEC_CHANGED]: generateEnv,
  [WARM]: generateEnv,
};

/** The generation task's cache key, from turbo's dry run (it depends on the lock, the generator and the manifests). */
function generationHash(): string {
  const dry = JSON.parse(
    execFileSync(turbo, ["run", "generate:packages", `--cache-dir=${cacheDir}`, "--dry=json"], {
      cwd: root,
      encoding: "utf8",
    }),
  ) as {
    tasks: { taskId: string; hash: string }[];
  };
  const task = dry.tasks.find((t) => t.taskId === "//#generate:packages");
  if (!task) throw new Error("turbo's dry run has no //#generate:packages task");
  return task.hash;
}

try {
  const names = Object.keys(contenders);
  const hash = generationHash();
  const measure = (name: string) => {
    // As after a spec change: the generation misses its cache, the generator's bundle (unchanged) hits.
    if (name === SPEC_CHANGED)
      for (const file of readdirSync(cacheDir).filter((entry) => entry.startsWith(hash)))
        rmSync(join(cacheDir, file), { force: true });
    return timeChild(contenders[name] as string[], { cwd: root, env: environments[name] ?? {} });
  };
  await measure(COLD); // fill the cache once so "warm" is warm from round 1
  await measure(BARE_OVERWRITE); // and orval's folder, so that it overwrites from round 1
  const results = await timeRounds(names, rounds, alternate, measure);
  const ms = (name: string) => results[name]?.medianMs ?? Number.NaN;
  // The least any scheduling of the same work could reach here: its CPU time spread evenly over every core, against
  // bare orval's wall. Above 1.5×, no reordering of threads meets the goal on this machine: only less work does.
  // Meaningful on an otherwise idle machine (under outside load bare orval's wall stretches, its CPU does not);
  // the CPU ratio beside it holds either way.
  const cores = availableParallelism();
  const cpu = results[SPEC_CHANGED]?.medianCpuMs ?? Number.NaN;
  const bareCpu = results[BARE]?.medianCpuMs ?? Number.NaN;
  const ratios = {
    coldOverBareOrval: Number((ms(COLD) / ms(BARE)).toFixed(3)),
    specChangedOverBareOrval: Number((ms(SPEC_CHANGED) / ms(BARE)).toFixed(3)),
    warmOverCold: Number((ms(WARM) / ms(COLD)).toFixed(3)),
    specChangedCpuPerCoreOverBareOrval: Number((cpu / cores / ms(BARE)).toFixed(3)),
    specChangedCpuOverBareOrvalCpu: Number((cpu / bareCpu).toFixed(3)),
    specChangedOverBareOrvalOverwriting: Number((ms(SPEC_CHANGED) / ms(BARE_OVERWRITE)).toFixed(3)),
  };
  console.log(`generate all five packages, newest spec, ${rounds} rounds (median wall, peak RSS):`);
  printMedianAndPeak(results, 40);
  console.log(
    `  cold / bare orval: ${ratios.coldOverBareOrval}×   spec changed / bare orval: ${ratios.specChangedOverBareOrval}× (goal ≤ 1.5×)   warm / cold: ${ratios.warmOverCold} (goal ≤ 0.05)`,
  );
  console.log(
    `  spec changed, CPU / ${cores} cores / bare orval's wall: ${ratios.specChangedCpuPerCoreOverBareOrval}× (the floor for any thread schedule on this machine, when idle)   CPU / bare orval's CPU: ${ratios.specChangedCpuOverBareOrvalCpu}×`,
  );
  console.log(
    `  reference, not the goal: spec changed / orval overwriting its last output: ${ratios.specChangedOverBareOrvalOverwriting}× (such a run leaves a removed operation's files behind)`,
  );
  writeResults("generate-all", { rounds, cores, results, ratios });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
