// Generate time of @instantly-kit/msw: its share of `generate` for all four packages, and orval's own MSW
// mock generation (`mock: { type: "msw", useExamples: true }`, fetch client) on the same normalized spec as a
// reference. Each run is a fresh child process (cold, as `pnpm generate` runs them), against a temporary
// copy of the repo layout; contenders alternate round by round. Reports median wall time (run it on a quiet
// machine: with other builds running the orval numbers swing by seconds).
// Run: `pnpm exec node bench/msw-generate.ts [rounds]` after `pnpm spec:pull`; writes bench/results/msw-generate.json.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { median, rotate, timeNode, writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const rounds = Number(process.argv[2] ?? 3);
const targets = ["types", "client", "react-query", "msw"];

const tmp = mkdtempSync(join(tmpdir(), "ik-bench-msw-generate-"));
mkdirSync(join(tmp, "spec"));
writeFileSync(join(tmp, "pnpm-workspace.yaml"), "packages: []\n");
copyFileSync(join(root, "spec", "openapi.json"), join(tmp, "spec", "openapi.json"));
copyFileSync(join(root, "spec", "openapi.lock.json"), join(tmp, "spec", "openapi.lock.json"));
for (const target of targets) {
  // Hand-written sources only (react-query's generator reads its mutator from there).
  cpSync(join(root, "packages", target, "src"), join(tmp, "packages", target, "src"), {
    recursive: true,
    filter: (from) => !from.includes("generated"),
  });
}

const orvalEntry = pathToFileURL(
  createRequire(join(root, "packages", "codegen", "package.json")).resolve("orval"),
).href;
// orval 8.38's mock option: a list of generators. Its MSW mocks come with a client, so the client alone is
// measured too: the difference is what orval's mock generation costs.
const orvalScript = (mock: boolean) => `
  import { readFileSync } from "node:fs";
  const { generate } = await import(${JSON.stringify(orvalEntry)});
  const document = JSON.parse(readFileSync(${JSON.stringify(join(tmp, "spec", "openapi.json"))}, "utf8"));
  await generate({ input: { target: document }, output: { target: ${JSON.stringify(join(tmp, "orval", "endpoints.ts"))},
    client: "fetch", mode: "tags", clean: true, prettier: false,
    ${mock ? 'mock: { generators: [{ type: "msw", useExamples: true }] },' : ""} } },
    ${JSON.stringify(tmp)}, { logLevel: "silent", throwOnError: true });
`;

const commands: Record<string, string[]> = Object.fromEntries([
  ...targets.map((target) => [
    `generate ${target}`,
    [join(root, "packages", "codegen", "src", "cli.ts"), "generate", target],
  ]),
  ["orval fetch client", ["--input-type=module", "-e", orvalScript(false)]],
  ["orval fetch client + msw mocks", ["--input-type=module", "-e", orvalScript(true)]],
]);

const names = Object.keys(commands);
const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const name of rotate(names, round)) {
    const { ms } = await timeNode(commands[name] as string[], { env: { INSTANTLY_KIT_ROOT: tmp } });
    samples[name]?.push(ms);
  }
}
const orvalFiles = readdirSync(join(tmp, "orval")).length;
rmSync(tmp, { recursive: true, force: true });

const medians = Object.fromEntries(names.map((name) => [name, Math.round(median(samples[name] ?? []))]));
const total = targets.reduce((sum, target) => sum + (medians[`generate ${target}`] ?? 0), 0);
const result = {
  node: process.version,
  rounds,
  medianMs: medians,
  allFourTargetsMs: total,
  mswShare: Number(((medians["generate msw"] ?? 0) / total).toFixed(3)),
  orvalMockMs: (medians["orval fetch client + msw mocks"] ?? 0) - (medians["orval fetch client"] ?? 0),
  orvalFiles,
};
console.log(`generate time — ${rounds} rounds, cold child processes, node ${process.version}`);
for (const name of names) console.log(`${name.padEnd(30)} median ${String(medians[name]).padStart(6)} ms`);
console.log(`msw share of the four targets: ${(result.mswShare * 100).toFixed(1)}% of ${total} ms`);
console.log(`orval's msw mock generation alone (with client − client only): ${result.orvalMockMs} ms`);
writeResults("msw-generate", result);
