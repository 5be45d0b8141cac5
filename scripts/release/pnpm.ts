import { type SpawnSyncOptions, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

let resolved: string[] | undefined;

/**
 * How to call pnpm from a script: the pinned pnpm (root package.json `packageManager`). Under `pnpm run`/`exec`
 * (started via `npx pnpm@…`) that pnpm is already on PATH, which saves npx's 2–3 s per call; otherwise npx
 * fetches it — there is no global pnpm here.
 */
export function pnpmCommand(root: string): string[] {
  if (resolved) return resolved;
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    packageManager?: string;
  };
  const pinned = manifest.packageManager ?? "pnpm@10";
  const onPath = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  resolved =
    onPath.status === 0 && `pnpm@${onPath.stdout.trim()}` === pinned ? ["pnpm"] : ["npx", "--yes", pinned];
  return resolved;
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
