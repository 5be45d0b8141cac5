// @ts-check
/**
 * Whether the generator's bundle (dist/, built by ./build.ts) may run in place of the sources: only when it was
 * built from exactly the files now in src/, and dist/ still holds exactly the files that build wrote. The check
 * reads every source file (~120 files, ~0.9 MB) and every bundle file (~0.4 MB): a few milliseconds. So an edit, a
 * checkout, a half-finished build or a torn restore of dist/ (turbo's cache, a copy) can never run stale code; it
 * costs speed only.
 *
 * Plain JavaScript with only Node's modules, checked by tsc through JSDoc: bin/instantly-kit.mjs loads it before
 * anything else, and loading a first TypeScript file costs Node ~0.2 s of CPU (its type stripper starts).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * Written last into the bundle directory: `{ "source": <fingerprint of the src/ it was built from>, "files":
 * { <file name>: <sha256 of its content> } }` for every other file of the bundle.
 */
export const BUNDLE_MANIFEST = "bundle.json";
/** The bundled `src/cli.ts`. */
export const BUNDLE_ENTRY = "cli.mjs";

/**
 * The files under `dir`, as `/`-separated relative names in code-unit order.
 * @param {string} dir
 * @returns {string[]}
 */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * @param {string} path
 * @returns {string}
 */
function sha256Of(path) {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/**
 * A hash of every file under `srcDir`: the relative names and contents.
 * @param {string} srcDir
 * @returns {string}
 */
export function sourceFingerprint(srcDir) {
  const hash = createHash("sha256");
  for (const file of filesUnder(srcDir)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(srcDir, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/**
 * The manifest of a bundle directory built from sources of fingerprint `source`: that fingerprint and the hash
 * of each bundle file.
 * @param {string} bundleDir
 * @param {string} source
 * @returns {{ source: string, files: Record<string, string> }}
 */
export function bundleManifest(bundleDir, source) {
  /** @type {Record<string, string>} */
  const files = {};
  for (const file of filesUnder(bundleDir)) {
    if (file !== BUNDLE_MANIFEST) files[file] = sha256Of(join(bundleDir, file));
  }
  return { source, files };
}

/**
 * The bundle's entry file when `packageDir/dist` holds a complete bundle of exactly `packageDir/src`; else
 * undefined.
 * @param {string} packageDir
 * @returns {string | undefined}
 */
export function freshBundleEntry(packageDir) {
  const dist = join(packageDir, "dist");
  try {
    const manifest = JSON.parse(readFileSync(join(dist, BUNDLE_MANIFEST), "utf8"));
    if (manifest?.source !== sourceFingerprint(join(packageDir, "src"))) return undefined;
    const files = manifest.files;
    if (!files || typeof files !== "object" || typeof files[BUNDLE_ENTRY] !== "string") return undefined;
    for (const [file, hash] of Object.entries(files)) {
      if (file.split("/").includes("..") || sha256Of(join(dist, file)) !== hash) return undefined;
    }
    return join(dist, BUNDLE_ENTRY);
  } catch {
    return undefined; // never built, being replaced right now, or a listed file is gone
  }
}
