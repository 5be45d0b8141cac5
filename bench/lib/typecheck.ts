// The consumer type-check benchmarks' shared machinery: a throwaway project per contender (one app file, the
// repo's strict base tsconfig, dependencies linked into its node_modules), tsc timed through a wrapper that
// reports its own CPU time, and the runs loop. Every contender is checked once before timing (warms the file
// cache, and fails loudly when an app does not type-check), then once per run in the given order so that
// outside load hits every contender of a run alike.
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { median } from "./measure.ts";

/**
 * Writes `<dir>/tsc-cpu.cjs`, a wrapper that runs tsc and reports its own CPU time on exit, and returns a
 * function that type-checks one tsconfig through it: wall time is what the goals name, CPU time is the
 * steadier number on a machine shared with other work. Throws with tsc's output when it reports errors.
 */
export function tscTimer(dir: string, tsc: string): (tsconfig: string) => { ms: number; cpuMs: number } {
  const wrapper = join(dir, "tsc-cpu.cjs");
  writeFileSync(
    wrapper,
    `process.on("exit", () => { const u = process.cpuUsage(); process.stderr.write("cpu " + (u.user + u.system) / 1000 + "\\n"); });\nprocess.argv.splice(1, 1);\nrequire(${JSON.stringify(tsc)});\n`,
  );
  return (tsconfig) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [wrapper, wrapper, "-p", tsconfig], { encoding: "utf8" });
    const ms = performance.now() - started;
    if (result.status !== 0) throw new Error(`tsc failed for ${tsconfig}:\n${result.stdout}${result.stderr}`);
    return { ms, cpuMs: Number(/cpu ([\d.]+)/.exec(result.stderr)?.[1]) };
  };
}

export interface TypecheckProjectOptions {
  /** node_modules scope folders to create (for the links below, or for the caller's own). */
  scopes?: readonly string[];
  /** Files written beside app.ts (name → source) and checked with it. */
  extraFiles?: Record<string, string>;
  /** The repo's @instantly-kit packages (folder names under packages/) linked in, as installed: package.json + dist. */
  instantlyKit?: readonly string[];
  /** Third-party packages linked in, each resolved the way the package that depends on it resolves it. */
  external?: ReadonlyArray<readonly [pkg: string, from: NodeJS.Require]>;
}

/**
 * A throwaway project with one `app.ts` for the consumer type-check benchmarks: ESM, the repo's strict
 * base tsconfig, no ambient @types, its dependencies linked into its node_modules.
 */
export function writeTypecheckProject(
  project: string,
  source: string,
  repoRoot: string,
  options: TypecheckProjectOptions = {},
): void {
  const { scopes = [], extraFiles = {}, instantlyKit = [], external = [] } = options;
  for (const scope of scopes) mkdirSync(join(project, "node_modules", scope), { recursive: true });
  writeFileSync(join(project, "package.json"), '{ "type": "module" }\n');
  writeFileSync(join(project, "app.ts"), source);
  for (const [name, text] of Object.entries(extraFiles)) writeFileSync(join(project, name), text);
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      extends: join(repoRoot, "tsconfig.base.json"),
      compilerOptions: { noEmit: true, types: [] },
      files: ["app.ts", ...Object.keys(extraFiles)],
    }),
  );
  for (const pkg of instantlyKit)
    symlinkSync(join(repoRoot, "packages", pkg), join(project, "node_modules", "@instantly-kit", pkg));
  for (const [pkg, from] of external)
    symlinkSync(dirname(from.resolve(`${pkg}/package.json`)), join(project, "node_modules", pkg));
}

/**
 * Type-checks `<dir>/<name>/tsconfig.json` of every contender once untimed, then `runs` times in
 * `order(names, run)`; returns the wall and CPU samples (ms) of each contender.
 */
export function timeTypechecks(
  dir: string,
  tsc: string,
  names: readonly string[],
  runs: number,
  order: (names: readonly string[], run: number) => string[],
): { wall: Record<string, number[]>; cpu: Record<string, number[]> } {
  const typecheck = tscTimer(dir, tsc);
  for (const name of names) typecheck(join(dir, name, "tsconfig.json"));
  const wall: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const name of order(names, run)) {
      const { ms, cpuMs } = typecheck(join(dir, name, "tsconfig.json"));
      wall[name]?.push(ms);
      cpu[name]?.push(cpuMs);
    }
  }
  return { wall, cpu };
}

/** A contender's median wall and CPU time, rounded to the millisecond. */
export function medianWallCpu(
  samples: { wall: Record<string, number[]>; cpu: Record<string, number[]> },
  name: string,
): { wallMs: number; cpuMs: number } {
  return {
    wallMs: Math.round(median(samples.wall[name] ?? [])),
    cpuMs: Math.round(median(samples.cpu[name] ?? [])),
  };
}
