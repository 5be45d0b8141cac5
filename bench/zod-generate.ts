// Generate time of @instantly-kit/zod: `generate zod` (orval 8's zod client + our syntax-tree post-processing
// and operation table, the real CLI) vs bare orval 8's zod client (reusable component schemas, a schema per
// status, one file) on the same normalized spec, beside `generate react-query` for scale. Fresh child processes
// against a temporary copy of the repo layout; contenders alternate round by round. Median wall, peak RSS.
// Run: `pnpm exec node bench/zod-generate.ts [rounds]` after `pnpm spec:pull`; writes bench/results/zod-generate.json.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { alternate, medianAndPeak, type Timed, timeNode, writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const rounds = Number(process.argv[2] ?? 5);

const tmp = mkdtempSync(join(tmpdir(), "ik-bench-zod-generate-"));
mkdirSync(join(tmp, "spec"));
writeFileSync(join(tmp, "pnpm-workspace.yaml"), "packages: []\n");
for (const file of ["openapi.json", "openapi.lock.json"])
  copyFileSync(join(root, "spec", file), join(tmp, "spec", file));
for (const packageDir of ["react-query", "zod"])
  cpSync(join(root, "packages", packageDir, "src"), join(tmp, "packages", packageDir, "src"), {
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
      target: ${JSON.stringify(join(tmp, "orval", "schemas.ts"))}, client: "zod", mode: "single", clean: true, prettier: false,
      override: { zod: { version: 4, generateReusableSchemas: true, generateEachHttpStatus: true } } } },
    ${JSON.stringify(tmp)}, { logLevel: "error", throwOnError: true });
`;

const cli = join(root, "packages", "codegen", "src", "cli.ts");
const contenders: Record<string, string[]> = {
  "generate zod (ours)": [cli, "generate", "zod"],
  "bare orval 8 (zod)": ["--input-type=module", "-e", bareOrval],
  "generate react-query (ours)": [cli, "generate", "react-query"],
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
  console.log(`zod generate, ${rounds} rounds, newest spec (median wall, peak RSS):`);
  for (const name of names)
    console.log(`  ${name.padEnd(30)} ${results[name]?.medianMs} ms  ${results[name]?.peakRssMb} MB`);
  console.log(`  ours / bare orval zod: ${ratio.toFixed(2)}×`);
  writeResults("zod-generate", { rounds, results, ratio: Number(ratio.toFixed(3)) });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
