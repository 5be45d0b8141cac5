import { type SpawnSyncOptions, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * How to call pnpm from a script: the pnpm that runs us (`pnpm release` sets npm_execpath) or, when the script
 * is started some other way, the exact pnpm the root package.json pins — there is no global pnpm here.
 */
export function pnpmCommand(root: string): string[] {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm\.c?js$/.test(execPath)) return [process.execPath, execPath];
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    packageManager?: string;
  };
  return ["npx", "--yes", manifest.packageManager ?? "pnpm@10"];
}

/** Run pnpm with the output streamed through; returns the exit code. */
export function runPnpm(root: string, args: string[], options: SpawnSyncOptions = {}): number {
  const [command = "pnpm", ...prefix] = pnpmCommand(root);
  const result = spawnSync(command, [...prefix, ...args], { cwd: root, stdio: "inherit", ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Run pnpm and capture stdout (stderr still streams, so failures stay visible). */
export function capturePnpm(
  root: string,
  args: string[],
  cwd: string = root,
): { status: number; stdout: string } {
  const [command = "pnpm", ...prefix] = pnpmCommand(root);
  const result = spawnSync(command, [...prefix, ...args], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.error) throw result.error;
  return { status: result.status ?? 1, stdout: result.stdout };
}
