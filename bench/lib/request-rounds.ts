// The in-process request benchmarks' shared machinery: a local node:http server that answers every request
// with a fixed JSON body (so only the client side differs between contenders), and many short rounds with
// every contender in each round, in an order shuffled per round: a burst of load from other processes hits all
// contenders of a round alike, and ratios are taken within a round. Shuffled, not rotated: a rotation keeps the
// cyclic order, so one contender always ran right after the same other one and always collected that one's
// garbage (validation-overhead's "throw" followed "off" in every round and measured above "warn", which does
// exactly the same work on a valid body).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { median } from "./measure.ts";

/** Serves `bodyFor(request URL)` as application/json on 127.0.0.1; resolves once it listens. */
export async function serveJson(
  bodyFor: (url: string) => string,
): Promise<{ baseUrl: string; close: () => void }> {
  const server = createServer((request, response) => {
    const body = bodyFor(request.url ?? "/");
    response.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

export interface RequestSamples {
  /** Per round, wall time per request in µs. */
  wall: Record<string, number[]>;
  /**
   * Per round, CPU time of this process per request in µs (client + server side of the same requests): less
   * sensitive than wall time to other processes competing for the cores.
   */
  cpu: Record<string, number[]>;
}

/**
 * Calls every contender `warmup` times (sockets, JIT, lazily loaded chunks), then runs `rounds` rounds of
 * `perRound` sequential calls per contender in a per-round shuffled order. `callOf(name)` is asked once per round, outside
 * the timed loop, for the function that makes one request.
 */
export async function timeRequestRounds(
  names: readonly string[],
  options: { rounds: number; perRound: number; warmup: number },
  callOf: (name: string) => () => Promise<unknown>,
): Promise<RequestSamples> {
  for (const name of names) {
    const call = callOf(name);
    for (let i = 0; i < options.warmup; i++) await call();
  }
  const wall: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const name of shuffled(names, round)) {
      const call = callOf(name);
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < options.perRound; i++) await call();
      wall[name]?.push(((performance.now() - started) * 1000) / options.perRound);
      const used = process.cpuUsage(cpuBefore);
      cpu[name]?.push((used.user + used.system) / options.perRound);
    }
  }
  return { wall, cpu };
}

/** `names` in an order fixed by `seed` (a Fisher–Yates shuffle driven by a small xorshift generator). */
export function shuffled<T>(names: readonly T[], seed: number): T[] {
  let state = (seed + 1) * 2654435761;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const out = [...names];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Median over the rounds of `a`'s sample divided by `b`'s sample of the same round. */
export function roundRatio(samples: Record<string, number[]>, a: string, b: string): number {
  return median((samples[a] ?? []).map((value, i) => value / (samples[b]?.[i] ?? value)));
}
