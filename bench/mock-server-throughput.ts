// Mock server throughput on a list endpoint with 50 keep-alive connections: `pnpm mock:serve` as it is (no
// checks) vs with API keys checked (`--api-key`, every request authorized against the operation's scopes).
// Each contender is the real CLI in its own process; they alternate round by round in one run, and the
// result is the ratio of requests per second. Goal (issue 10): auth (and, later, request validation) on stays
// within 1.3× of off. Run: `pnpm bench mock-server-throughput [rounds]` after `pnpm build`.
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { alternate, median, writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const serveJs = join(root, "packages", "msw", "dist", "bin", "serve.js");
const rounds = Number(process.argv[2] ?? 5);
const CONNECTIONS = 50;
const REQUESTS = 4000;
const KEY = "sk_bench_key";

const contenders = {
  "auth off": [] as string[],
  "auth on": ["--api-key", `${KEY}=campaigns:read,leads:read`],
};
type Name = keyof typeof contenders;

async function start(args: string[]): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [serveJs, "--port", "0", "--seed", "1", ...args], {
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
// Seed a page of campaigns in each (the same items: same seed).
for (const { url } of Object.values(servers)) {
  for (let i = 0; i < 20; i++) {
    await fetch(new URL("/api/v2/campaigns", url), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ name: `Campaign ${i}`, campaign_schedule: { schedules: [] } }),
    });
  }
}
const samples: Record<Name, number[]> = { "auth off": [], "auth on": [] };
try {
  for (let round = 0; round < rounds; round++) {
    for (const name of alternate(Object.keys(contenders) as Name[], round)) {
      samples[name].push(await measure(servers[name].url));
    }
  }
} finally {
  for (const server of Object.values(servers)) server.stop();
}
const off = median(samples["auth off"]);
const on = median(samples["auth on"]);
console.log(`GET /api/v2/campaigns, ${CONNECTIONS} connections, ${REQUESTS} requests × ${rounds} rounds`);
console.log(
  `auth off: ${off.toFixed(0)} req/s   auth on: ${on.toFixed(0)} req/s   off/on: ${(off / on).toFixed(2)}× (goal ≤ 1.3×)`,
);
writeResults("mock-server-throughput", {
  connections: CONNECTIONS,
  requests: REQUESTS,
  rounds,
  off,
  on,
  ratio: off / on,
});
