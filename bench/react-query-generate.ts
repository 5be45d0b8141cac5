// Generate time of @instantly-kit/react-query: `generate react-query` (orval 8 + our post-processing, the real
// CLI) vs bare orval 8 (react-query client, same hook kinds: suspense + infinite on `starting_after`, models in
// a folder as orval users do) on the same normalized spec. Each run is a fresh child process against a
// temporary copy of the repo layout; contenders alternate round by round. Median wall time, peak RSS
// (/usr/bin/time). Run: `pnpm exec node bench/react-query-generate.ts [rounds]` after `pnpm spec:pull`;
// writes bench/results/react-query-generate.json.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { alternate, medianAndPeak, type Timed, timeNode, writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const rounds = Number(process.argv[2] ?? 5);

const tmp = mkdtempSync(join(tmpdir(), "ik-bench-rq-generate-"));
mkdirSync(join(tmp, "spec"));
writeFileSync(join(tmp, "pnpm-workspace.yaml"), "packages: []\n");
for (const file of ["openapi.json", "openapi.lock.json"])
  copyFileSync(join(root, "spec", file), join(tmp, "spec", file));
// Hand-written sources only: the generator reads the mutator's signature from there.
cpSync(join(root, "packages", "react-query", "src"), join(tmp, "packages", "react-query", "src"), {
  recursive: true,
  filter: (from) => !from.includes("generated"),
});

const orvalEntry = pathToFileURL(
  createRequire(join(root, "packages", "codegen", "package.json")).resolve("orval"),
).href;
const bareOrval = `
  import { readFileSync } from "node:fs";
  const { generate } = await import(${JSON.stringify(orvalEntry)});
  const document = JSON.parse(readFileSync(${JSON.stringify(join(tmp, "spec", "openapi.json"))}, "utf8"));
  await generate({ input: { target: document }, output: {
      target: ${JSON.stringify(join(tmp, "orval", "endpoints.ts"))}, schemas: ${JSON.stringify(join(tmp, "orval", "model"))},
      client: "react-query", mode: "tags", clean: true, prettier: false,
      override: { query: { version: 5, useSuspenseQuery: true, useInfinite: true, useInfiniteQueryParam: "starting_after", signal: true } } } },
    ${JSON.stringify(tmp)}, { logLevel: "error", throwOnError: true });
`;

const contenders: Record<string, string[]> = {
  "generate react-query (ours)": [
    join(root, "packages", "codegen", "src", "cli.ts"),
    "generate",
    "react-query",
  ],
  "bare orval 8 (react-query)": ["--input-type=module", "-e", bareOrval],
};

try {
  const names = Object.keys(contenders);
  const samples = new Map(names.map((name) => [name, [] as Timed[]]));
  const measure = (name: string) =>
    timeNode(contenders[name] as string[], { env: { INSTANTLY_KIT_ROOT: tmp } });
  for (let round = 0; round < rounds; round++) {
    for (const name of alternate(names, round)) samples.get(name)?.push(await measure(name));
  }
  const results = Object.fromEntries(names.map((name) => [name, medianAndPeak(samples.get(name) ?? [])]));
  const [ours, bare] = names.map((name) => results[name] as { medianMs: number; peakRssMb: number });
  const ratio = (ours?.medianMs ?? 0) / (bare?.medianMs ?? 1);
  console.log(`react-query generate, ${rounds} rounds, newest spec (median wall, peak RSS):`);
  for (const name of names)
    console.log(`  ${name.padEnd(30)} ${results[name]?.medianMs} ms  ${results[name]?.peakRssMb} MB`);
  console.log(`  ours / bare orval: ${ratio.toFixed(2)}×`);
  writeResults("react-query-generate", { rounds, results, ratio: Number(ratio.toFixed(3)) });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
