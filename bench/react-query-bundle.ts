// Bundle size of the hooks: an app that renders <InstantlyProvider> and uses one hook (useGetCampaign),
// bundled with esbuild --minify and gzip -9, "our code only" (react, @tanstack/react-query and
// @instantly-kit/client external) — for the 2025-06-18 spec (104 operations) and the newest (240).
// Tree-shaking works when the size does not grow with the number of operations; "every hook" (the whole
// package kept) is printed beside it for scale. Goal (issue 4): ≤ 10 KB gzip, independent of the spec.
// Run: `pnpm exec node bench/react-query-bundle.ts`; writes bench/results/react-query-bundle.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildModel } from "../packages/codegen/src/model/index.ts";
import { loadSpec } from "../packages/codegen/src/spec/load.ts";
import { generateHooks } from "../packages/codegen/src/targets/react-query/index.ts";
import { hookOperations } from "../packages/codegen/src/targets/react-query/operations.ts";
import { buildMinified, bundleSize, esbuildOf } from "./lib/bundle.ts";
import { specEras } from "./lib/generate-era.ts";
import { copyHandWritten } from "./lib/generate-sandbox.ts";
import { writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const esbuild = esbuildOf(join(root, "packages", "react-query"));

const apps = {
  "one hook": `import { InstantlyProvider, useGetCampaign } from "./react-query/src/index.js";
function Name({ id }: { id: string }) { return <p>{useGetCampaign(id).data?.name}</p>; }
export function App({ client }: { client: never }) { return <InstantlyProvider client={client}><Name id="c1" /></InstantlyProvider>; }
`,
  "every hook": `export * from "./react-query/src/index.js";\n`,
};

const dir = mkdtempSync(join(tmpdir(), "ik-rq-bundle-"));
const results: Record<
  string,
  Record<string, { minBytes: number; gzipBytes: number }> & { operations?: unknown }
> = {};
try {
  console.log(
    "react-query bundle — esbuild --minify, gzip -9, our code only (react, TanStack Query, client external)",
  );
  for (const [era, spec] of specEras(root)) {
    const eraDir = join(dir, era);
    const src = join(eraDir, "react-query", "src");
    copyHandWritten(join(root, "packages", "react-query", "src"), src);
    mkdirSync(join(src, "generated"), { recursive: true });
    // What the published package declares: lets the bundler drop every module the app does not use.
    writeFileSync(
      join(eraDir, "react-query", "package.json"),
      '{ "type": "module", "sideEffects": false }\n',
    );
    const { document } = await loadSpec(spec);
    // The react-query target generates from the spec model (one model feeds every target), not the document.
    const model = buildModel(document);
    await generateHooks(model, join(src, "generated"));
    const operations = hookOperations(model).length;
    results[era] = { operations } as never;
    const line: string[] = [];
    for (const [name, source] of Object.entries(apps)) {
      writeFileSync(join(eraDir, "app.tsx"), source);
      const outputFiles = await buildMinified(esbuild, {
        entryPoints: [join(eraDir, "app.tsx")],
        jsx: "automatic",
        external: [
          "react",
          "react/jsx-runtime",
          "@tanstack/react-query",
          "@instantly-kit/client",
          "@instantly-kit/types",
        ],
      });
      const bytes = outputFiles[0]?.contents ?? new Uint8Array();
      const size = bundleSize(bytes);
      (results[era] as Record<string, unknown>)[name] = size;
      line.push(`${name}: ${size.minBytes} B min, ${size.gzipBytes} B gzip`);
    }
    console.log(`${era.padEnd(11)} (${operations} operations)  ${line.join("   ")}`);
  }
  writeResults("react-query-bundle", results);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
