import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { CliError } from "../errors.ts";
import type { GenerateContext, Target } from "./target.ts";

const run = promisify(execFile);

/**
 * The repository's formatting (biome.json: 2 spaces, 110 columns, double quotes) for generated code. The repo's
 * own biome.json excludes generated files from `biome check` (they are checked by being regenerated), so the
 * generator hands Biome this configuration explicitly instead.
 */
const GENERATED_CODE_STYLE = {
  root: true,
  vcs: { enabled: false },
  files: { includes: ["**"], ignoreUnknown: true },
  formatter: { enabled: true, indentStyle: "space", indentWidth: 2, lineWidth: 110 },
  javascript: { formatter: { quoteStyle: "double" } },
  linter: { enabled: false },
  assist: { enabled: false },
};

/** Biome's CLI entry, from the workspace's devDependency (the generator runs inside the repo, never published). */
function biomeBin(): string {
  return createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");
}

/** Formats every file under `dir` in place with Biome's CLI (`biome format --write`). */
export async function formatGenerated(dir: string): Promise<void> {
  const configDir = await mkdtemp(join(tmpdir(), "ik-biome-"));
  try {
    await writeFile(join(configDir, "biome.json"), JSON.stringify(GENERATED_CODE_STYLE));
    await run(process.execPath, [biomeBin(), "format", "--write", `--config-path=${configDir}`, dir], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const detail = error instanceof Error && "stderr" in error ? String(error.stderr) : String(error);
    const line = detail.split("\n").find((text) => text.trim() !== "") ?? "unknown error";
    throw new CliError(`formatting generated code failed: ${line.trim()}`);
  } finally {
    await rm(configDir, { recursive: true, force: true });
  }
}

/** What `pnpm generate` does for one target: generate into `ctx.outDir`, then format it. */
export async function generateTarget(target: Target, ctx: GenerateContext): Promise<void> {
  await target.generate(ctx);
  await formatGenerated(ctx.outDir);
}
