// Consumer type-check cost of the hooks: `tsc --noEmit` of an app file using five hooks + one infinite hook
//   ours — through the built @instantly-kit/react-query (+ client, types) packages;
//   bare — through openapi-typescript's default output (schema.d.ts) + openapi-fetch + openapi-react-query;
// both from the same normalized spec (spec/openapi.json), same tsconfig, runs alternating, median wall and CPU.
// Goal (issue 4): ours ≤ 1.0× bare. Run after `pnpm sync` (needs the packages' dist):
// `pnpm exec node bench/react-query-typecheck.ts [runs]`; writes bench/results/react-query-typecheck.json.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { median, tscTimer, writeResults, writeTypecheckProject } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const runs = Number(process.argv[2] ?? 7);
const fromHooks = createRequire(join(root, "packages", "react-query", "package.json"));
const openapiTSDir = dirname(fromHooks.resolve("openapi-typescript/package.json"));
const openapiTS = await import(pathToFileURL(join(openapiTSDir, "dist", "index.mjs")).href);
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

// The same six hooks in both apps: get, list, POST read, create, patch, infinite list.
const apps = {
  ours: `import { useCreateLeadLabel, useGetCampaign, useListCampaign, useListCampaignInfinite, useListLeads, usePatchCampaign } from "@instantly-kit/react-query";

export function useApp(id: string) {
  const campaign = useGetCampaign(id).data?.name;
  const campaigns = useListCampaign({ limit: 10 }).data?.items?.length;
  const lead = useListLeads({ campaign: id, limit: 25 }).data?.items?.[0]?.email;
  const create = useCreateLeadLabel();
  const patch = usePatchCampaign();
  const all = useListCampaignInfinite({ limit: 10 }).data?.pages.flatMap((page) => page.items ?? []).length;
  create.mutate({ data: { label: "Hot", interest_status_label: "positive" } });
  patch.mutate({ id, data: { name: "New" } });
  return [campaign, campaigns, lead, all, create.data?.label, patch.data?.id];
}
`,
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
    writeTypecheckProject(project, source, root, ["@instantly-kit", "@tanstack", "@types"]);
    for (const pkg of ["react-query", "client", "types"]) {
      symlinkSync(join(root, "packages", pkg), join(project, "node_modules", "@instantly-kit", pkg));
    }
    for (const pkg of external)
      symlinkSync(dirname(fromHooks.resolve(`${pkg}/package.json`)), join(project, "node_modules", pkg));
    if (name === "bare") writeFileSync(join(project, "schema.d.ts"), schema);
  }

  // tsc through a wrapper that reports its CPU time on exit: the steadier number on a shared machine.
  const typecheck = tscTimer(dir, tsc);
  const cpu: Record<string, number[]> = { ours: [], bare: [] };
  const wall: Record<string, number[]> = { ours: [], bare: [] };
  const time = (name: string) => {
    const { ms, cpuMs } = typecheck(join(dir, name, "tsconfig.json"));
    wall[name]?.push(ms);
    cpu[name]?.push(cpuMs);
  };
  time("ours"); // warm the file cache; also fails loudly if an app does not type-check
  time("bare");
  for (const name of ["ours", "bare"]) {
    cpu[name] = [];
    wall[name] = [];
  }
  for (let run = 0; run < runs; run++)
    for (const name of run % 2 ? ["bare", "ours"] : ["ours", "bare"]) time(name);
  const result = {
    runs,
    bare: { wallMs: Math.round(median(wall.bare ?? [])), cpuMs: Math.round(median(cpu.bare ?? [])) },
    ours: { wallMs: Math.round(median(wall.ours ?? [])), cpuMs: Math.round(median(cpu.ours ?? [])) },
  };
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
