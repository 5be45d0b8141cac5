// Generate time of @instantly-kit/zod: `generate zod` (orval 8's zod client + our syntax-tree post-processing
// and operation table, the real CLI) vs bare orval 8's zod client (reusable component schemas, a schema per
// status, one file) on the same normalized spec, beside `generate react-query` for scale. Fresh child processes
// against a temporary copy of the repo layout; contenders alternate round by round. Median wall, peak RSS.
// Run: `pnpm exec node bench/zod-generate.ts [rounds]` after `pnpm spec:pull`; writes bench/results/zod-generate.json.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { bareOrvalArgs } from "./lib/bare-orval.ts";
import { generateSandbox, timeInSandbox } from "./lib/generate-sandbox.ts";
import { alternate, printMedianAndPeak, writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const rounds = Number(process.argv[2] ?? 5);

const tmp = generateSandbox(root, "zod-generate", ["react-query", "zod"]);

const cli = join(root, "packages", "codegen", "src", "cli.ts");
const contenders: Record<string, string[]> = {
  "generate zod (ours)": [cli, "generate", "zod"],
  "bare orval 8 (zod)": bareOrvalArgs(root, {
    spec: join(tmp, "spec", "openapi.json"),
    output: {
      target: join(tmp, "orval", "schemas.ts"),
      client: "zod",
      mode: "single",
      clean: true,
      prettier: false,
      override: { zod: { version: 4, generateReusableSchemas: true, generateEachHttpStatus: true } },
    },
    workspace: tmp,
    logLevel: "error",
  }),
  "generate react-query (ours)": [cli, "generate", "react-query"],
};

try {
  const results = await timeInSandbox(tmp, contenders, rounds, alternate);
  const [ours, bare] = Object.values(results);
  const ratio = (ours?.medianMs ?? 0) / (bare?.medianMs ?? 1);
  console.log(`zod generate, ${rounds} rounds, newest spec (median wall, peak RSS):`);
  printMedianAndPeak(results, 30);
  console.log(`  ours / bare orval zod: ${ratio.toFixed(2)}×`);
  writeResults("zod-generate", { rounds, results, ratio: Number(ratio.toFixed(3)) });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
