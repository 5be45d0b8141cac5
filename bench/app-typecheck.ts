// What an app pays to type-check the hooks, against the floor: `tsc --noEmit` of the same app code
//   floor — the six hooks (get, list, POST read, create, patch, infinite list) written by hand on
//           @tanstack/react-query with minimal hand-written types: what any app pays for TanStack + React;
//   six   — the same six hooks through @instantly-kit/react-query (+ client, types), the way the README
//           tells an app to import them (per-resource entry points);
//   one   — one hook (useGetCampaign) through @instantly-kit/react-query;
//   six-root / one-root — the same apps importing everything from the package root.
// Same app source in every project (only the import lines differ), same tsconfig, runs rotated so that each
// contender goes first equally often, median wall and CPU time, ratios against the floor of the same run.
// Goals (issue 11): six ≤ 1.25× floor, one ≤ 1.1× floor. CPU time is the steadier number on a shared
// machine; wall time is what the goal names. Run after `pnpm sync` (needs the packages' dist):
// `pnpm exec node bench/app-typecheck.ts [runs] [contender…]`; writes bench/results/app-typecheck.json.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, rotate, writeResults } from "./lib/measure.ts";
import { sixHookApp } from "./lib/six-hook-app.ts";
import { medianWallCpu, timeTypechecks, writeTypecheckProject } from "./lib/typecheck.ts";

const root = join(import.meta.dirname, "..");
const runs = Number(process.argv[2] ?? 7);
const fromHooks = createRequire(join(root, "packages", "react-query", "package.json"));
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

// The app: identical in every project below the import lines.
const sixHooks = sixHookApp();
const oneHookApp = `
export function useApp(id: string) {
  return useGetCampaign(id).data?.name;
}
`;

// The floor's hooks: what a careful app would write by hand on TanStack Query, with just enough types for the
// app above — the fields it reads and writes, nothing generated.
const floorHooks = `import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";

export interface Campaign { id: string; name: string; status?: number }
export interface Lead { id: string; email?: string; campaign?: string }
export interface LeadLabel { id: string; label: string; interest_status_label: "positive" | "negative" | "neutral" }
export interface Page<T> { items: T[]; next_starting_after?: string }

async function request<T>(method: string, path: string, query?: object, body?: unknown): Promise<T> {
  const search = new URLSearchParams(Object.entries(query ?? {}).map(([k, v]) => [k, String(v)]));
  const response = await fetch(\`https://api.instantly.ai\${path}?\${search}\`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(\`\${method} \${path}: \${response.status}\`);
  return (await response.json()) as T;
}

export const useGetCampaign = (id: string) =>
  useQuery({ queryKey: ["campaigns", id], queryFn: () => request<Campaign>("GET", \`/api/v2/campaigns/\${id}\`) });

export const useListCampaign = (params: { limit?: number; search?: string }) =>
  useQuery({ queryKey: ["campaigns", params], queryFn: () => request<Page<Campaign>>("GET", "/api/v2/campaigns", params) });

export const useListLeads = (body: { campaign?: string; limit?: number; search?: string }) =>
  useQuery({ queryKey: ["leads", body], queryFn: () => request<Page<Lead>>("POST", "/api/v2/leads/list", {}, body) });

export const useCreateLeadLabel = () =>
  useMutation({
    mutationFn: ({ data }: { data: Omit<LeadLabel, "id"> }) => request<LeadLabel>("POST", "/api/v2/lead-labels", {}, data),
  });

export const usePatchCampaign = () =>
  useMutation({
    mutationFn: ({ id, data }: { id: string; data: Partial<Omit<Campaign, "id">> }) =>
      request<Campaign>("PATCH", \`/api/v2/campaigns/\${id}\`, {}, data),
  });

export const useListCampaignInfinite = (params: { limit?: number; search?: string }) =>
  useInfiniteQuery({
    queryKey: ["campaigns", params, "infinite"],
    queryFn: ({ pageParam }) =>
      request<Page<Campaign>>("GET", "/api/v2/campaigns", pageParam ? { ...params, starting_after: pageParam } : params),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_starting_after,
  });
`;

const sixNames =
  "useCreateLeadLabel, useGetCampaign, useListCampaign, useListCampaignInfinite, usePatchCampaign";
const apps: Record<string, string> = {
  floor: `import { ${sixNames}, useListLeads } from "./hooks.js";\n${sixHooks}`,
  six: `import { useCreateLeadLabel } from "@instantly-kit/react-query/lead-label";
import { useGetCampaign, useListCampaign, useListCampaignInfinite, usePatchCampaign } from "@instantly-kit/react-query/campaign";
import { useListLeads } from "@instantly-kit/react-query/lead";
${sixHooks}`,
  one: `import { useGetCampaign } from "@instantly-kit/react-query/campaign";\n${oneHookApp}`,
  "six-root": `import { ${sixNames}, useListLeads } from "@instantly-kit/react-query";\n${sixHooks}`,
  "one-root": `import { useGetCampaign } from "@instantly-kit/react-query";\n${oneHookApp}`,
};
// `… app-typecheck.ts 7 floor six-root`: only the named contenders (the floor is always measured).
const only = process.argv.slice(3);
const names = Object.keys(apps).filter(
  (name) => only.length === 0 || name === "floor" || only.includes(name),
);

const dir = process.env.IK_BENCH_KEEP ?? mkdtempSync(join(tmpdir(), "ik-app-typecheck-"));
try {
  const fromTanstack = createRequire(fromHooks.resolve("@tanstack/react-query/package.json"));
  const external = ["@tanstack/react-query", "@tanstack/query-core", "react", "@types/react"].map(
    (pkg) => [pkg, pkg === "@tanstack/query-core" ? fromTanstack : fromHooks] as const,
  );
  for (const name of names) {
    writeTypecheckProject(join(dir, name), apps[name] as string, root, {
      scopes: ["@instantly-kit", "@tanstack", "@types"],
      ...(name === "floor"
        ? { extraFiles: { "hooks.ts": floorHooks } }
        : { instantlyKit: ["react-query", "client", "types"] }),
      external,
    });
  }

  const samples = timeTypechecks(dir, tsc, names, runs, rotate);
  const floor = { wallMs: median(samples.wall.floor ?? []), cpuMs: median(samples.cpu.floor ?? []) };
  const goals: Record<string, number> = { six: 1.25, one: 1.1, "six-root": 1.25, "one-root": 1.1 };
  const result: Record<string, unknown> = { runs };
  console.log(`app type-check against the floor — tsc --noEmit, ${runs} rotated runs each, median`);
  for (const name of names) {
    const { wallMs, cpuMs } = medianWallCpu(samples, name);
    const ratioWall = Number((wallMs / floor.wallMs).toFixed(3));
    const ratioCpu = Number((cpuMs / floor.cpuMs).toFixed(3));
    result[name] = { wallMs, cpuMs, ratioWall, ratioCpu, goal: goals[name] ?? null };
    const goal = goals[name] ? `   goal ≤ ${goals[name]}×` : "";
    console.log(
      `${name.padEnd(9)} wall ${String(wallMs).padStart(6)} ms  cpu ${String(cpuMs).padStart(6)} ms   ` +
        `${ratioWall.toFixed(3)}× floor (wall)  ${ratioCpu.toFixed(3)}× floor (cpu)${goal}`,
    );
  }
  writeResults("app-typecheck", result);
} finally {
  if (!process.env.IK_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}
