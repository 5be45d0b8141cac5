import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The workspace root: the nearest folder above this file (or `from`) holding pnpm-workspace.yaml. */
export function findRepoRoot(from: string = import.meta.dirname): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

/** Where everything the pipeline reads and writes lives; tests point it at a temporary copy. */
export interface ProjectPaths {
  root: string;
  specDir: string;
  /** The normalized spec (gitignored build input). */
  spec: string;
  /** The committed lock: source, sha256 and counts of the normalized spec. */
  lock: string;
  /** The committed, ordered list of sources `spec:pull` tries. */
  sources: string;
  changesetDir: string;
  packagesDir: string;
  /** Held by a running `spec:pull` (pid inside): two pulls never interleave. Gitignored. */
  pullLock: string;
  /** A pull's staged files and journal while it commits (src/fs/transaction.ts). Gitignored. */
  pullTransaction: string;
  /** Held by `generate` while it swaps its staged folders in: two generations never interleave. Gitignored. */
  generateLock: string;
}

export function projectPaths(root: string = process.env.INSTANTLY_KIT_ROOT ?? findRepoRoot()): ProjectPaths {
  const specDir = join(root, "spec");
  return {
    root,
    specDir,
    spec: join(specDir, "openapi.json"),
    lock: join(specDir, "openapi.lock.json"),
    sources: join(specDir, "sources.json"),
    changesetDir: join(root, ".changeset"),
    packagesDir: join(root, "packages"),
    pullLock: join(specDir, ".pull.lock"),
    pullTransaction: join(specDir, ".pull-transaction"),
    generateLock: join(specDir, ".generate.lock"),
  };
}
