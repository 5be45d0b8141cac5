// What a killed `spec:pull` can leave behind, and how the next one (holding the pull lock) deals with it:
// a transaction folder (finished or rolled back: src/fs/transaction.ts), temporary files next to the lock,
// and `.tmp-*` files of the atomic writes older versions of the pull made. All are gitignored.
import { readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { isLeftover } from "../fs/lock-file.ts";
import { recoverTransaction } from "../fs/transaction.ts";
import type { ProjectPaths } from "../paths.ts";

/** Completes or undoes an interrupted pull and removes its leftovers; returns what it did, for the user. */
export async function finishInterruptedPull(paths: ProjectPaths): Promise<string[]> {
  const notes: string[] = [];
  const recovery = await recoverTransaction(paths.root, paths.pullTransaction);
  if (recovery === "completed") {
    notes.push(
      "completed an interrupted spec:pull (it had committed: its spec, lock and changeset are now in place)",
    );
  } else if (recovery === "rolled back") {
    notes.push(
      "discarded the staged files of an interrupted spec:pull (it had not committed: nothing changed)",
    );
  }
  let removed = 0;
  const lockName = basename(paths.pullLock);
  for (const dir of [dirname(paths.pullLock), paths.changesetDir]) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (name.startsWith(".tmp-") || isLeftover(lockName, name)) {
        await rm(join(dir, name), { recursive: true, force: true });
        removed++;
      }
    }
  }
  if (removed > 0)
    notes.push(`removed ${removed} temporary file${removed === 1 ? "" : "s"} left by an interrupted run`);
  return notes;
}
