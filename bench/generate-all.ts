// Full `pnpm generate` (all five packages, through turbo) on the newest spec, cold (`--force`: every target
// regenerates) and warm (turbo cache hit: nothing changed), beside bare orval 8 generating react-query hooks +
// msw mocks from the same normalized spec in the same run. Contenders alternate round by round; each sample is
// a fresh process tree timed by GNU time (wall, peak RSS of the largest process).
// Run after `pnpm sync`: `pnpm bench generate-all [rounds]`; writes bench/results/generate-all.json.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { alternate, medianAndPeak, type Timed, timeChild, writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const rounds = Math.max(3, Number(process.argv[2] ?? 5));
const turbo = join(root, "node_modules", ".bin", "turbo");
const tmp = mkdtempSync(join(tmpdir(), "ik-bench-generate-all-"));

const orvalEntry = pathToFileURL(
  createRequire(join(root, "packages", "codegen", "package.json")).resolve("orval"),
).href;
const bareOrval = `
  import { readFileSync } from "node:fs";
  const { generate } = await import(${JSON.stringify(orvalEntry)});
  const document = JSON.parse(readFileSync(${JSON.stringify(join(root, "spec", "openapi.json"))}, "utf8"));
  await generate({ input: { target: document }, output: {
      target: ${JSON.stringify(join(tmp, "orval", "endpoints.ts"))}, schemas: ${JSON.stringify(join(tmp, "orval", "model"))},
      client: "react-query", mode: "tags", clean: true, prettier: false, mock: true,
      override: { query: { version: 5, useSuspenseQuery: true, useInfinite: true, useInfiniteQueryParam: "starting_after", signal: true } } } },
    ${JSON.stringify(tmp)}, { logLevel: "error", throwOnError: true });
`;

const contenders: Record<string, string[]> = {
  "pnpm generate, cold (turbo --force)": [turbo, "run", "generate", "--force", "--output-logs=none"],
  "pnpm generate, warm (turbo cache)": [turbo, "run", "generate", "--output-logs=none"],
  "bare orval 8 (hooks + msw mocks)": [process.execPath, "--input-type=module", "-e", bareOrval],
};

try {
  const names = Object.keys(contenders);
  const samples = new Map(names.map((name) => [name, [] as Timed[]]));
  const measure = (name: string) => timeChild(contenders[name] as string[], { cwd: root });
  await measure(names[0] as string); // fill the cache once so "warm" is warm from round 1
  for (let round = 0; round < rounds; round++) {
    for (const name of alternate(names, round)) samples.get(name)?.push(await measure(name));
  }
  const results = Object.fromEntries(names.map((name) => [name, medianAndPeak(samples.get(name) ?? [])]));
  const [cold, warm, bare] = names.map((name) => results[name] as { medianMs: number; peakRssMb: number });
  const ratios = {
    coldOverBareOrval: Number(((cold?.medianMs ?? 0) / (bare?.medianMs ?? 1)).toFixed(3)),
    warmOverCold: Number(((warm?.medianMs ?? 0) / (cold?.medianMs ?? 1)).toFixed(3)),
  };
  console.log(`generate all five packages, newest spec, ${rounds} rounds (median wall, peak RSS):`);
  for (const name of names)
    console.log(`  ${name.padEnd(38)} ${results[name]?.medianMs} ms  ${results[name]?.peakRssMb} MB`);
  console.log(
    `  cold / bare orval: ${ratios.coldOverBareOrval}× (goal ≤ 1.5×)   warm / cold: ${ratios.warmOverCold} (goal ≤ 0.05)`,
  );
  writeResults("generate-all", { rounds, results, ratios });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
