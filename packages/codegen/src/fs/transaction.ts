// All-or-nothing replacement of several files in different folders (spec:pull writes the spec, the lock
// and a changeset). POSIX can rename one path atomically, not three, so this is a redo journal:
//
//   1. stage   every new file is written (and fsynced) into the transaction folder;
//   2. commit  a journal listing staged file → target is written aside, then renamed into place —
//              that single rename is the commit point;
//   3. apply   each staged file is renamed over its target, in the order given;
//   4. finish  the transaction folder is removed.
//
// A process killed before the commit point leaves only the transaction folder: `recoverTransaction`
// (run by the next pull, under the pull lock) deletes it — the old state stands. Killed after it, the
// journal is there: recovery renames the staged files that are still staged — the new state stands.
// Callers order the writes so that the state seen without recovery is never harmful (the lock last).
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { faultPoint } from "./fault.ts";

export interface FileWrite {
  /** Target path relative to the root, with `/` separators (it is stored in the journal). */
  target: string;
  data: string;
}

interface Journal {
  files: { staged: string; target: string }[];
}

const JOURNAL = "journal.json";

/** Writes every file or none (see the header); `txDir` must not exist (recoverTransaction first). */
export async function commitFiles(root: string, txDir: string, writes: FileWrite[]): Promise<void> {
  if (writes.length === 0) return;
  await mkdir(txDir, { recursive: true });
  const journal: Journal = { files: [] };
  for (const [i, write] of writes.entries()) {
    const staged = `${i}.staged`;
    await faultPoint(`stage ${write.target}`);
    await writeDurably(join(txDir, staged), write.data);
    journal.files.push({ staged, target: write.target });
  }
  await faultPoint("write journal");
  await writeDurably(join(txDir, `${JOURNAL}.tmp`), `${JSON.stringify(journal, null, 2)}\n`);
  await faultPoint("commit journal");
  await rename(join(txDir, `${JOURNAL}.tmp`), join(txDir, JOURNAL));
  await apply(root, txDir, journal, "replace");
}

export type Recovery = "nothing to do" | "rolled back" | "completed";

/**
 * Finishes or undoes what a killed `commitFiles` left: with a journal, completes it (new state);
 * without one, deletes the staged files (old state).
 */
export async function recoverTransaction(root: string, txDir: string): Promise<Recovery> {
  if (!(await exists(txDir))) return "nothing to do";
  const journal = await readFile(join(txDir, JOURNAL), "utf8").then(
    (text) => JSON.parse(text) as Journal,
    () => undefined,
  );
  if (!journal) {
    await faultPoint("roll back");
    await rm(txDir, { recursive: true, force: true });
    return "rolled back";
  }
  await apply(root, txDir, journal, "recover");
  return "completed";
}

/** Is a committed (journaled) transaction waiting to be completed? Readers refuse to run meanwhile. */
export function hasPendingJournal(txDir: string): Promise<boolean> {
  return exists(join(txDir, JOURNAL));
}

async function apply(root: string, txDir: string, journal: Journal, step: string): Promise<void> {
  for (const { staged, target } of journal.files) {
    const from = join(txDir, staged);
    // Already moved by the run that was killed: rename is atomic, so it is either here or there.
    if (!(await exists(from))) continue;
    const to = resolve(root, target);
    await mkdir(dirname(to), { recursive: true });
    await faultPoint(`${step} ${target}`);
    await rename(from, to);
  }
  await faultPoint(`${step === "replace" ? "finish" : "recover finish"}`);
  await rm(txDir, { recursive: true, force: true });
}

/** Written and fsynced: a journal must never point at bytes still only in the page cache. */
async function writeDurably(file: string, data: string): Promise<void> {
  const handle = await open(file, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
