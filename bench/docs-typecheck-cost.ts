// What the generated doc comments cost a consumer's type-check: `tsc --noEmit` of the six-hook app (the same as
// react-query-typecheck.ts) through the built packages as they are ("docs") and through a copy whose .d.ts files
// are reprinted without comments by the TypeScript printer ("stripped"); runs alternating, median wall and CPU.
// Run after `pnpm sync`: `pnpm exec node bench/docs-typecheck-cost.ts [runs]`; writes bench/results/docs-typecheck-cost.json.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import { median, tscTimer, writeResults, writeTypecheckProject } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const runs = Number(process.argv[2] ?? 7);
const fromHooks = createRequire(join(root, "packages", "react-query", "package.json"));
const fromClient = createRequire(join(root, "packages", "client", "package.json"));
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

const app = `import { useCreateLeadLabel, useGetCampaign, useListCampaign, useListCampaignInfinite, useListLeads, usePatchCampaign } from "@instantly-kit/react-query";
import { campaignStatusLabel } from "@instantly-kit/types";

export function useApp(id: string) {
  const campaign = useGetCampaign(id).data;
  const campaigns = useListCampaign({ limit: 10 }).data?.items?.length;
  const lead = useListLeads({ campaign: id, limit: 25 }).data?.items?.[0]?.email;
  const create = useCreateLeadLabel();
  const patch = usePatchCampaign();
  const all = useListCampaignInfinite({ limit: 10 }).data?.pages.flatMap((page) => page.items ?? []).length;
  create.mutate({ data: { label: "Hot", interest_status_label: "positive" } });
  patch.mutate({ id, data: { name: "New" } });
  return [campaign?.name, campaign ? campaignStatusLabel(campaign.status) : "", campaigns, lead, all, create.data?.label, patch.data?.id];
}
`;

const printer = ts.createPrinter({ removeComments: true });
function stripComments(dir: string): void {
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    if (!name.endsWith(".d.ts")) continue;
    const file = join(dir, name);
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
    writeFileSync(file, printer.printFile(source));
  }
}

const dir = mkdtempSync(join(tmpdir(), "ik-docs-typecheck-"));
try {
  const external = ["@tanstack/react-query", "react", "@types/react", "openapi-fetch"];
  for (const variant of ["docs", "stripped"]) {
    const project = join(dir, variant);
    writeTypecheckProject(project, app, root, ["@instantly-kit", "@tanstack", "@types"]);
    for (const pkg of ["react-query", "client", "types"]) {
      const target = join(project, "node_modules", "@instantly-kit", pkg);
      cpSync(join(root, "packages", pkg, "package.json"), join(target, "package.json"));
      cpSync(join(root, "packages", pkg, "dist"), join(target, "dist"), { recursive: true });
      if (variant === "stripped") stripComments(join(target, "dist"));
    }
    // The copied packages resolve each other and their dependencies from the project's node_modules.
    for (const pkg of external) {
      const from = pkg === "openapi-fetch" ? fromClient : fromHooks;
      symlinkSync(dirname(from.resolve(`${pkg}/package.json`)), join(project, "node_modules", pkg));
    }
  }
  const typecheck = tscTimer(dir, tsc);
  const cpu: Record<string, number[]> = { docs: [], stripped: [] };
  const wall: Record<string, number[]> = { docs: [], stripped: [] };
  const time = (name: string) => {
    const { ms, cpuMs } = typecheck(join(dir, name, "tsconfig.json"));
    wall[name]?.push(ms);
    cpu[name]?.push(cpuMs);
  };
  time("docs");
  time("stripped");
  for (const name of ["docs", "stripped"]) {
    cpu[name] = [];
    wall[name] = [];
  }
  for (let run = 0; run < runs; run++)
    for (const name of run % 2 ? ["stripped", "docs"] : ["docs", "stripped"]) time(name);
  const result = {
    runs,
    docs: { wallMs: Math.round(median(wall.docs ?? [])), cpuMs: Math.round(median(cpu.docs ?? [])) },
    stripped: {
      wallMs: Math.round(median(wall.stripped ?? [])),
      cpuMs: Math.round(median(cpu.stripped ?? [])),
    },
  };
  const ratioCpu = result.docs.cpuMs / result.stripped.cpuMs;
  console.log(`six-hook app, tsc --noEmit, ${runs} runs each, median`);
  console.log(
    `packages without comments  wall ${result.stripped.wallMs} ms   cpu ${result.stripped.cpuMs} ms`,
  );
  console.log(
    `packages as built (docs)   wall ${result.docs.wallMs} ms   cpu ${result.docs.cpuMs} ms   ${ratioCpu.toFixed(3)}× (cpu)`,
  );
  writeResults("docs-typecheck-cost", { ...result, ratioCpu: Number(ratioCpu.toFixed(3)) });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
