// Size budget (issue 3): an app importing the client and calling one operation adds ≤ 8 KB gzip of our
// code up front (openapi-fetch excluded: it is a dependency, measured in bench/client-bundle.ts).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { expect, test } from "vitest";

const BUDGET_BYTES = 8 * 1024;

test("client code bundled for one call stays within 8 KB gzip", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ik-size-"));
  try {
    const entry = join(dir, "app.ts");
    const index = join(import.meta.dirname, "..", "src", "index.ts");
    writeFileSync(
      entry,
      `import { createInstantlyClient, unwrap } from ${JSON.stringify(index)};
const client = createInstantlyClient({ apiKey: "k" });
console.log(unwrap(await client.GET("/api/v2/campaigns", { params: { query: { limit: 10 } } })));\n`,
    );
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      external: ["openapi-fetch"],
      // As Vite/Rollup do: a dynamic import (the scope tables, loaded only by clients given `scopes`) is a
      // chunk of its own, not part of what every app loads up front.
      splitting: true,
      outdir: join(dir, "out"),
      entryNames: "[name]",
      write: false,
    });
    const entryFile = result.outputFiles.find((file) => file.path.endsWith(`${join("out", "app.js")}`));
    const bundle = entryFile?.contents ?? new Uint8Array();
    // The scope tables exist, as a separate chunk; so do the zod schemas of `validate` (ADR 0032): an app
    // that validates nothing loads neither.
    expect(result.outputFiles.length).toBeGreaterThan(1);
    const chunks = result.outputFiles.filter((file) => file !== entryFile).map((file) => file.text);
    expect(chunks.some((text) => text.includes("invalid_type"))).toBe(true);
    expect(new TextDecoder().decode(entryFile?.contents)).not.toContain("invalid_type");
    expect(bundle.length).toBeGreaterThan(500); // the client really is in there
    expect(new TextDecoder().decode(bundle)).toContain("Bearer");
    expect(gzipSync(bundle, { level: 9 }).length).toBeLessThanOrEqual(BUDGET_BYTES);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
