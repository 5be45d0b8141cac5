import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunResult, run } from "./process.ts";
import { repoRoot } from "./repo.ts";

/** Exact versions from the workspace catalog, so the consumer gets what the packages were tested with. */
export function catalogVersion(name: string): string {
  const yaml = readFileSync(join(repoRoot, "pnpm-workspace.yaml"), "utf8");
  const escaped = name.replace(/[/\\^$*+?.()|[\]{}@-]/g, "\\$&");
  const match = new RegExp(`^\\s+"?${escaped}"?:\\s*"?([^"\\s]+)"?\\s*$`, "m").exec(yaml);
  if (!match?.[1]) throw new Error(`${name} is not in the catalog`);
  return match[1];
}

/** A fresh npm project in the OS temp dir: nothing of the workspace (no node_modules, no .npmrc) above it. */
export function createConsumerProject(
  dependencies: Record<string, string>,
  files: Record<string, string> = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), "instantly-kit-consumer-"));
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module", dependencies }, null, 2),
  );
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

export function copyConsumerFixture(dir: string): void {
  cpSync(join(import.meta.dirname, "..", "fixtures", "consumer"), dir, { recursive: true });
}

/** npm install with the registry's npmrc (it maps @instantly-kit to the local registry). */
export function npmInstall(dir: string, npmrc: string): Promise<RunResult> {
  // A stalled registry request fails after 30 s and is retried, instead of npm's default 5-minute wait.
  const flags = [
    "--no-audit",
    "--no-fund",
    "--loglevel",
    "error",
    "--fetch-timeout",
    "30000",
    "--fetch-retries",
    "3",
  ];
  return run("npm", ["install", ...flags], {
    cwd: dir,
    env: { ...process.env, npm_config_userconfig: npmrc },
    timeoutMs: 150_000,
  });
}

/** The workspace's TypeScript (same version the packages build with) run on the consumer's tsconfig. */
export function typecheck(dir: string): Promise<RunResult> {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  return run(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { cwd: dir });
}
