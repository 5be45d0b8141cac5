// The bundle-size benchmarks' shared build: esbuild as an app's bundler would run it for production (ESM for
// browsers, minified, tree-shaken), in memory, and the sizes measured the same way for every contender.
import { createRequire } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { BuildOptions, OutputFile } from "esbuild";

/** The esbuild a package depends on (bench/ has no dependencies of its own). */
export function esbuildOf(packageDir: string): typeof import("esbuild") {
  return createRequire(join(packageDir, "package.json"))("esbuild") as typeof import("esbuild");
}

/**
 * Bundles `options.entryPoints` minified for browsers (ES2022 modules) without writing to disk: the settings
 * every bundle benchmark compares under, so that sizes from different benchmarks are comparable.
 */
export async function buildMinified(
  esbuild: typeof import("esbuild"),
  options: BuildOptions,
): Promise<OutputFile[]> {
  const result = await esbuild.build({
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    ...options,
    write: false,
  });
  return result.outputFiles;
}

/**
 * Builds the app twice: "ours" with `dependency` external (our code alone: what the goals budget) and
 * "with <dependency>" bundled (what an app ships, for scale).
 */
export async function buildOursAndWith(
  esbuild: typeof import("esbuild"),
  dependency: string,
  options: BuildOptions,
): Promise<Array<[label: string, outputFiles: OutputFile[]]>> {
  return [
    ["ours", await buildMinified(esbuild, { ...options, external: [dependency] })],
    [`with ${dependency}`, await buildMinified(esbuild, { ...options, external: [] })],
  ];
}

/** Minified size and gzip -9 size of a bundle. */
export function bundleSize(bytes: Uint8Array): { minBytes: number; gzipBytes: number } {
  return { minBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}
