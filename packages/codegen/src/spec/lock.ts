import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { CliError } from "../errors.ts";
import { hasPendingJournal } from "../fs/transaction.ts";
import type { ProjectPaths } from "../paths.ts";

/** What is committed about the pulled spec (the spec itself is third-party data and is not). */
export interface SpecLock {
  /** The source that answered (URL or path as given in spec/sources.json or --source). */
  source: string;
  /** sha256 of the normalized document's bytes, i.e. of spec/openapi.json. */
  sha256: string;
  /** When it was pulled (ISO 8601). */
  pulledAt: string;
  counts: { paths: number; operations: number; schemas: number };
  /** Problems normalization worked around (e.g. dangling $refs), so reviewers see them in the diff. */
  warnings: string[];
}

export function sha256(bytes: string | Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function readLock(paths: ProjectPaths): Promise<SpecLock | undefined> {
  const text = await readFile(paths.lock, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  return text === undefined ? undefined : (JSON.parse(text) as SpecLock);
}

/** The same bytes for the same lock: 2-space JSON, trailing newline. */
export function serializeLock(lock: SpecLock): string {
  return `${JSON.stringify(lock, null, 2)}\n`;
}

/**
 * The normalized spec, checked against the lock. Generation refuses to run on a spec nobody locked:
 * the generated packages must always correspond to the committed lock.
 */
export async function readLockedSpec(
  paths: ProjectPaths,
): Promise<{ document: Record<string, unknown>; lock: SpecLock }> {
  const { text, lock } = await readLockedSpecText(paths);
  return { document: JSON.parse(text) as Record<string, unknown>, lock };
}

/**
 * {@link readLockedSpec} before parsing: the text, read once, for a command that parses it more than once (each
 * target of `generate all` parses its own copy of the same bytes, rather than reading the file again while a
 * `spec:pull` may be replacing it).
 */
export async function readLockedSpecText(paths: ProjectPaths): Promise<{ text: string; lock: SpecLock }> {
  // A pull killed after its commit point: spec, lock and changeset may be half replaced until the next
  // pull completes them (src/fs/transaction.ts). (A pull killed before it left the old files intact.)
  if (await hasPendingJournal(paths.pullTransaction)) {
    throw new CliError(
      "a spec:pull was interrupted while replacing the spec: run `pnpm spec:pull` to complete it",
    );
  }
  const lock = await readLock(paths);
  if (!lock) throw new CliError(`no spec lock at ${paths.lock}: run \`pnpm spec:pull\` first`);
  const bytes = await readFile(paths.spec).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") {
      throw new CliError(`the spec is missing (${paths.spec}): run \`pnpm spec:pull\` first`);
    }
    throw error;
  });
  const actual = sha256(bytes);
  if (actual !== lock.sha256) {
    throw new CliError(
      `spec/openapi.json (sha256 ${actual.slice(0, 12)}) does not match spec/openapi.lock.json (sha256 ${lock.sha256.slice(0, 12)}): run \`pnpm spec:pull\``,
    );
  }
  return { text: bytes.toString("utf8"), lock };
}
