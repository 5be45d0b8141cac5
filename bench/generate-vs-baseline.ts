// Generation time of each package against a baseline commit of this repository, in the same run: issue 9's
// goal "generation time must not regress by more than 10 %" (baseline d9b083e, the last commit before the
// one-model work). Each side runs its own packages' `generate` scripts (the baseline: the generator from source;
// now: bin/instantly-kit.mjs and the generator's bundle, built first as turbo does before any `generate`), one
// fresh process per target, with the same Node binary, against
// temporary copies of the repo layout holding the same pinned spec (neither checkout's generated files are
// touched). CPU time (user + system, Biome and esbuild children included) is the number the goal names: it is
// the steadier one on a machine shared with other work; wall time is shown beside it. Sides alternate round by
// round.
//
// Run after `pnpm sync`:
//   pnpm bench generate-vs-baseline                      # baseline d9b083e, 3 rounds
//   node bench/generate-vs-baseline.ts [--baseline <commit>] [--baseline-dir <checkout>] [--rounds <n>]
// The baseline checkout is `--baseline-dir` when given (an installed checkout of that commit, e.g. one kept
// around), else a detached git worktree of the commit under the system temp folder, created and installed
// (`pnpm install --frozen-lockfile`) on first use and reused afterwards. Writes bench/results/generate-vs-baseline.json.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { alternate, median, type Timed, timeNode, writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const targets = ["types", "client", "react-query", "msw"] as const;
const GOAL = 1.1;

const { values: options } = parseArgs({
  options: {
    baseline: { type: "string", default: "d9b083e" },
    "baseline-dir": { type: "string" },
    rounds: { type: "string", default: "3" },
  },
});
const rounds = Math.max(1, Number(options.rounds));
const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
const baselineSha = git("rev-parse", "--verify", `${options.baseline}^{commit}`);

/** An installed checkout of the baseline commit: the one given, else a worktree made (once) for it. */
function baselineCheckout(): string {
  const given = options["baseline-dir"];
  if (given) {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: given, encoding: "utf8" }).trim();
    if (head !== baselineSha)
      throw new Error(`--baseline-dir ${given} is at ${head.slice(0, 12)}, not ${baselineSha.slice(0, 12)}`);
    if (!existsSync(join(given, "node_modules")))
      throw new Error(`--baseline-dir ${given} is not installed: run pnpm install there`);
    return given;
  }
  const dir = join(tmpdir(), `instantly-kit-baseline-${baselineSha.slice(0, 12)}`);
  if (!existsSync(join(dir, "node_modules"))) {
    if (!existsSync(dir)) {
      process.stdout.write(`creating a worktree of ${baselineSha.slice(0, 12)} at ${dir}\n`);
      git("worktree", "add", "--detach", dir, baselineSha);
    }
    process.stdout.write(`installing the baseline's dependencies (once)\n`);
    // The pnpm that runs this script (`pnpm bench`), else the version the repo pins, through npx.
    const pnpm = process.env.npm_execpath;
    const [command, args] = pnpm
      ? [process.execPath, [pnpm]]
      : ["npx", ["--yes", `pnpm@${git("show", `${baselineSha}:package.json`).match(/"pnpm@([^"]+)"/)?.[1]}`]];
    execFileSync(command, [...args, "install", "--frozen-lockfile"], { cwd: dir, stdio: "inherit" });
  }
  return dir;
}

