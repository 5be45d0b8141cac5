// Generate time of @instantly-kit/msw: its share of `generate` for all four packages, and orval's own MSW
// mock generation (`mock: { type: "msw", useExamples: true }`, fetch client) on the same normalized spec as a
// reference. Each run is a fresh child process (cold, as `pnpm generate` runs them), against a temporary
// copy of the repo layout; contenders alternate round by round. Reports median wall time (run it on a quiet
// machine: with other builds running the orval numbers swing by seconds).
// Run: `pnpm exec node bench/msw-generate.ts [rounds]` after `pnpm spec:pull`; writes bench/results/msw-generate.json.
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { bareOrvalArgs } from "./lib/bare-orval.ts";
import { generateSandbox, timeInSandbox } from "./lib/generate-sandbox.ts";
import { rotate, writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const rounds = Number(process.argv[2] ?? 3);
const targets = ["types", "client", "react-query", "msw"];

// Hand-written sources only (react-query's generator reads its mutator from there).
const tmp = generateSandbox(root, "msw-generate", targets);

// orval 8.38's mock option: a list of generators. Its MSW mocks come with a client, so the client alone is
// measured too: the difference is what orval's mock generation costs.
const orvalArgs = (mock: boolean) =>
  bareOrvalArgs(root, {
    spec: join(tmp, "spec", "openapi.json"),
    output: {
      target: join(tmp, "orval", "endpoints.ts"),
      client: "fetch",
      mode: "tags",
      clean: true,
      prettier: false,
      ...(mock ? { mock: { generators: [{ type: "msw", useExamples: true }] } } : {}),
    },
    workspace: tmp,
    logLevel: "silent",
  });

const commands: Record<string, string[]> = Object.fromEntries([
  ...targets.map((target) => [
    `generate ${target}`,
    [join(root, "packages", "codegen", "src", "cli.ts"), "generate", target],
  ]),
  ["orval fetch client", orvalArgs(false)],
  ["orval fetch client + msw mocks", orvalArgs(true)],
]);

const names = Object.keys(commands);
const timed = await timeInSandbox(tmp, commands, rounds, rotate);
const orvalFiles = readdirSync(join(tmp, "orval")).length;
rmSync(tmp, { recursive: true, force: true });

const medians = Object.fromEntries(names.map((name) => [name, timed[name]?.medianMs ?? 0]));
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
