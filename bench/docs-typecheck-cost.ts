// What the generated doc comments cost a consumer's type-check: `tsc --noEmit` of the six-hook app (the same as
// react-query-typecheck.ts) through the built packages as they are ("docs") and through a copy whose .d.ts files
// are reprinted without comments by the TypeScript printer ("stripped"); runs alternating, median wall and CPU.
// Run after `pnpm sync`: `pnpm exec node bench/docs-typecheck-cost.ts [runs]`; writes bench/results/docs-typecheck-cost.json.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { alternate, writeResults } from "./lib/measure.ts";
import { sixHookApp } from "./lib/six-hook-app.ts";
import { medianWallCpu, timeTypechecks, writeTypecheckProject } from "./lib/typecheck.ts";

const root = join(import.meta.dirname, "..");
const runs = Number(process.argv[2] ?? 7);
const fromHooks = createRequire(join(root, "packages", "react-query", "package.json"));
const fromClient = createRequire(join(root, "packages", "client", "package.json"));
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

const app = `import { useCreateLeadLabel, useGetCampaign, useListCampaign, useListCampaignInfinite, useListLeads, usePatchCampaign } from "@instantly-kit/react-query";
import { campaignStatusLabel } from "@instantly-kit/types";
${sixHookApp(
  "useGetCampaign(id).data",
  'campaign?.name, campaign ? campaignStatusLabel(campaign.status) : ""',
)}`;

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
    // The copied packages below resolve each other and their dependencies from the project's node_modules.
    writeTypecheckProject(project, app, root, {
      scopes: ["@instantly-kit", "@tanstack", "@types"],
      external: external.map((pkg) => [pkg, pkg === "openapi-fetch" ? fromClient : fromHooks] as const),
    });
    for (const pkg of ["react-query", "client", "types"]) {
      const target = join(project, "node_modules", "@instantly-kit", pkg);
      cpSync(join(root, "packages", pkg, "package.json"), join(target, "package.json"));
      cpSync(join(root, "packages", pkg, "dist"), join(target, "dist"), { recursive: true });
      if (variant === "stripped") stripComments(join(target, "dist"));
    }
  }
  const samples = timeTypechecks(dir, tsc, ["docs", "stripped"], runs, alternate);
  const result = { runs, docs: medianWallCpu(samples, "docs"), stripped: medianWallCpu(samples, "stripped") };
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
