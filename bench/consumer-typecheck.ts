// Consumer type-check cost: `tsc --noEmit` wall time of a small app making ten typed calls
//   ours — through the built @instantly-kit/client + @instantly-kit/types packages;
//   bare — through openapi-typescript's default output (schema.d.ts) + openapi-fetch, the baseline;
// both from the same normalized spec (spec/openapi.json), same tsconfig, runs alternating, median.
// Goal (issue 3): ours ≤ 1.0× bare. Run after `pnpm sync` (needs the packages' dist):
// `pnpm exec node bench/consumer-typecheck.ts [runs]`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { alternate, median, writeResults } from "./lib/measure.ts";
import { timeTypechecks, writeTypecheckProject } from "./lib/typecheck.ts";

const root = join(import.meta.dirname, "..");
const runs = Number(process.argv[2] ?? 7);
const fromCodegen = createRequire(join(root, "packages", "codegen", "package.json"));
const fromClient = createRequire(join(root, "packages", "client", "package.json"));
const openapiTSDir = dirname(fromCodegen.resolve("openapi-typescript/package.json"));
const openapiTS = await import(pathToFileURL(join(openapiTSDir, "dist", "index.mjs")).href);
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

const calls = `
export async function app() {
  const campaigns = await client.GET("/api/v2/campaigns", { params: { query: { limit: 10 } } });
  const campaign = await client.GET("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } } });
  const label = await client.POST("/api/v2/lead-labels", { body: { label: "Hot", interest_status_label: "positive" } });
  const accounts = await client.GET("/api/v2/accounts", { params: { query: { limit: 5 } } });
  const leads = await client.POST("/api/v2/leads/list", { body: { campaign: "c1", limit: 50 } });
  const renamed = await client.PATCH("/api/v2/campaigns/{id}", { params: { path: { id: "c1" } }, body: { name: "New" } });
  const deleted = await client.DELETE("/api/v2/lead-labels/{id}", { params: { path: { id: "l1" } } });
  const emails = await client.GET("/api/v2/emails", { params: { query: { limit: 20 } } });
  const webhooks = await client.GET("/api/v2/webhooks");
  const job = await client.GET("/api/v2/background-jobs/{id}", { params: { path: { id: "j1" } } });
  return [
    campaigns.data?.items[0]?.name,
    campaign.data?.name,
    label.data?.label,
    accounts.data?.items[0]?.email,
    leads.data?.items[0]?.email,
    renamed.data?.id,
    deleted.data,
    emails.data?.items[0]?.subject,
    webhooks.data?.items[0]?.id,
    job.data?.status,
  ];
}
`;

const apps = {
  ours: `import { createInstantlyClient } from "@instantly-kit/client";\nconst client = createInstantlyClient({ apiKey: "k" });\n${calls}`,
  bare: `import createClient from "openapi-fetch";\nimport type { paths } from "./schema.js";\nconst client = createClient<paths>({ baseUrl: "https://api.instantly.ai" });\n${calls}`,
};

const dir = process.env.IK_BENCH_KEEP ?? mkdtempSync(join(tmpdir(), "ik-typecheck-"));
try {
  const spec = JSON.parse(readFileSync(join(root, "spec", "openapi.json"), "utf8"));
  const schema = openapiTS.astToString(await openapiTS.default(spec, { silent: true }));
  for (const [name, source] of Object.entries(apps)) {
    const project = join(dir, name);
    writeTypecheckProject(project, source, root, {
      scopes: ["@instantly-kit"],
      instantlyKit: ["client", "types"],
      external: [["openapi-fetch", fromClient]],
    });
    if (name === "bare") writeFileSync(join(project, "schema.d.ts"), schema);
  }

  // tsc through a wrapper that reports its CPU time: wall time is what the goal names, CPU time is the
  // steadier number on a machine shared with other work.
  const { wall: samples, cpu } = timeTypechecks(dir, tsc, ["ours", "bare"], runs, alternate);
  const ours = median(samples.ours ?? []);
  const bare = median(samples.bare ?? []);
  console.log(`consumer type-check — app with ten typed calls, tsc --noEmit, ${runs} runs each, median`);
  const oursCpu = median(cpu.ours ?? []);
  const bareCpu = median(cpu.bare ?? []);
  console.log(
    `bare openapi-typescript + openapi-fetch  wall ${bare.toFixed(0)} ms   cpu ${bareCpu.toFixed(0)} ms`,
  );
  console.log(
    `@instantly-kit/client + types            wall ${ours.toFixed(0)} ms   cpu ${oursCpu.toFixed(0)} ms   ` +
      `${(ours / bare).toFixed(3)}× bare (wall)   ${(oursCpu / bareCpu).toFixed(3)}× bare (cpu)`,
  );
  writeResults("consumer-typecheck", {
    runs,
    bare: { wallMs: bare, cpuMs: bareCpu },
    ours: { wallMs: ours, cpuMs: oursCpu },
    wallRatio: ours / bare,
    cpuRatio: oursCpu / bareCpu,
  });
} finally {
  if (!process.env.IK_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}
