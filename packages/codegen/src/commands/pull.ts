// `spec:pull [--source <url|path>] [--baseline <path|url>] [--locked]`
// Tries each source in order (spec/sources.json, or just --source), keeps the first that yields a valid
// spec, and writes the normalized spec, the lock and — when the API changed — a changeset, all or nothing
// (src/fs/transaction.ts), under a lock file so that two pulls never interleave (src/fs/lock-file.ts).
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { CliError } from "../errors.ts";
import { faultPoint } from "../fs/fault.ts";
import { acquireLockFile } from "../fs/lock-file.ts";
import { commitFiles, type FileWrite } from "../fs/transaction.ts";
import { type ProjectPaths, projectPaths } from "../paths.ts";
import { countSpec } from "../spec/counts.ts";
import type { SpecDiff } from "../spec/diff/index.ts";
import { finishInterruptedPull } from "../spec/interrupted-pull.ts";
import { type LoadedSpec, loadSpec } from "../spec/load.ts";
import { readLock, type SpecLock, serializeLock, sha256 } from "../spec/lock.ts";
import { normalize, serializeSpec } from "../spec/normalize/index.ts";
import { isUrl } from "../spec/read.ts";
import { readSources } from "../spec/sources.ts";

const USAGE = "usage: spec:pull [--source <url|path>] [--baseline <path|url>] [--locked]";

export async function pullCommand(args: string[]): Promise<number> {
  const options = parseOptions(args);
  const paths = projectPaths();
  const held = await acquireLockFile(paths.pullLock, "spec:pull", repoPath(paths, paths.pullLock));
  try {
    if (held.takenOverFrom) {
      const { pid, startedAt } = held.takenOverFrom;
      process.stderr.write(
        `note: took over a stale lock (pid ${pid}, since ${startedAt}, is no longer running)\n`,
      );
    }
    await faultPoint("lock taken");
    for (const note of await finishInterruptedPull(paths)) process.stderr.write(`note: ${note}\n`);
    return await pull(options, paths);
  } finally {
    await held.release();
  }
}

/** What a pull would write, computed before anything is written (spec:watch reuses it). */
export interface PullPlan {
  pulled: Pulled;
  /** The lock before the pull, if any. */
  lock: SpecLock | undefined;
  nextLock: SpecLock;
  lockKept: boolean;
  /** The spec this pull replaces (normalized), when there is one to compare with. */
  previous: Record<string, unknown> | undefined;
  diff: SpecDiff | undefined;
  changeset: { file: string; text: string } | undefined;
  /** In commit order: the changeset, the spec, the lock (last). Empty when nothing changes on disk. */
  writes: FileWrite[];
}

/** Reads the sources and the previous spec and works out the writes of a (non-locked) pull; writes nothing. */
export async function planPull(
  /** `out`: where progress lines go (spec:watch --json keeps stdout for the JSON). */
  options: { source?: string; baseline?: string; out?: NodeJS.WritableStream },
  paths: ProjectPaths,
): Promise<PullPlan> {
  const lock = await readLock(paths);
  const sources = options.source ? [options.source] : await readSources(paths);
  // --source is typed by a person in their shell; the listed sources are relative to the repo root.
  const cwd = options.source ? (process.env.INIT_CWD ?? process.cwd()) : paths.root;
  const pulled = await firstValidSource(sources, cwd, undefined, options.out);
  for (const warning of pulled.spec.warnings) process.stderr.write(`warning: ${warning}\n`);
  const previous = options.baseline
    ? (await loadSpec(options.baseline, { cwd })).document
    : await readPreviousSpec(paths);
  // Computed before anything is written: if the diff fails, the pull fails and nothing changed.
  // (Loaded on demand: --locked and first pulls never need the diff engine.)
  const diff = previous
    ? (await import("../spec/diff/index.ts")).diffSpecs(previous, pulled.spec.document)
    : undefined;

  const source = lockSource(pulled.source, cwd, paths);
  const nextLock: SpecLock = {
    source,
    sha256: pulled.sha,
    pulledAt: now(),
    counts: countSpec(pulled.spec.document),
    warnings: pulled.spec.warnings,
  };
  const lockKept = lock !== undefined && sameLockContent(lock, nextLock);
  // The changeset names the lock's source (relative to the repo for a local file). Loaded on demand, as the diff.
  const changeset = diff
    ? (await import("../spec/changeset.ts")).apiChangeset(paths, diff, { source, sha256: pulled.sha })
    : undefined;

  // One transaction, in this order: a reader that ignores the journal (git, say) can then never see a
  // new lock without its changeset — the lock is the last file to change.
  const writes: FileWrite[] = [
    ...(changeset ? [{ target: repoPath(paths, changeset.file), data: changeset.text }] : []),
    ...(await specWrite(paths, pulled.text)),
    ...(lockKept ? [] : [{ target: repoPath(paths, paths.lock), data: serializeLock(nextLock) }]),
  ];
  return { pulled, lock, nextLock, lockKept, previous, diff, changeset, writes };
}

