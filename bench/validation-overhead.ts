// Validation overhead (issue 12): time per response through createInstantlyClient with
// `validate: { response: "throw" }` (and "warn") vs validation off, against the same local node:http server,
// in the same process, alternating contenders round by round. Two list responses of the pinned spec:
// `listCampaign` with 1 campaign (small) and with 100 campaigns (large), each campaign the msw mock's
// default body (it validates against the schema, so every call runs the whole check and passes).
// Goal: "throw" ≤ 1.3× off for the list of 100 campaigns.
// Run: `pnpm bench validation-overhead [rounds] [requestsPerRound]` after `pnpm build`.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { median, writeResults } from "./lib/measure.ts";
import { roundRatio, serveJson, timeRequestRounds } from "./lib/request-rounds.ts";

const root = join(import.meta.dirname, "..");
const load = (pkg: string) => import(pathToFileURL(join(root, "packages", pkg, "dist", "index.js")).href);
const { createInstantlyClient } = await load("client");
const { getGetCampaignResponseMock } = await load("msw");

const rounds = Number(process.argv[2] ?? 60);
const perRound = Number(process.argv[3] ?? 20);

const campaign = getGetCampaignResponseMock() as Record<string, unknown>;
const listOf = (count: number) =>
  JSON.stringify({
    items: Array.from({ length: count }, (_, i) => ({
      ...campaign,
      id: `0190a0b0-0000-7000-8000-${String(i).padStart(12, "0")}`,
    })),
    next_starting_after: "0190a0b0-0000-7000-8000-999999999999",
  });
const bodies: Record<string, string> = { small: listOf(1), large: listOf(100) };

const server = await serveJson(
  (url) => bodies[new URL(url, "http://x").searchParams.get("search") ?? "small"] as string,
);
const { baseUrl } = server;

const clients = {
  off: createInstantlyClient({ apiKey: "bench-key", baseUrl }),
  throw: createInstantlyClient({ apiKey: "bench-key", baseUrl, validate: { response: "throw" } }),
  warn: createInstantlyClient({ apiKey: "bench-key", baseUrl, validate: { response: "warn" } }),
};
type Mode = keyof typeof clients;
const call = (mode: Mode, size: string) =>
  clients[mode].GET("/api/v2/campaigns", { params: { query: { search: size } } });

// Every body validates: a mismatch here would measure error formatting instead of the check.
for (const size of Object.keys(bodies)) {
  const { data } = await call("throw", size);
  if (!Array.isArray(data?.items)) throw new Error(`the ${size} body did not come back`);
}

const sizes = Object.keys(bodies);
const modes = Object.keys(clients) as Mode[];
const names = sizes.flatMap((size) => modes.map((mode) => `${size} ${mode}`));
// Warm up sockets, the schemas chunk and the JIT for everyone (100 calls each), then rounds in rotating order.
const { wall: samples, cpu: cpuSamples } = await timeRequestRounds(
  names,
  { rounds, perRound, warmup: 100 },
  (name) => {
    const [size, mode] = name.split(" ") as [string, Mode];
    return () => call(mode, size);
  },
);
server.close();

const ratio = (a: string, b: string, from = samples) => roundRatio(from, a, b);
console.log(
  `validation overhead — listCampaign, ${rounds} rounds × ${perRound} sequential GETs per contender, node ${process.version}`,
);
console.log(
  `bodies: small ${bodies.small?.length} bytes (1 campaign), large ${bodies.large?.length} bytes (100 campaigns)`,
);
const result: Record<string, unknown> = {};
for (const name of names) {
  const size = name.split(" ")[0] as string;
  const vsOff = ratio(name, `${size} off`);
  const cpuVsOff = ratio(name, `${size} off`, cpuSamples);
  console.log(
    `${name.padEnd(12)} median ${median(samples[name] ?? [])
      .toFixed(1)
      .padStart(8)} µs/response  ${vsOff.toFixed(3)}× off   | cpu ${median(cpuSamples[name] ?? [])
      .toFixed(1)
      .padStart(8)} µs  ${cpuVsOff.toFixed(3)}× off`,
  );
  result[name] = {
    medianMicros: median(samples[name] ?? []),
    vsOff,
    cpuMedianMicros: median(cpuSamples[name] ?? []),
    cpuVsOff,
  };
}
const large = ratio("large throw", "large off");
console.log(`goal: large throw ≤ 1.3× off — ${large <= 1.3 ? "met" : "NOT met"} (${large.toFixed(3)}×)`);
writeResults("validation-overhead", {
  rounds,
  perRound,
  node: process.version,
  goal: 1.3,
  met: large <= 1.3,
  ...result,
});
