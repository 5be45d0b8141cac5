// Bundle size: an app that imports the client and calls one operation, bundled and minified with
// esbuild, gzip-compressed — for the oldest (104 operations) and the newest (240 operations) spec.
// "ours" excludes openapi-fetch (external); "with openapi-fetch" is the whole app for reference.
// Goal (issue 3): ours ≤ 8 KB gzip and the same size whatever the number of operations.
// Run: `pnpm exec node bench/client-bundle.ts`.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildOursAndWith, bundleSize, esbuildOf } from "./lib/bundle.ts";
import { generateEra, specEras } from "./lib/generate-era.ts";
import { writeResults } from "./lib/measure.ts";

const root = join(import.meta.dirname, "..");
const esbuild = esbuildOf(join(root, "packages", "client"));

const app = `import { createInstantlyClient, unwrap } from "./client/src/index.js";
const client = createInstantlyClient({ apiKey: globalThis.INSTANTLY_API_KEY });
const page = unwrap(await client.GET("/api/v2/campaigns", { params: { query: { limit: 10 } } }));
console.log(page.items.length);
`;

const results: Record<string, unknown> = {};
const dir = mkdtempSync(join(tmpdir(), "ik-bundle-"));
try {
  symlinkSync(join(root, "packages", "client", "node_modules"), join(dir, "node_modules"));
  console.log(
    "client bundle — app importing the client and calling one operation, esbuild --minify, gzip -9",
  );
  for (const [name, spec] of specEras(root)) {
    const eraDir = join(dir, name);
    const { operations } = await generateEra(spec, eraDir);
    writeFileSync(join(eraDir, "app.ts"), app);
    const sizes: string[] = [];
    const era: Record<string, unknown> = { operations };
    const builds = await buildOursAndWith(esbuild, "openapi-fetch", {
      entryPoints: [join(eraDir, "app.ts")],
      // As Vite/Rollup do: a dynamic import (the scope tables, loaded only by clients given `scopes`) is a
      // chunk of its own. The entry chunk is what every app loads; the rest only on demand.
      splitting: true,
      outdir: join(eraDir, "out"),
      entryNames: "[name]",
      nodePaths: [join(dir, "node_modules")],
    });
    for (const [label, outputFiles] of builds) {
      const entry = outputFiles.find((file) => file.path.endsWith(join("out", "app.js")));
      const lazy = outputFiles.filter((file) => file !== entry && file.path.endsWith(".js"));
      const { minBytes, gzipBytes } = bundleSize(entry?.contents ?? new Uint8Array());
      const lazyGzipBytes = lazy.reduce((sum, file) => sum + bundleSize(file.contents).gzipBytes, 0);
      era[label] = { minBytes, gzipBytes, lazyGzipBytes };
      sizes.push(`${label}: ${minBytes} B min, ${gzipBytes} B gzip (+${lazyGzipBytes} B gzip on demand)`);
    }
    console.log(`${name.padEnd(11)} (${operations} operations)  ${sizes.join("   ")}`);
    results[name] = era;
  }
  writeResults("client-bundle", results);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
