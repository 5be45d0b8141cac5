/**
 * Builds the generator's bundle: src/cli.ts and everything it imports, as ES modules in dist/ (lazily loaded
 * commands stay separate chunks; packages from node_modules stay imports). Run by this package's `build` script,
 * which turbo runs before any package's `generate` (turbo.json). Why a bundle at all: ADR 0033.
 *
 * Nothing half-built can run: the bundle is written to a staging directory beside dist/, its manifest (the
 * fingerprint of the sources it was built from, taken before and checked after, and the hash of every bundle file,
 * which also catches a torn restore of dist/ from turbo's cache) is written last, and the
 * directory is swapped in by rename. A killed build leaves the previous dist/ or none (the launcher then runs the
 * sources) and a staging directory that the next build removes.
 */
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { isAbandoned, ownerTag } from "../fs/owner.ts";
import { BUNDLE_MANIFEST, bundleManifest, sourceFingerprint } from "./fresh.mjs";

const packageDir = join(import.meta.dirname, "..", "..");
const srcDir = join(packageDir, "src");
const distDir = join(packageDir, "dist");

removeAbandonedStaging();
const source = sourceFingerprint(srcDir);
const staging = mkdtempSync(join(packageDir, `.dist-${ownerTag()}-`));
try {
  await build({
    entryPoints: {
      cli: join(srcDir, "cli.ts"),
      // Loaded by URL, beside the module that registers it (startup/typescript-require.ts): the bundle's root.
      "typescript-default": join(srcDir, "startup", "typescript-default.ts"),
    },
    outdir: staging,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunk-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node22",
    packages: "external",
    legalComments: "none",
    logLevel: "warning",
    banner: { js: "// Built from packages/codegen/src by src/bundle/build.ts: do not edit." },
  });
  if (sourceFingerprint(srcDir) !== source) {
    throw new Error("packages/codegen/src changed while it was being bundled: build again");
  }
  writeFileSync(
    join(staging, BUNDLE_MANIFEST),
    `${JSON.stringify(bundleManifest(staging, source), null, 2)}\n`,
  );
  swapIn(staging);
} finally {
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Moves the finished bundle to dist/. A directory cannot replace a non-empty one by rename, so the previous
 * bundle moves aside first; in that moment dist/ is absent and the launcher runs the sources. A concurrent build
 * may put its own bundle in between: then this one tries again (both are complete; the last one stays).
 */
function swapIn(finished: string): void {
  const previous = `${finished}-previous`;
  for (let attempt = 1; ; attempt++) {
    try {
      renameSync(distDir, previous);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    try {
      renameSync(finished, distDir);
      rmSync(previous, { recursive: true, force: true });
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== "ENOTEMPTY" && code !== "EEXIST") || attempt === 5) throw error;
      rmSync(previous, { recursive: true, force: true });
    }
  }
}

/** Staging directories of builds that were killed (their process is gone); a running build's stays. */
function removeAbandonedStaging(): void {
  for (const name of readdirSync(packageDir)) {
    if (isAbandoned(name, ".dist-")) rmSync(join(packageDir, name), { recursive: true, force: true });
  }
}