async function pull(options: PullOptions, paths: ProjectPaths): Promise<number> {
  if (options.locked) {
    const lock = await readLock(paths);
    if (!lock) throw new CliError(`--locked needs a lock, and there is none at ${paths.lock}`);
    const sources = options.source ? [options.source] : await readSources(paths);
    const cwd = options.source ? (process.env.INIT_CWD ?? process.cwd()) : paths.root;
    const pulled = await firstValidSource(sources, cwd, lock);
    for (const warning of pulled.spec.warnings) process.stderr.write(`warning: ${warning}\n`);
    await commitFiles(paths.root, paths.pullTransaction, await specWrite(paths, pulled.text));
    process.stdout.write(`spec matches the lock (sha256 ${pulled.sha.slice(0, 12)}); lock unchanged\n`);
    return 0;
  }

  const { pulled, lock, nextLock, lockKept, diff, changeset, writes } = await planPull(options, paths);
  await commitFiles(paths.root, paths.pullTransaction, writes);

  const { paths: p, operations, schemas } = nextLock.counts;
  process.stdout.write(
    `wrote spec/openapi.json: ${p} paths, ${operations} operations, ${schemas} schemas (sha256 ${pulled.sha.slice(0, 12)})` +
      `${lockKept ? `; lock unchanged (same spec since ${lock?.pulledAt})` : "; lock updated"}\n`,
  );

  if (diff && changeset) {
    const count = `${diff.changes.length} change${diff.changes.length === 1 ? "" : "s"}`;
    process.stdout.write(
      `API changed (${diff.bump} bump, ${count}): wrote ${repoPath(paths, changeset.file)}\n`,
    );
  } else if (diff) {
    process.stdout.write("no API change since the previous spec: no changeset\n");
  } else if (lock && lock.sha256 !== pulled.sha) {
    process.stdout.write(
      `the spec changed (lock had ${lock.sha256.slice(0, 12)}) but there is no previous spec/openapi.json to compare with: ` +
        "no changeset written; rerun with --baseline <path|url> of the previous spec to get one\n",
    );
  } else if (!lock) {
    process.stdout.write("first pull: no previous spec, no changeset\n");
  } else {
    process.stdout.write("no API change (same spec as the lock): no changeset\n");
  }
  return 0;
}

interface PullOptions {
  source?: string;
  baseline?: string;
  locked: boolean;
}

function parseOptions(args: string[]): PullOptions {
  try {
    const { values } = parseArgs({
      args,
      options: { source: { type: "string" }, baseline: { type: "string" }, locked: { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    });
    return { source: values.source, baseline: values.baseline, locked: values.locked ?? false };
  } catch (error) {
    throw new CliError(`${(error as Error).message.split("\n")[0]} (${USAGE})`, 2);
  }
}

export interface Pulled {
  source: string;
  spec: LoadedSpec;
  text: string;
  sha: string;
}

/** The first source that loads and validates (and, with --locked, hashes to the lock). */
async function firstValidSource(
  sources: string[],
  cwd: string,
  lock: SpecLock | undefined,
  out: NodeJS.WritableStream = process.stdout,
): Promise<Pulled> {
  const failures: string[] = [];
  for (const source of sources) {
    try {
      const spec = await loadSpec(source, { cwd });
      const text = serializeSpec(spec.document);
      const sha = sha256(text);
      if (lock && sha !== lock.sha256) {
        throw new CliError(
          `${spec.source} has sha256 ${sha.slice(0, 12)}, the lock wants ${lock.sha256.slice(0, 12)}`,
        );
      }
      if (failures.length > 0) {
        out.write(
          `using ${spec.source} (${failures.length} earlier source${failures.length === 1 ? "" : "s"} failed)\n`,
        );
      } else {
        out.write(`using ${spec.source}\n`);
      }
      return { source: spec.source, spec, text, sha };
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      if (sources.length === 1) throw error;
      failures.push(error.message);
      process.stderr.write(`skipped: ${error.message}\n`);
    }
  }
  const what = lock ? "a spec matching the lock" : "a valid spec";
  throw new CliError(`none of the ${sources.length} sources gave ${what} (reasons above)`);
}

/** The spec file, when its bytes change (an unchanged spec keeps its mtime). */
async function specWrite(paths: ProjectPaths, text: string): Promise<FileWrite[]> {
  const current = await readFile(paths.spec, "utf8").catch(() => undefined);
  return current === text ? [] : [{ target: repoPath(paths, paths.spec), data: text }];
}

/** `file` relative to the repository root with `/` separators: how it is named in messages and the journal. */
function repoPath(paths: ProjectPaths, file: string): string {
  return relative(paths.root, file).split(sep).join("/");
}

/**
 * The source as the committed lock and the changeset name it: a URL as given (credentials masked), a
 * file relative to the repository — an absolute path of one machine means nothing to the next reader.
 */
function lockSource(label: string, cwd: string, paths: ProjectPaths): string {
  if (isUrl(label)) return label;
  return repoPath(paths, isAbsolute(label) ? label : resolve(cwd, label));
}

/** SOURCE_DATE_EPOCH (the reproducible-builds convention) fixes the lock's `pulledAt`, for byte-exact tests. */
function now(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return (
    Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date()
  ).toISOString();
}

/**
 * The spec this pull replaces, if it is there and readable (it is not committed: a fresh clone has
 * none). Normalized again (normalize is idempotent) so a spec written by an older version of the rules
 * is compared under today's rules: the diff then shows API changes, not normalization changes.
 */
async function readPreviousSpec(paths: ProjectPaths): Promise<Record<string, unknown> | undefined> {
  if (!existsSync(paths.spec)) return undefined;
  try {
    return normalize(JSON.parse(await readFile(paths.spec, "utf8"))).document;
  } catch {
    process.stderr.write(`warning: ignoring unreadable previous ${paths.spec}\n`);
    return undefined;
  }
}

/** Same content → keep the committed lock byte-identical (its pulledAt is when this spec first came in). */
function sameLockContent(a: SpecLock, b: SpecLock): boolean {
  return (
    a.sha256 === b.sha256 &&
    a.source === b.source &&
    JSON.stringify(a.counts) === JSON.stringify(b.counts) &&
    JSON.stringify(a.warnings) === JSON.stringify(b.warnings)
  );
}
