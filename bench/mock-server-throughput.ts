// Mock server throughput on a list endpoint with 50 keep-alive connections: `pnpm mock:serve` without any checks
// (`--no-validation`, no keys) vs with request validation (the default) and API keys checked (`--api-key`, every
// request authorized against the operation's scopes). Each contender is the real CLI in its own process, started
// with the same 20 campaigns (`--data`); they alternate round by round in one run, and the result is the ratio of
// requests per second. Goal (issue 10): validation + auth on stays within 1.3× of off.
// Run: `pnpm bench mock-server-throughput [rounds]` after `pnpm build`.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { alternate, median, writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const serveJs = join(root, "packages", "msw", "dist", "bin", "serve.js");
const rounds = Number(process.argv[2] ?? 5);
const CONNECTIONS = 50;
const REQUESTS = 4000;
const KEY = "sk_bench_key";

const data = join(mkdtempSync(join(tmpdir(), "bench-mock-")), "data.json");
writeFileSync(data, JSON.stringify({ campaigns: 20 }));

const contenders = {
  "checks off": ["--no-validation"] as string[],
  "validation + auth on": ["--api-key", `${KEY}=campaigns:read,leads:read`],
};
type Name = keyof typeof contenders;

async function start(args: string[]): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [serveJs, "--port", "0", "--seed", "1", "--data", data, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const found = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (found) resolve(found);
    });
    child.once("exit", (code) => reject(new Error(`mock server exited with ${code}`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}

function get(agent: Agent, url: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${KEY}` } }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`status ${response.statusCode}`));
      response.resume();
      response.on("end", () => resolve());
    });
    req.on("error", reject);
    req.end();
  });
}

/** Requests per second for REQUESTS list requests over CONNECTIONS keep-alive connections. */
async function measure(base: string): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const url = new URL("/api/v2/campaigns?limit=10", base);
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      await get(agent, url);
    }
  };
  // Warm-up, then the timed run.
  await Promise.all(Array.from({ length: CONNECTIONS }, () => get(agent, url)));
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return REQUESTS / seconds;
}

const servers = Object.fromEntries(
  await Promise.all(
    Object.entries(contenders).map(async ([name, args]) => [name, await start(args)] as const),
  ),
) as Record<Name, { url: string; stop: () => void }>;
const samples: Record<Name, number[]> = { "checks off": [], "validation + auth on": [] };
try {
  for (let round = 0; round < rounds; round++) {
    for (const name of alternate(Object.keys(contenders) as Name[], round)) {
      samples[name].push(await measure(servers[name].url));
    }
  }
} finally {
  for (const server of Object.values(servers)) server.stop();
}
const off = median(samples["checks off"]);
const on = median(samples["validation + auth on"]);
console.log(`GET /api/v2/campaigns, ${CONNECTIONS} connections, ${REQUESTS} requests × ${rounds} rounds`);
console.log(
  `checks off: ${off.toFixed(0)} req/s   validation + auth on: ${on.toFixed(0)} req/s   off/on: ${(off / on).toFixed(2)}× (goal ≤ 1.3×)`,
);
writeResults("mock-server-throughput", {
  connections: CONNECTIONS,
  requests: REQUESTS,
  rounds,
  off,
  on,
  ratio: off / on,
});
