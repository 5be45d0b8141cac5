// Full `pnpm generate` (all five packages, through turbo) on the newest spec, cold (`--force`: every target
// regenerates) and warm (turbo cache hit: nothing changed), beside bare orval 8 generating react-query hooks +
// msw mocks from the same normalized spec in the same run. Contenders alternate round by round; each sample is
// a fresh process tree timed by GNU time (wall, peak RSS of the largest process).
// Run after `pnpm sync`: `pnpm bench generate-all [rounds]`; writes bench/results/generate-all.json.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
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

const contenders: Record<string, string[]> = {
  "pnpm generate, cold (turbo --force)": [turbo, "run", "generate", "--force", "--output-logs=none"],
  "pnpm generate, warm (turbo cache)": [turbo, "run", "generate", "--output-logs=none"],
  "bare orval 8 (hooks + msw mocks)": [process.execPath, ...bareOrval],
};

try {
  const names = Object.keys(contenders);
  const measure = (name: string) => timeChild(contenders[name] as string[], { cwd: root });
  await measure(names[0] as string); // fill the cache once so "warm" is warm from round 1
  const results = await timeRounds(names, rounds, alternate, measure);
  const [cold, warm, bare] = names.map((name) => results[name]);
  const ratios = {
    coldOverBareOrval: Number(((cold?.medianMs ?? 0) / (bare?.medianMs ?? 1)).toFixed(3)),
    warmOverCold: Number(((warm?.medianMs ?? 0) / (cold?.medianMs ?? 1)).toFixed(3)),
  };
  console.log(`generate all five packages, newest spec, ${rounds} rounds (median wall, peak RSS):`);
  printMedianAndPeak(results, 38);
  console.log(
    `  cold / bare orval: ${ratios.coldOverBareOrval}× (goal ≤ 1.5×)   warm / cold: ${ratios.warmOverCold} (goal ≤ 0.05)`,
  );
  writeResults("generate-all", { rounds, results, ratios });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
