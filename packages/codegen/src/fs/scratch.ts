// Scratch folders of a target (orval's raw output, Biome's config): made with `scratchDir(prefix)`, removed by the
// target's own `finally`. A signal or a failed target stops the others mid-way (src/fs/interrupt.ts) before that
// `finally` runs — a worker thread is terminated, a target in the main thread abandoned as the CLI exits — so
// `generate` puts every scratch folder of its run inside one folder of its own (`makeRunRoot`, then
// `useScratchRoot` in each thread that runs targets) and removes that folder on every way out. Outside a run (tests
// calling a target directly) they go to the system temp folder.
//
// Only a kill (SIGKILL, a crash of the machine) skips that removal. The run's folder therefore carries its owner
// (src/fs/owner.ts) like every other scratch entry, and the next `generate` or `clean generated all` removes those
// of runs that are gone: a CI machine running the kill tests day after day does not collect them in /tmp.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CliError, quoteForMessage } from "../errors.ts";
import { isAbandoned, ownerTag } from "./owner.ts";

let root: string | undefined;

/** Scratch folders of this thread go inside `dir` from now on (undefined: the system temp folder again). */
export function useScratchRoot(dir: string | undefined): void {
  root = dir;
}

/** A new, empty scratch folder named `<prefix>XXXXXX`; the caller removes it. */
export function scratchDir(prefix: string): Promise<string> {
  return mkdtemp(join(root ?? tmpdir(), prefix));
}

const RUN_PREFIX = "instantly-kit-generate-";

/**
 * A run's own folder for every scratch folder of its targets, in `parent` (the system temp folder), named
 * `instantly-kit-generate-<owner>-XXXXXX`; the caller removes it. Those of runs that were killed go first.
 */
export async function makeRunRoot(parent = tmpdir()): Promise<string> {
  await removeAbandonedRunRoots(parent);
  try {
    return await mkdtemp(join(parent, `${RUN_PREFIX}${ownerTag()}-`));
  } catch (error) {
    // A TMPDIR that is missing, not a folder or not writable is the environment's bad input, not a bug: one line.
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(
      `generate cannot make its scratch folder in the temp folder ${quoteForMessage(parent, 200)} (${code}): set TMPDIR to a writable folder`,
    );
  }
}

/**
 * Removes the run folders of processes of this host that are gone. Best effort: the temp folder is shared, and an
 * entry another user owns (EACCES) or another cleaner removed first is not this run's failure.
 */
export async function removeAbandonedRunRoots(parent = tmpdir()): Promise<void> {
  const entries = await readdir(parent).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((entry) => isAbandoned(entry, RUN_PREFIX))
      .map((entry) => rm(join(parent, entry), { recursive: true, force: true }).catch(() => undefined)),
  );
}
