// Small helpers every benchmark shares: the median, a child-process timer (wall time + peak RSS through GNU
// time), the round orders that spread outside load over all contenders alike, and the results writer.
// Lives under bench/lib/ so that bench/run.ts does not run it as a benchmark.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** Median of the values (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface Timed {
  ms: number;
  rssMb: number;
  /** CPU time (user + system) of the process and every child it waited for, from GNU time `%U`/`%S`. */
  cpuMs: number;
}

export interface TimeOptions {
  cwd?: string;
  /** Added to this process's environment. */
  env?: Record<string, string>;
}

/**
 * Runs one child process under GNU time: wall time measured here, peak RSS (of the largest process of the
 * tree) from `%M`, CPU time (user + system, children included) from `%U`/`%S`. The child's stdout is discarded so that large outputs cost no buffering. Rejects with
 * the command and the tail of its stderr when it exits non-zero.
 */
export function timeChild(command: readonly string[], options: TimeOptions = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("/usr/bin/time", ["-f", "IK_RSS_KB=%M IK_CPU_S=%U+%S", ...command], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      if (code !== 0)
        return reject(
          new Error(`${command.join(" ").slice(0, 200)} failed (${code}): ${stderr.slice(-800)}`),
        );
      const kb = Number(/IK_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? Number.NaN);
      const cpu = /IK_CPU_S=([\d.]+)\+([\d.]+)/.exec(stderr);
      const cpuMs = cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : Number.NaN;
      resolve({ ms, rssMb: kb / 1024, cpuMs });
    });
  });
}

/** `timeChild` for a Node script: the same Node binary that runs the benchmark. */
export function timeNode(args: readonly string[], options: TimeOptions = {}): Promise<Timed> {
  return timeChild([process.execPath, ...args], options);
}

/** Median wall time and the highest peak RSS of a contender's samples, rounded. */
export function medianAndPeak(samples: readonly Timed[]): { medianMs: number; peakRssMb: number } {
  return {
    medianMs: Math.round(median(samples.map((s) => s.ms))),
    peakRssMb: Math.round(Math.max(...samples.map((s) => s.rssMb))),
  };
}

/** Median, min and max wall time and median peak RSS of a contender's samples, rounded. */
export function summarize(name: string, samples: readonly Timed[]) {
  return {
    name,
    runs: samples.length,
    medianWallMs: Math.round(median(samples.map((s) => s.ms))),
    minWallMs: Math.round(Math.min(...samples.map((s) => s.ms))),
    maxWallMs: Math.round(Math.max(...samples.map((s) => s.ms))),
    medianMaxRssMb: Math.round(median(samples.map((s) => s.rssMb))),
  };
}

/** Round order for two or three contenders: forward on even rounds, reversed on odd ones. */
export function alternate<T>(names: readonly T[], round: number): T[] {
  return round % 2 ? [...names].reverse() : [...names];
}

/** Round order for many contenders: rotated by one each round, so each is first equally often. */
export function rotate<T>(names: readonly T[], round: number): T[] {
  return names.map((_, i) => names[(i + round) % names.length] as T);
}

/** Minified size and gzip -9 size of a bundle. */
export function bundleSize(bytes: Uint8Array): { minBytes: number; gzipBytes: number } {
  return { minBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/** Writes bench/results/<name>.json (pretty-printed, trailing newline). */
export function writeResults(name: string, data: unknown): void {
  const dir = join(import.meta.dirname, "..", "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
}

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

/**
 * A throwaway project with one `app.ts` for the consumer type-check benchmarks: ESM, the repo's strict
 * base tsconfig, no ambient @types. `scopes` are the node_modules scope folders the caller links into.
 */
export function writeTypecheckProject(
  project: string,
  source: string,
  repoRoot: string,
  scopes: readonly string[] = [],
): void {
  for (const scope of scopes) mkdirSync(join(project, "node_modules", scope), { recursive: true });
  writeFileSync(join(project, "package.json"), '{ "type": "module" }\n');
  writeFileSync(join(project, "app.ts"), source);
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      extends: join(repoRoot, "tsconfig.base.json"),
      compilerOptions: { noEmit: true, types: [] },
      files: ["app.ts"],
    }),
  );
}
