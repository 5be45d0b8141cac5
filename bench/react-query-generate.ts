// Generate time of @instantly-kit/react-query: `generate react-query` (orval 8 + our post-processing, the real
// CLI) vs bare orval 8 (react-query client, same hook kinds: suspense + infinite on `starting_after`, models in
// a folder as orval users do) on the same normalized spec. Each run is a fresh child process against a
// temporary copy of the repo layout; contenders alternate round by round. Median wall time, peak RSS
// (/usr/bin/time). Run: `pnpm exec node bench/react-query-generate.ts [rounds]` after `pnpm spec:pull`;
// writes bench/results/react-query-generate.json.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { bareOrvalArgs, reactQueryOutput } from "./lib/bare-orval.ts";
import { generateSandbox, timeInSandbox } from "./lib/generate-sandbox.ts";
import { alternate, printMedianAndPeak, writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const rounds = Number(process.argv[2] ?? 5);

// Hand-written sources only: the generator reads the mutator's signature from there.
const tmp = generateSandbox(root, "rq-generate", ["react-query"]);

const contenders: Record<string, string[]> = {
  "generate react-query (ours)": [
    join(root, "packages", "codegen", "src", "cli.ts"),
    "generate",
    "react-query",
  ],
  "bare orval 8 (react-query)": bareOrvalArgs(root, {
    spec: join(tmp, "spec", "openapi.json"),
    output: reactQueryOutput(join(tmp, "orval")),
    workspace: tmp,
    logLevel: "error",
  }),
};

try {
  const results = await timeInSandbox(tmp, contenders, rounds, alternate);
  const [ours, bare] = Object.values(results);
  const ratio = (ours?.medianMs ?? 0) / (bare?.medianMs ?? 1);
  console.log(`react-query generate, ${rounds} rounds, newest spec (median wall, peak RSS):`);
  printMedianAndPeak(results, 30);
  console.log(`  ours / bare orval: ${ratio.toFixed(2)}×`);
  writeResults("react-query-generate", { rounds, results, ratio: Number(ratio.toFixed(3)) });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
