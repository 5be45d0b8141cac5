#!/usr/bin/env node
// @ts-check
// What the repository's scripts run (`pnpm spec:pull`, each package's `generate`, …): the generator's commands
// (src/cli.ts) from the bundle in dist/ when that bundle was built from exactly the sources in src/ — the same
// code, without type-stripping ~120 modules at every start — and from source otherwise: no build yet, a source
// edited since, or INSTANTLY_KIT_FROM_SOURCE=1. Plain JavaScript so that the bundled path strips no types. ADR 0033.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { freshBundleEntry } from "../src/bundle/fresh.mjs";

const packageDir = join(import.meta.dirname, "..");
const bundle = process.env.INSTANTLY_KIT_FROM_SOURCE === "1" ? undefined : freshBundleEntry(packageDir);
const source = pathToFileURL(join(packageDir, "src", "cli.ts")).href;
if (bundle) {
  try {
    await import(pathToFileURL(bundle).href);
  } catch (error) {
    // A chunk gone between the check and the import (a rebuild swapping dist/ right now): nothing of the bundle
    // has run, as ES modules link before they evaluate. Any other error is the commands' own.
    if (
      !(error instanceof Error) ||
      /** @type {NodeJS.ErrnoException} */ (error).code !== "ERR_MODULE_NOT_FOUND"
    )
      throw error;
    await import(source);
  }
} else {
  await import(source);
}
