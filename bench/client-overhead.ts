// Client overhead: time per request through createInstantlyClient vs bare openapi-fetch vs plain fetch,
// against the same local node:http server, in the same process, alternating contenders round by round.
// Goal (issue 3): ours ≤ 1.03× bare openapi-fetch (≤ 1.15× plain fetch).
// Run: `pnpm exec node bench/client-overhead.ts [rounds] [requestsPerRound]` after `pnpm build`.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { median, writeResults } from "./lib/measure.ts";
import { roundRatio, serveJson, timeRequestRounds } from "./lib/request-rounds.ts";

const root = join(import.meta.dirname, "..");
const fromClient = createRequire(join(root, "packages", "client", "package.json"));
// The same ESM build of openapi-fetch our client imports (require.resolve would pick the CJS one).
const openapiFetchDir = dirname(fromClient.resolve("openapi-fetch/package.json"));
const { default: createClient } = await import(
  pathToFileURL(join(openapiFetchDir, "dist", "index.mjs")).href
);
const { createInstantlyClient } = await import(
  pathToFileURL(join(root, "packages", "client", "dist", "index.js")).href
);

const rounds = Number(process.argv[2] ?? 200);
const perRound = Number(process.argv[3] ?? 50);
const body = JSON.stringify({
  id: "c1",
  name: "Campaign",
  status: 1,
  sequences: [],
  email_list: ["a@example.com"],
});

const server = await serveJson(() => body);
const { baseUrl } = server;
const headers = { Authorization: "Bearer bench-key" };

const bare = createClient({ baseUrl, headers });
const ours = createInstantlyClient({ apiKey: "bench-key", baseUrl }); // defaults: retries on, 30 s timeout
const oursPlain = createInstantlyClient({ apiKey: "bench-key", baseUrl, timeoutMs: 0, retry: false });

const contenders: Record<string, () => Promise<unknown>> = {
  "plain fetch": async () => (await fetch(`${baseUrl}/api/v2/campaigns/c1`, { headers })).json(),
  "bare openapi-fetch": () => bare.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } }),
  createInstantlyClient: () => ours.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } }),
  "ours, retry+timeout off": () =>
    oursPlain.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } }),
};
const names = Object.keys(contenders);
// Warm up sockets and JIT for everyone (300 calls each), then rounds in rotating order.
const { wall: samples, cpu: cpuSamples } = await timeRequestRounds(
  names,
  { rounds, perRound, warmup: 300 },
  (name) => contenders[name] as () => Promise<unknown>,
);
server.close();

const ratio = (a: string, b: string, from = samples) => roundRatio(from, a, b);
console.log(
  `client overhead — ${rounds} rounds × ${perRound} sequential GETs per contender, node ${process.version}`,
);
for (const name of names) {
  console.log(
    `${name.padEnd(24)} median ${median(samples[name] ?? [])
      .toFixed(1)
      .padStart(6)} µs/request   ` +
      `${ratio(name, "plain fetch").toFixed(3)}× fetch   ${ratio(name, "bare openapi-fetch").toFixed(3)}× openapi-fetch   | cpu ` +
      `${median(cpuSamples[name] ?? []).toFixed(1)} µs  ${ratio(name, "plain fetch", cpuSamples).toFixed(3)}× fetch  ` +
      `${ratio(name, "bare openapi-fetch", cpuSamples).toFixed(3)}× openapi-fetch`,
  );
}
const result = Object.fromEntries(
  names.map((name) => [
    name,
    {
      medianMicros: median(samples[name] ?? []),
      vsFetch: ratio(name, "plain fetch"),
      vsOpenapiFetch: ratio(name, "bare openapi-fetch"),
      cpuMedianMicros: median(cpuSamples[name] ?? []),
      cpuVsFetch: ratio(name, "plain fetch", cpuSamples),
      cpuVsOpenapiFetch: ratio(name, "bare openapi-fetch", cpuSamples),
    },
  ]),
);
writeResults("client-overhead", { rounds, perRound, node: process.version, ...result });
