// @ts-check
/**
 * Whether the generator's bundle (dist/, built by ./build.ts) may run in place of the sources: only when it was
 * built from exactly the files now in src/. The check reads every source file (~120 files, ~0.9 MB: a few
 * milliseconds), so an edit, a checkout or a half-finished build can never run stale code; it costs speed only.
 *
 * Plain JavaScript with only Node's modules, checked by tsc through JSDoc: bin/instantly-kit.mjs loads it before
 * anything else, and loading a first TypeScript file costs Node ~0.2 s of CPU (its type stripper starts).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Written last into the bundle directory: `{ "source": <fingerprint of the src/ it was built from> }`. */
export const BUNDLE_MANIFEST = "bundle.json";
/** The bundled `src/cli.ts`. */
export const BUNDLE_ENTRY = "cli.mjs";

/**
 * A hash of every file under `srcDir`: the `/`-separated relative names, in code-unit order, and contents.
 * @param {string} srcDir
 * @returns {string}
 */
export function sourceFingerprint(srcDir) {
  const files = readdirSync(srcDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(srcDir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(srcDir, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/**
 * The bundle's entry file when `packageDir/dist` holds a bundle of exactly `packageDir/src`; else undefined.
 * @param {string} packageDir
 * @returns {string | undefined}
 */
export function freshBundleEntry(packageDir) {
  /** @type {unknown} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(packageDir, "dist", BUNDLE_MANIFEST), "utf8"));
  } catch {
    return undefined; // never built, or being replaced right now
  }
  const source =
    manifest && typeof manifest === "object" && "source" in manifest ? manifest.source : undefined;
  if (source !== sourceFingerprint(join(packageDir, "src"))) return undefined;
  return join(packageDir, "dist", BUNDLE_ENTRY);
}