/** A temporary repo layout: the pinned spec and each package's hand-written sources (react-query's mutator). */
function scratchRoot(checkout: string, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ik-bench-generate-${name}-`));
  mkdirSync(join(dir, "spec"));
  writeFileSync(join(dir, "pnpm-workspace.yaml"), "packages: []\n");
  for (const file of ["openapi.json", "openapi.lock.json"])
    copyFileSync(join(root, "spec", file), join(dir, "spec", file));
  for (const target of targets) {
    cpSync(join(checkout, "packages", target, "src"), join(dir, "packages", target, "src"), {
      recursive: true,
      filter: (from) => !from.includes("generated"),
    });
  }
  return dir;
}

/** What the package's `generate` script runs, `node <file> <args…>` relative to the package, as arguments of node. */
function generateCommand(checkout: string, target: string): string[] {
  const manifest = JSON.parse(readFileSync(join(checkout, "packages", target, "package.json"), "utf8"));
  const script = String(manifest.scripts?.generate ?? "");
  const [command, file, ...args] = script.split(" ");
  if (command !== "node" || !file)
    throw new Error(`${target}: a generate script this bench cannot run: ${script}`);
  return [join(checkout, "packages", target, file), ...args];
}

const baseline = baselineCheckout();
const bundleBuild = join(root, "packages", "codegen", "src", "bundle", "build.ts");
if (existsSync(bundleBuild)) execFileSync(process.execPath, [bundleBuild], { stdio: "inherit" });
const sides = {
  baseline: { checkout: baseline, scratch: scratchRoot(baseline, "baseline") },
  current: { checkout: root, scratch: scratchRoot(root, "current") },
};
type Side = keyof typeof sides;

try {
  const samples = new Map<string, Timed[]>();
  const key = (side: Side, target: string) => `${side} ${target}`;
  for (let round = 0; round < rounds; round++) {
    for (const side of alternate(Object.keys(sides) as Side[], round)) {
      const { checkout, scratch } = sides[side];
      for (const target of targets) {
        const timed = await timeNode(generateCommand(checkout, target), {
          env: { INSTANTLY_KIT_ROOT: scratch },
        });
        samples.set(key(side, target), [...(samples.get(key(side, target)) ?? []), timed]);
      }
    }
  }
  const summary = (side: Side, target: string) => {
    const runs = samples.get(key(side, target)) ?? [];
    return {
      cpuMs: Math.round(median(runs.map((run) => run.cpuMs))),
      wallMs: Math.round(median(runs.map((run) => run.ms))),
    };
  };
  // Per-round totals (all four packages, as `pnpm generate` runs them), then their median.
  const total = (side: Side, what: "cpuMs" | "ms") =>
    Math.round(
      median(
        Array.from({ length: rounds }, (_, round) =>
          targets.reduce((sum, target) => sum + (samples.get(key(side, target))?.[round]?.[what] ?? 0), 0),
        ),
      ),
    );
  const ratio = (a: number, b: number) => Number((a / b).toFixed(3));
  const rows = [
    ...targets.map((target) => ({
      target,
      baseline: summary("baseline", target),
      current: summary("current", target),
    })),
    {
      target: "all four",
      baseline: { cpuMs: total("baseline", "cpuMs"), wallMs: total("baseline", "ms") },
      current: { cpuMs: total("current", "cpuMs"), wallMs: total("current", "ms") },
    },
  ].map((row) => ({
    ...row,
    cpuRatio: ratio(row.current.cpuMs, row.baseline.cpuMs),
    wallRatio: ratio(row.current.wallMs, row.baseline.wallMs),
  }));
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`.padStart(8);
  console.log(
    `generate per package, current vs baseline ${baselineSha.slice(0, 12)}, ${rounds} round(s), medians (CPU = user + sys):`,
  );
  console.log(
    `  ${"target".padEnd(12)} ${"CPU base".padStart(8)} ${"CPU now".padStart(8)}  ratio   ${"wall base".padStart(9)} ${"wall now".padStart(8)}  ratio`,
  );
  for (const row of rows)
    console.log(
      `  ${row.target.padEnd(12)} ${s(row.baseline.cpuMs)} ${s(row.current.cpuMs)}  ${row.cpuRatio.toFixed(2)}×  ${s(row.baseline.wallMs).padStart(9)} ${s(row.current.wallMs)}  ${row.wallRatio.toFixed(2)}×`,
    );
  const all = rows.at(-1)?.cpuRatio ?? Number.NaN;
  console.log(
    `  all four, CPU: ${all.toFixed(2)}× the baseline (goal ≤ ${GOAL}×: ${all <= GOAL ? "met" : "NOT met"})`,
  );
  writeResults("generate-vs-baseline", { baseline: baselineSha, rounds, goal: GOAL, rows });
} finally {
  for (const { scratch } of Object.values(sides)) rmSync(scratch, { recursive: true, force: true });
}
