// Scratch folders of a target (orval's raw output, Biome's config): made with `scratchDir(prefix)`, removed by the
// target's own `finally`. A signal or a failed target stops the others mid-way (src/fs/interrupt.ts) before that
// `finally` runs — a worker thread is terminated, a target in the main thread abandoned as the CLI exits — so
// `generate` puts every scratch folder of its run inside one folder of its own (`useScratchRoot`, in each thread
// that runs targets) and removes that folder on every way out. Outside a run (tests calling a target directly) they go to the system temp folder.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

let root: string | undefined;

/** Scratch folders of this thread go inside `dir` from now on (undefined: the system temp folder again). */
export function useScratchRoot(dir: string | undefined): void {
  root = dir;
}

/** A new, empty scratch folder named `<prefix>XXXXXX`; the caller removes it. */
export function scratchDir(prefix: string): Promise<string> {
  return mkdtemp(join(root ?? tmpdir(), prefix));
}
