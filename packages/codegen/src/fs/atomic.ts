import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { faultPoint } from "./fault.ts";
import { isAbandoned, ownerTag } from "./owner.ts";

/** Write a file so that readers see either the old bytes or the new ones, never a half-written file. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.tmp-${basename(file)}-${randomBytes(6).toString("hex")}`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** A directory being rebuilt beside the one it will replace (see {@link stageDir}). */
export interface StagedDir {
  dir: string;
  /** The sibling temp dir to fill. */
  tmp: string;
  /** Where the current tree is moved aside while the new one is renamed in. */
  old: string;
  /** Names this directory in fault points (src/fs/fault.ts). */
  label: string;
  discard(): Promise<void>;
}

/**
 * Makes an empty sibling of `dir` to build its replacement in; {@link swapStagedDirs} puts it in place. The
 * siblings carry their owner (this host and pid, src/fs/owner.ts): those of a killed process (`.tmp-…`, and `.old-…` if it died mid-swap) are
 * removed here, those of a process still running are left to it.
 */
export async function stageDir(dir: string, label = basename(dir)): Promise<StagedDir> {
  await removeAbandoned(dir);
  const suffix = `${basename(dir)}-${ownerTag()}-${randomBytes(6).toString("hex")}`;
  const tmp = join(dirname(dir), `.tmp-${suffix}`);
  await mkdir(tmp, { recursive: true });
  return {
    dir,
    tmp,
    old: join(dirname(dir), `.old-${suffix}`),
    label,
    // Retried: after a signal, a target abandoned mid-way (src/fs/interrupt.ts) may still be writing into it.
    discard: () => rm(tmp, { recursive: true, force: true, maxRetries: 3 }),
  };
}

/**
 * Removes the staging siblings (`.tmp-<name>-<owner>-…`, `.old-<name>-<owner>-…`) of `dir` left by processes that
 * are gone (killed, interrupted); a running process's are its own, and so are another host's. `clean generated`
 * calls it too: after an interrupted run, the next `pnpm generate` may be a cache hit that never stages anything.
 */
export async function removeAbandoned(dir: string): Promise<void> {
  const name = basename(dir);
  const entries = await readdir(dirname(dir)).catch(() => [] as string[]);
  for (const entry of entries) {
    if (isAbandoned(entry, `.tmp-${name}-`) || isAbandoned(entry, `.old-${name}-`))
      await rm(join(dirname(dir), entry), { recursive: true, force: true });
  }
}

/**
 * Swaps filled staged dirs in, one rename pair each. Readers of one directory see the old tree or the new one,
 * never a mix (a kill between the pair leaves no directory: never a stale one); across several directories there
 * is no single commit point, so callers stage and fill every one before swapping any (a failure while filling
 * changes nothing). A kill between two swaps leaves some folders new and some old, as a kill between two
 * single-target runs did: the next run regenerates them all.
 */
export async function swapStagedDirs(staged: readonly StagedDir[]): Promise<void> {
  for (const { dir, tmp, old, label } of staged) {
    await faultPoint(`move aside ${label}`);
    let hadOld = true;
    await rename(dir, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
      hadOld = false;
    });
    await faultPoint(`move in ${label}`);
    await rename(tmp, dir);
    if (hadOld) await rm(old, { recursive: true, force: true });
  }
}
