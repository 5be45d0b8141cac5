// Small helpers every benchmark shares: the median, a child-process timer (wall time + peak RSS through GNU
// time), the round orders that spread outside load over all contenders alike, the rounds loop over
// child-process contenders and its table, and the results writer. Type-check, bundle and request-rate
// helpers live beside it (typecheck.ts, bundle.ts, request-rounds.ts).
// Lives under bench/lib/ so that bench/run.ts does not run it as a benchmark.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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

export interface MedianAndPeak {
  medianMs: number;
  peakRssMb: number;
  /** Median CPU time (user + system, waited-for children included). */
  medianCpuMs: number;
}

/** Median wall time, the highest peak RSS and the median CPU time of a contender's samples, rounded. */
export function medianAndPeak(samples: readonly Timed[]): MedianAndPeak {
  return {
    medianMs: Math.round(median(samples.map((s) => s.ms))),
    peakRssMb: Math.round(Math.max(...samples.map((s) => s.rssMb))),
    medianCpuMs: Math.round(median(samples.map((s) => s.cpuMs))),
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

/**
 * Times every contender once per round, in `order(names, round)` (`alternate` or `rotate`), so that a burst of
 * outside load hits all contenders of a round alike; returns each contender's median wall and peak RSS.
 */
export async function timeRounds(
  names: readonly string[],
  rounds: number,
  order: (names: readonly string[], round: number) => string[],
  measure: (name: string) => Promise<Timed>,
): Promise<Record<string, MedianAndPeak>> {
  const samples = new Map(names.map((name) => [name, [] as Timed[]]));
  for (let round = 0; round < rounds; round++) {
    for (const name of order(names, round)) samples.get(name)?.push(await measure(name));
  }
  return Object.fromEntries(names.map((name) => [name, medianAndPeak(samples.get(name) ?? [])]));
}

/** Prints `timeRounds` results, one contender a line: name padded to `width`, median ms, peak MB, median CPU. */
export function printMedianAndPeak(results: Record<string, MedianAndPeak>, width: number): void {
  for (const [name, { medianMs, peakRssMb, medianCpuMs }] of Object.entries(results))
    console.log(`  ${name.padEnd(width)} ${medianMs} ms  ${peakRssMb} MB  ${medianCpuMs} ms CPU`);
}

/** Writes bench/results/<name>.json (pretty-printed, trailing newline). */
export function writeResults(name: string, data: unknown): void {
  const dir = join(import.meta.dirname, "..", "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
}
