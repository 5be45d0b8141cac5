// Bundle size of @instantly-kit/zod (issue 12): apps importing one schema, one operation's schemas, the operation
// table, and every schema — esbuild --minify, gzip -9, with zod external ("ours") and bundled ("with zod"), for the
// generated package of the pinned spec (run after `pnpm sync`). Tree-shaking works when "one schema" is a small
// fraction of "every schema"; packages/zod/test/size.test.ts holds the budget (≤ 2 KB gzip of ours for one
// operation's response schema and the component it references).
// Run: `pnpm exec node bench/zod-bundle.ts`; writes bench/results/zod-bundle.json.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildOursAndWith, bundleSize, esbuildOf } from "./lib/bundle.ts";
import { writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const zodPackage = join(root, "packages", "zod");
const esbuild = esbuildOf(zodPackage);
const index = JSON.stringify(join(zodPackage, "src", "index.ts"));
const operations = JSON.stringify(join(zodPackage, "src", "operations.ts"));

const apps = {
  "zod alone (as the schemas import it)": `import * as zod from "zod";\nconsole.log(zod.object({ a: zod.string() }).parse(globalThis.body));\n`,
  "one schema (getCampaignResponse)": `import { getCampaignResponse } from ${index};\nconsole.log(getCampaignResponse.parse(globalThis.body));\n`,
  "one operation (createLeadLabel*)": `import { createLeadLabelBody, createLeadLabelResponse } from ${index};\nconsole.log(createLeadLabelBody, createLeadLabelResponse);\n`,
  "operation table": `import { operationSchemas } from ${operations};\nconsole.log(operationSchemas);\n`,
  "every schema": `import * as schemas from ${index};\nconsole.log(schemas);\n`,
};

const dir = mkdtempSync(join(tmpdir(), "ik-zod-bundle-"));
const results: Record<string, Record<string, { minBytes: number; gzipBytes: number }>> = {};
try {
  console.log("zod bundle — esbuild --minify, gzip -9 (ours: zod external; with zod: bundled)");
  for (const [name, source] of Object.entries(apps)) {
    writeFileSync(join(dir, "app.ts"), source);
    const sizes: Record<string, { minBytes: number; gzipBytes: number }> = {};
    const builds = await buildOursAndWith(esbuild, "zod", {
      entryPoints: [join(dir, "app.ts")],
      nodePaths: [join(zodPackage, "node_modules")],
    });
    for (const [label, outputFiles] of builds)
      sizes[label] = bundleSize(outputFiles[0]?.contents ?? new Uint8Array());
    results[name] = sizes;
    console.log(
      `  ${name.padEnd(34)} ours ${sizes.ours?.gzipBytes} B gzip (${sizes.ours?.minBytes} B min)   with zod ${sizes["with zod"]?.gzipBytes} B gzip`,
    );
  }
  writeResults("zod-bundle", results);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
