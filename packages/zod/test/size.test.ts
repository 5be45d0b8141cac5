// Tree-shaking budget (issue 12): an app importing one schema bundles that schema (and what it references), not
// the whole API. Bundled with esbuild --minify, gzip -9, zod external (a dependency: measured beside ours in
// bench/zod-bundle.ts). Every schema is marked pure by the generator; without that, every schema stays.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { expect, test } from "vitest";

/** Our code for one operation's schema and the component it references, gzip. */
const BUDGET_BYTES = 2 * 1024;

async function bundle(source: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "ik-zod-size-"));
  try {
    writeFileSync(join(dir, "app.ts"), source);
    const result = await build({
      entryPoints: [join(dir, "app.ts")],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      external: ["zod"],
      write: false,
    });
    return new TextDecoder().decode(result.outputFiles[0]?.contents ?? new Uint8Array());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const index = JSON.stringify(join(import.meta.dirname, "..", "src", "index.ts"));
const gzip = (text: string) => gzipSync(text, { level: 9 }).length;

test("one schema bundles that schema and what it references, within 2 KB gzip; the whole API is far larger", async () => {
  const one = await bundle(
    `import { getCampaignResponse } from ${index};\nconsole.log(getCampaignResponse.parse(globalThis.body));\n`,
  );
  const all = await bundle(`import * as schemas from ${index};\nconsole.log(Object.keys(schemas));\n`);
  // The campaign (a field only Campaign has) is in; a lead label's field and other operations are not.
  expect(one).toContain("campaign_schedule");
  expect(one).not.toContain("interest_status_label");
  expect(gzip(one)).toBeLessThanOrEqual(BUDGET_BYTES);
  expect(gzip(all)).toBeGreaterThan(20 * gzip(one));
});
