// MSW matching: time to answer 1,000 requests through `getResponse` (what setupServer/setupWorker run for
// every intercepted request) with all of @instantly-kit/msw's handlers registered vs with only the one
// matching handler — and the same for stock `http.*` handlers (what orval emits) as a reference.
// Requests cycle through every operation of the spec. Contenders alternate round by round in one process.
// Goal (issue 4): all handlers ≤ 1.5× the one matching handler.
// Run: `pnpm exec node bench/msw-matching.ts [rounds]` after `pnpm build`; writes bench/results/msw-matching.json.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { median, rotate, writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const fromMsw = createRequire(join(root, "packages", "msw", "package.json"));
// The ESM build of msw that @instantly-kit/msw itself imports (one instance of its classes).
const mswDir = dirname(fromMsw.resolve("msw/package.json"));
const msw = await import(pathToFileURL(join(mswDir, "lib", "core", "index.mjs")).href);
const ours = await import(pathToFileURL(join(root, "packages", "msw", "dist", "index.js")).href);

type Handler = unknown;
interface Spec {
  operationId: string;
  method: string;
  path: string;
  requestBody: boolean;
  requiredBody: readonly string[];
}

const rounds = Number(process.argv[2] ?? 30);
const REQUESTS = 1000;
const base = "https://api.instantly.ai";
const specs = (ours.routeOrder as string[]).map((id) => ours.operationSpecs[id] as Spec);

// One request template per operation: path parameters filled, required body properties present.
const templates = specs.map((spec) => ({
  spec,
  url: base + spec.path.replace(/\{[^}]+\}/g, "p1"),
  body: spec.requestBody
    ? JSON.stringify(Object.fromEntries(spec.requiredBody.map((name) => [name, "x"])))
    : undefined,
}));
const requestAt = (index: number) => {
  const template = templates[index % templates.length] as (typeof templates)[number];
  return new Request(template.url, {
    method: template.spec.method,
    ...(template.body ? { body: template.body, headers: { "content-type": "application/json" } } : {}),
  });
};

const oursAll: Handler[] = ours.handlers;
const oursOne: Handler[][] = specs.map((spec) => [
  ours[`get${spec.operationId[0]?.toUpperCase()}${spec.operationId.slice(1)}MockHandler`](),
]);
// Stock MSW handlers on the same routes and bodies, registered in the same order.
const stock = specs.map((spec) =>
  msw.http[spec.method.toLowerCase()](base + spec.path.replace(/\{([^}]+)\}/g, ":$1"), () =>
    msw.HttpResponse.json(ours.defaultBodies[spec.operationId]()),
  ),
);
const stockOne: Handler[][] = stock.map((handler) => [handler]);

const contenders: Record<string, (index: number) => Handler[]> = {
  "ours: all handlers": () => oursAll,
  "ours: matching handler only": (index) => oursOne[index % oursOne.length] as Handler[],
  "stock http.*: all handlers": () => stock,
  "stock http.*: matching only": (index) => stockOne[index % stockOne.length] as Handler[],
};
const names = Object.keys(contenders);
const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));

async function answer(list: (index: number) => Handler[]): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < REQUESTS; index++) {
    const response = await msw.getResponse(list(index), requestAt(index));
    if (!response) throw new Error(`no answer for ${requestAt(index).method} ${requestAt(index).url}`);
    await response.arrayBuffer();
  }
  return performance.now() - started;
}

for (const name of names) await answer(contenders[name] as (index: number) => Handler[]); // warm-up
for (let round = 0; round < rounds; round++) {
  for (const name of rotate(names, round))
    samples[name]?.push(await answer(contenders[name] as (index: number) => Handler[]));
}

const ratio = (a: string, b: string) =>
  median((samples[a] ?? []).map((value, i) => value / (samples[b]?.[i] ?? value)));

const result = {
  node: process.version,
  operations: specs.length,
  requests: REQUESTS,
  rounds,
  medianMs: Object.fromEntries(names.map((name) => [name, Number(median(samples[name] ?? []).toFixed(1))])),
  ratios: {
    ours: Number(ratio("ours: all handlers", "ours: matching handler only").toFixed(3)),
    stock: Number(ratio("stock http.*: all handlers", "stock http.*: matching only").toFixed(3)),
    oursAllVsStockAll: Number(ratio("ours: all handlers", "stock http.*: all handlers").toFixed(3)),
  },
};
console.log(
  `msw matching — ${REQUESTS} requests over ${specs.length} operations, ${rounds} rounds, node ${process.version}`,
);
for (const name of names)
  console.log(`${name.padEnd(30)} median ${String(result.medianMs[name]).padStart(8)} ms / 1,000 requests`);
console.log(`ours:  all handlers / matching only = ${result.ratios.ours}× (goal ≤ 1.5×)`);
console.log(`stock: all handlers / matching only = ${result.ratios.stock}×`);
writeResults("msw-matching", result);
