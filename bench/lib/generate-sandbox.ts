// A throwaway copy of the repo layout for the generate benchmarks: the real CLI (`generate <target>`, pointed at
// it through INSTANTLY_KIT_ROOT) and bare orval both write there, so that timing them never touches the repo's
// own generated code, and every contender reads the same normalized spec.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { timeNode, timeRounds } from "./measure.ts";

/**
 * Copies a package's `src` without its `generated` folder: the hand-written part the generators read (the
 * react-query target reads the mutator's signature from there) and that generated code imports.
 */
export function copyHandWritten(src: string, to: string): void {
  cpSync(src, to, { recursive: true, filter: (from) => !from.includes("generated") });
}

/**
 * Creates `<tmp>/ik-bench-<name>-…` with the pulled spec and its lock under `spec/`, an empty
 * `pnpm-workspace.yaml` (how the CLI recognizes a repo root) and the hand-written sources of `packageDirs`.
 * The caller removes it.
 */
export function generateSandbox(root: string, name: string, packageDirs: readonly string[]): string {
  const tmp = mkdtempSync(join(tmpdir(), `ik-bench-${name}-`));
  mkdirSync(join(tmp, "spec"));
  writeFileSync(join(tmp, "pnpm-workspace.yaml"), "packages: []\n");
  for (const file of ["openapi.json", "openapi.lock.json"])
    copyFileSync(join(root, "spec", file), join(tmp, "spec", file));
  for (const packageDir of packageDirs)
    copyHandWritten(join(root, "packages", packageDir, "src"), join(tmp, "packages", packageDir, "src"));
  return tmp;
}

/**
 * Times each contender (Node arguments: our CLI or a bare orval script) as a fresh child process with
 * INSTANTLY_KIT_ROOT at the sandbox, once per round in `order`; median wall and peak RSS per contender.
 */
export function timeInSandbox(
  sandbox: string,
  contenders: Record<string, string[]>,
  rounds: number,
  order: (names: readonly string[], round: number) => string[],
): ReturnType<typeof timeRounds> {
  return timeRounds(Object.keys(contenders), rounds, order, (name) =>
    timeNode(contenders[name] as string[], { env: { INSTANTLY_KIT_ROOT: sandbox } }),
  );
}
