#!/usr/bin/env node
// `tsc` with one incremental state per package (node_modules/.cache/tsc/typecheck.tsbuildinfo, in the package):
// the package's `typecheck` script and vitest's type tests (its `typecheck.checker`) both run
// `tsc --noEmit -p tsconfig.json` on the same program, and `turbo run test` runs them one after the other. Without
// a shared state the second run redid the whole check (generated code included: ~26 CPU s for react-query); with
// it, tsc re-checks only the files that changed since and re-reports the errors it stored, so nothing is skipped.
// vitest passes a --tsBuildInfoFile of its own, in its install folder: one file for every package of the
// workspace (each run overwrote the others'), replaced here by the package's.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";

const args = process.argv.slice(2);
const given = args.indexOf("--tsBuildInfoFile");
if (given >= 0) args.splice(given, 2);
const state = join(process.cwd(), "node_modules", ".cache", "tsc", "typecheck.tsbuildinfo");
if (!args.includes("--incremental")) args.push("--incremental");
args.push("--tsBuildInfoFile", state);

const tsc = createRequire(join(process.cwd(), "package.json")).resolve("typescript/bin/tsc");
const result = spawnSync(process.execPath, [tsc, ...args], { stdio: "inherit" });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
