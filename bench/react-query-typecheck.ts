// Consumer type-check cost of the hooks: `tsc --noEmit` of an app file using five hooks + one infinite hook
//   ours — through the built @instantly-kit/react-query (+ client, types) packages;
//   bare — through openapi-typescript's default output (schema.d.ts) + openapi-fetch + openapi-react-query;
// both from the same normalized spec (spec/openapi.json), same tsconfig, runs alternating, median wall and CPU.
// Goal (issue 4): ours ≤ 1.0× bare. Run after `pnpm sync` (needs the packages' dist):
// `pnpm exec node bench/react-query-typecheck.ts [runs]`; writes bench/results/react-query-typecheck.json.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { alternate, writeResults } from "./lib/measure.ts";
import { sixHookApp } from "./lib/six-hook-app.ts";
import { medianWallCpu, timeTypechecks, writeTypecheckProject } from "./lib/typecheck.ts";

const root = join(import.meta.dirname, "..");
const runs = Number(process.argv[2] ?? 7);
const fromHooks = createRequire(join(root, "packages", "react-query", "package.json"));
const openapiTSDir = dirname(fromHooks.resolve("openapi-typescript/package.json"));
const openapiTS = await import(pathToFileURL(join(openapiTSDir, "dist", "index.mjs")).href);
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

// The same six hooks in both apps: get, list, POST read, create, patch, infinite list.
const apps = {
  ours: `import { useCreateLeadLabel, useGetCampaign, useListCampaign, useListCampaignInfinite, useListLeads, usePatchCampaign } from "@instantly-kit/react-query";
${sixHookApp()}`,
  bare: `import createFetchClient from "openapi-fetch";
import createClient from "openapi-react-query";
import type { paths } from "./schema.js";

const $api = createClient(createFetchClient<paths>({ baseUrl: "https://api.instantly.ai" }));

export function useApp(id: string) {
  const campaign = $api.useQuery("get", "/api/v2/campaigns/{id}", { params: { path: { id } } }).data?.name;
  const campaigns = $api.useQuery("get", "/api/v2/campaigns", { params: { query: { limit: 10 } } }).data?.items?.length;
  const lead = $api.useQuery("post", "/api/v2/leads/list", { body: { campaign: id, limit: 25 } }).data?.items?.[0]?.email;
  const create = $api.useMutation("post", "/api/v2/lead-labels");
  const patch = $api.useMutation("patch", "/api/v2/campaigns/{id}");
  const all = $api
    .useInfiniteQuery("get", "/api/v2/campaigns", { params: { query: { limit: 10 } } }, {
      pageParamName: "starting_after",
      initialPageParam: undefined,
      getNextPageParam: (last) => last.next_starting_after,
    })
    .data?.pages.flatMap((page) => page.items ?? []).length;
  create.mutate({ body: { label: "Hot", interest_status_label: "positive" } });
  patch.mutate({ params: { path: { id } }, body: { name: "New" } });
  return [campaign, campaigns, lead, all, create.data?.label, patch.data?.id];
}
`,
};

const dir = process.env.IK_BENCH_KEEP ?? mkdtempSync(join(tmpdir(), "ik-rq-typecheck-"));
try {
  const spec = JSON.parse(readFileSync(join(root, "spec", "openapi.json"), "utf8"));
  const schema = openapiTS.astToString(await openapiTS.default(spec, { silent: true }));
  const external = ["@tanstack/react-query", "react", "@types/react", "openapi-fetch", "openapi-react-query"];
  for (const [name, source] of Object.entries(apps)) {
    const project = join(dir, name);
    writeTypecheckProject(project, source, root, {
      scopes: ["@instantly-kit", "@tanstack", "@types"],
      instantlyKit: ["react-query", "client", "types"],
      external: external.map((pkg) => [pkg, fromHooks] as const),
    });
    if (name === "bare") writeFileSync(join(project, "schema.d.ts"), schema);
  }

  // tsc through a wrapper that reports its CPU time on exit: the steadier number on a shared machine.
  const samples = timeTypechecks(dir, tsc, ["ours", "bare"], runs, alternate);
  const result = { runs, bare: medianWallCpu(samples, "bare"), ours: medianWallCpu(samples, "ours") };
  const ratioWall = result.ours.wallMs / result.bare.wallMs;
  const ratioCpu = result.ours.cpuMs / result.bare.cpuMs;
  console.log(
    `consumer type-check — app with five hooks + one infinite hook, tsc --noEmit, ${runs} runs each, median`,
  );
  console.log(
    `bare openapi-typescript + openapi-react-query  wall ${result.bare.wallMs} ms   cpu ${result.bare.cpuMs} ms`,
  );
  console.log(
    `@instantly-kit/react-query                     wall ${result.ours.wallMs} ms   cpu ${result.ours.cpuMs} ms   ${ratioWall.toFixed(3)}× bare (wall)   ${ratioCpu.toFixed(3)}× bare (cpu)`,
  );
  writeResults("react-query-typecheck", {
    ...result,
    ratioWall: Number(ratioWall.toFixed(3)),
    ratioCpu: Number(ratioCpu.toFixed(3)),
  });
} finally {
  if (!process.env.IK_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}
