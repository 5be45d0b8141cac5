// Generate time of @instantly-kit/react-query: `generate react-query` (orval 8 + our post-processing, the real
// CLI) vs bare orval 8 (react-query client, same hook kinds: suspense + infinite on `starting_after`, models in
// a folder as orval users do) on the same normalized spec. Each run is a fresh child process against a
// temporary copy of the repo layout; contenders alternate round by round. Median wall time, peak RSS
// (/usr/bin/time). Run: `pnpm exec node bench/react-query-generate.ts [rounds]` after `pnpm spec:pull`;
// writes bench/results/react-query-generate.json.
import { spawn } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

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

/** Wall time and peak RSS of one child process, via GNU time. */
function measure(args: string[]): Promise<{ ms: number; rssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("/usr/bin/time", ["-f", "IK_RSS_KB=%M", process.execPath, ...args], {
      env: { ...process.env, INSTANTLY_KIT_ROOT: tmp },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("exit", (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`failed (${code}): ${stderr.slice(0, 800)}`));
      const kb = Number(/IK_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? Number.NaN);
      resolve({ ms, rssMb: kb / 1024 });
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

try {
  const names = Object.keys(contenders);
  const samples = Object.fromEntries(
    names.map((name) => [name, { ms: [] as number[], rssMb: [] as number[] }]),
  );
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...names].reverse() : names;
    for (const name of order) {
      const { ms, rssMb } = await measure(contenders[name] as string[]);
      samples[name]?.ms.push(ms);
      samples[name]?.rssMb.push(rssMb);
    }
  }
  const results = Object.fromEntries(
    names.map((name) => [
      name,
      {
        medianMs: Math.round(median(samples[name]?.ms ?? [])),
        peakRssMb: Math.round(Math.max(...(samples[name]?.rssMb ?? []))),
      },
    ]),
  );
  const [ours, bare] = names.map((name) => results[name] as { medianMs: number; peakRssMb: number });
  const ratio = (ours?.medianMs ?? 0) / (bare?.medianMs ?? 1);
  console.log(`react-query generate, ${rounds} rounds, newest spec (median wall, peak RSS):`);
  for (const name of names)
    console.log(`  ${name.padEnd(30)} ${results[name]?.medianMs} ms  ${results[name]?.peakRssMb} MB`);
  console.log(`  ours / bare orval: ${ratio.toFixed(2)}×`);
  mkdirSync(join(root, "bench", "results"), { recursive: true });
  writeFileSync(
    join(root, "bench", "results", "react-query-generate.json"),
    `${JSON.stringify({ rounds, results, ratio: Number(ratio.toFixed(3)) }, null, 2)}\n`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
