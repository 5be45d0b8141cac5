// A lock file so that two `spec:pull`s never interleave their writes. Created whole by link(2) (atomic,
// fails if it exists), it holds the owner's pid and host. A lock whose owner is gone (killed, crashed)
// is stale and taken over; a live owner makes the second process fail at once with a clear message.

import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { CliError } from "../errors.ts";
import { isAbandoned, isAlive, ownerTag } from "./owner.ts";

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export interface HeldLock {
  /** Set when a stale lock (owner dead) was taken over: who held it. */
  takenOverFrom?: LockOwner;
  release(): Promise<void>;
}

/**
 * Takes the lock at `file` or throws a CliError naming its owner. `what` names the guarded command
 * (`spec:pull`) and `shown` the file as the user should see it (relative to the repository).
 */
export async function acquireLockFile(file: string, what: string, shown: string): Promise<HeldLock> {
  await mkdir(dirname(file), { recursive: true });
  const me: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  let takenOverFrom: LockOwner | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await tryCreate(file, me)) {
      return {
        takenOverFrom,
        release: async () => {
          // Only our own lock is removed (never one a later process took over after judging us dead, nor one
          // another host took after ours was deleted: containers sharing a checkout often reuse the same pids).
          const owner = await readOwner(file);
          if (owner?.pid === me.pid && owner.host === me.host && owner.startedAt === me.startedAt)
            await rm(file, { force: true });
        },
      };
    }
    const owner = await readOwner(file);
    if (owner === undefined) continue; // released (or half-written by a process that died: see below)
    if (owner.host !== me.host) {
      throw new CliError(
        `${shown} says ${what} is running on host ${owner.host} (pid ${owner.pid}, since ${owner.startedAt}): wait for it, or delete ${shown} if it is not running`,
      );
    }
    if (isAlive(owner.pid)) {
      throw new CliError(
        `another ${what} is running (pid ${owner.pid}, since ${owner.startedAt}): wait for it to finish and retry (or delete ${shown} if that process is not a ${what})`,
      );
    }
    if (await removeStale(file, owner)) takenOverFrom = owner;
  }
  throw new CliError(`could not take ${shown}: other ${what} processes keep taking it; retry`);
}

/**
 * Takes the lock at `file`, waiting while a live process on this host holds it (a lock held for a moment, such as
 * the swap of `generate`'s staged folders: the second process waits its turn rather than failing). `onWait` is
 * told once who it waits for. A dead owner's lock is taken over; an owner on another host, or one that holds the
 * lock longer than `patienceMs`, is a CliError. An aborted `signal` (an interrupted command) ends the wait with its
 * reason; a lock taken just as it aborted is released first, so an aborted wait never leaves the lock held.
 */
export async function waitForLockFile(
  file: string,
  what: string,
  shown: string,
  options: { onWait?: (owner: LockOwner) => void; patienceMs?: number; signal?: AbortSignal } = {},
): Promise<HeldLock> {
  const patienceMs = options.patienceMs ?? 600_000;
  const since = Date.now();
  let waitingFor: number | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      const held = await acquireLockFile(file, what, shown);
      if (options.signal?.aborted) {
        await held.release();
        options.signal.throwIfAborted();
      }
      return held;
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      const owner = await readOwner(file);
      if (owner === undefined || (owner.host === hostname() && !isAlive(owner.pid))) continue; // gone: try again
      if (owner.host !== hostname()) throw error;
      if (Date.now() - since > patienceMs) {
        throw new CliError(
          `another ${what} (pid ${owner.pid}) has held ${shown} for over ${Math.round(patienceMs / 1000)} s: is it stuck? Delete ${shown} if that process is not a ${what}`,
        );
      }
      if (waitingFor !== owner.pid) options.onWait?.(owner);
      waitingFor = owner.pid;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Creates the lock with its content in one step: written aside, then hard-linked into place (EEXIST if taken). */
async function tryCreate(file: string, owner: LockOwner): Promise<boolean> {
  const tmp = `${file}.new-${ownerTag()}-${randomBytes(6).toString("hex")}`; // owner: see isLeftover
  await writeFile(tmp, `${JSON.stringify(owner)}\n`);
  try {
    await link(tmp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await rm(tmp, { force: true });
  }
}

/**
 * The owner written in the lock. A lock is created whole (see tryCreate), so one that does not parse was
 * edited by hand: it is reported as a dead owner (pid 0) and replaced.
 */
async function readOwner(file: string): Promise<LockOwner | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    if (Number.isInteger(owner.pid) && typeof owner.host === "string") return owner;
  } catch {}
  return { pid: 0, host: hostname(), startedAt: "an unknown time" };
}

/**
 * Removes a stale lock without racing another process doing the same: the lock is renamed away
 * (atomic: only one process wins), then checked to still be the stale one we judged; if a live
 * process's fresh lock was moved by mistake, it is put back.
 */
async function removeStale(file: string, stale: LockOwner): Promise<boolean> {
  // Named after its owner like `.new-` (src/fs/owner.ts): between the rename and the check below, this may be a
  // live process's fresh lock, which a pull cleaning up leftovers must not remove.
  const aside = `${file}.stale-${ownerTag()}-${randomBytes(6).toString("hex")}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  const moved = await readOwner(aside);
  if (moved && (moved.pid !== stale.pid || moved.startedAt !== stale.startedAt)) {
    await link(aside, file).catch(() => {});
    await rm(aside, { force: true });
    return false;
  }
  await rm(aside, { force: true });
  return true;
}

/**
 * Is `name` (a file next to the lock) a temporary file a killed process left behind? The `.new-<owner>-…` and
 * `.stale-<owner>-…` files of live processes are not: the first is about to become the lock, the second may be a
 * live process's lock moved aside for a moment (see `removeStale`). A `.stale-` name without an owner (12 hex
 * digits: written by an older version, which no running process uses any more) is.
 */
export function isLeftover(lockName: string, name: string): boolean {
  const stale = `${lockName}.stale-`;
  return (
    isAbandoned(name, stale) ||
    (name.startsWith(stale) && /^[0-9a-f]{12}$/.test(name.slice(stale.length))) ||
    isAbandoned(name, `${lockName}.new-`)
  );
}
