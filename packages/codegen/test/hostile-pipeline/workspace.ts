// A scratch copy of the repo layout for running the real pipeline (CLI pull → generate → build) on a spec
// that must never reach the real repo: spec/, .changeset/, and the five generated packages' sources and
// configs, without their generated code or dist. node_modules are copied as pnpm's relative symlinks, so the
// copied packages resolve each other inside the copy (client → the copy's types) and the rest from the store.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { projectPaths } from "../../src/paths.ts";
import { CLI } from "../helpers.ts";

export const PACKAGES = ["types", "zod", "client", "msw", "react-query"] as const;
export type PackageDir = (typeof PACKAGES)[number];

const SKIP = new Set(["dist", "generated", ".turbo", "test-results", "CHANGELOG.md"]);

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (never rejects on a non-zero exit); killed with its group after `timeoutMs`. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    // Generous: this runs on a loaded 2-core CI machine; the deadline only catches a hang.
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} timed out\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 240_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

export interface Workspace {
  root: string;
  packageDir(name: PackageDir): string;
  /** `node packages/codegen/bin/instantly-kit.mjs <args>` (the launcher: helpers.ts, CLI) against the copy. */
  cli(args: string[]): Promise<RunResult>;
  /** The package's `build` (tsc -p tsconfig.build.json: type-checks its src, emits dist). */
  build(name: PackageDir): Promise<RunResult>;
  writeFile(relativePath: string, text: string): string;
  remove(): void;
}

export function createWorkspace(prefix = "ik-hostile-"): Workspace {
  const repo = projectPaths().root;
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const file of ["package.json", "pnpm-workspace.yaml", "tsconfig.base.json"]) {
    cpSync(join(repo, file), join(root, file));
  }
  mkdirSync(join(root, "spec"));
  writeFileSync(join(root, "spec", "sources.json"), `${JSON.stringify({ sources: [] })}\n`);
  mkdirSync(join(root, ".changeset"));
  symlinkSync(join(repo, "node_modules"), join(root, "node_modules"));
  mkdirSync(join(root, "packages"));
  symlinkSync(join(repo, "packages", "codegen"), join(root, "packages", "codegen"));
  for (const name of PACKAGES) {
    cpSync(join(repo, "packages", name), join(root, "packages", name), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !SKIP.has(basename(source)),
    });
  }
  return workspaceAt(root);
}

/**
 * A copy of `source` in a temp folder of its own (links copied as links, so packages resolve as in `source`): its
 * pulled spec, lock and generated code without pulling and generating again. A lock records its source relative
 * to the root, so the copy holds what a pull in the copy writes, but for `pulledAt`.
 */
export function copyWorkspace(source: Workspace, prefix = "ik-hostile-"): Workspace {
  const root = mkdtempSync(join(tmpdir(), prefix));
  cpSync(source.root, root, { recursive: true, verbatimSymlinks: true });
  return workspaceAt(root);
}

function workspaceAt(root: string): Workspace {
  const repo = projectPaths().root;
  const env = { ...process.env, INSTANTLY_KIT_ROOT: root };
  const packageDir = (name: PackageDir) => join(root, "packages", name);
  return {
    root,
    packageDir,
    cli: (args) => run(process.execPath, [CLI, ...args], { cwd: root, env }),
    build: (name) =>
      run(
        process.execPath,
        [join(repo, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"],
        {
          cwd: packageDir(name),
          env,
        },
      ),
    writeFile(relativePath, text) {
      const file = join(root, relativePath);
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
