// Runs the real CLI (node packages/codegen/bin/instantly-kit.mjs, the launcher: helpers.ts, CLI) as a child
// process against a temporary copy of the repo layout (INSTANTLY_KIT_ROOT), so tests see exactly what a user sees.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI } from "./helpers.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(root: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: root, env: { ...process.env, INSTANTLY_KIT_ROOT: root, ...env }, timeout: 240_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const roots: string[] = [];

/** A temp root with spec/sources.json listing `sources` (removed by removeTempRoots). */
export async function tempRoot(sources: string[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "ik-pull-"));
  roots.push(root);
  await mkdir(join(root, "spec"), { recursive: true });
  await mkdir(join(root, ".changeset"), { recursive: true });
  await writeFile(join(root, "spec", "sources.json"), `${JSON.stringify({ sources }, null, 2)}\n`);
  return root;
}

/** sha256 of each file, "missing" for absent ones: compared before/after a failed command. */
export async function fingerprint(files: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of files) {
    out[file] = await readFile(file).then(
      (bytes) => createHash("sha256").update(bytes).digest("hex"),
      () => "missing",
    );
  }
  return out;
}

export async function removeTempRoots(): Promise<void> {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
}
