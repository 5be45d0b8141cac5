import { createHash } from "node:crypto";
import { hostname } from "node:os";

// Scratch entries a run makes beside what it replaces (generate's staging folders, the bundle's staging folder,
// a lock's temporary file) carry their owner in their name, so the next run can remove those of a run that was
// killed without touching those of a run still going. A pid alone says nothing about a process on another
// machine or container sharing the folder (a bind-mounted or network checkout): there the pid is someone
// else's, or nobody's, and a run in progress would lose its folder. So the owner is this host and a pid, and an
// owner on another host is never judged dead.

/** This host, as 8 hex digits (a hostname can hold `-` and `.`, which the names below use as separators). */
const HOST = createHash("sha256").update(hostname()).digest("hex").slice(0, 8);

/** The owner part of a scratch entry's name made by this process: `<host>.<pid>`. */
export function ownerTag(): string {
  return `${HOST}.${process.pid}`;
}

/**
 * Is `name` (`<prefix><owner>-<random>`) a scratch entry whose owner is known to be gone: a process of this host
 * that is no longer running? An owner without a host (written before hosts were recorded) counts as this host's.
 * The whole rest of the name must be an owner and one random tail (letters and digits, as `randomBytes().toString
 * ("hex")` and `mkdtemp` write it): a sibling folder named `generated-5` has staging entries that also start with
 * `.tmp-generated-`, and its `5-` is not an owner.
 */
export function isAbandoned(name: string, prefix: string): boolean {
  if (!name.startsWith(prefix)) return false;
  const owner = /^(?:([0-9a-f]{8})\.)?(\d+)-[0-9A-Za-z]+$/.exec(name.slice(prefix.length));
  if (!owner) return false;
  const [, host = HOST, pid] = owner;
  return host === HOST && !isAlive(Number(pid));
}

export function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
