// `spec:pull [--source <url|path>] [--baseline <path|url>] [--locked]`
// Tries each source in order (spec/sources.json, or just --source), keeps the first that yields a valid
// spec, writes the normalized spec and the lock (each atomically, only after everything succeeded), and
// reports what changed against the previous spec as a changeset.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { CliError } from "../errors.ts";
import { writeFileAtomic } from "../fs/atomic.ts";
import { type ProjectPaths, projectPaths } from "../paths.ts";
import type { ApiChangesetMeta } from "../spec/changeset.ts";
import { countSpec } from "../spec/counts.ts";
import type { SpecDiff } from "../spec/diff/index.ts";
import { type LoadedSpec, loadSpec } from "../spec/load.ts";
import { readLock, type SpecLock, serializeLock, sha256 } from "../spec/lock.ts";
import { normalize, serializeSpec } from "../spec/normalize/index.ts";
import { readSources } from "../spec/sources.ts";

const USAGE = "usage: spec:pull [--source <url|path>] [--baseline <path|url>] [--locked]";

export async function pullCommand(args: string[]): Promise<number> {
  const options = parseOptions(args);
  const paths = projectPaths();
  const lock = await readLock(paths);
  if (options.locked && !lock)
    throw new CliError(`--locked needs a lock, and there is none at ${paths.lock}`);

  const sources = options.source ? [options.source] : await readSources(paths);
  // --source is typed by a person in their shell; the listed sources are relative to the repo root.
  const cwd = options.source ? (process.env.INIT_CWD ?? process.cwd()) : paths.root;
  const pulled = await firstValidSource(sources, cwd, options.locked ? lock : undefined);
  for (const warning of pulled.spec.warnings) process.stderr.write(`warning: ${warning}\n`);

  if (options.locked) {
    await writeSpecIfChanged(paths, pulled.text);
    process.stdout.write(`spec matches the lock (sha256 ${pulled.sha.slice(0, 12)}); lock unchanged\n`);
    return 0;
  }

  const previous = options.baseline
    ? (await loadSpec(options.baseline, { cwd })).document
    : await readPreviousSpec(paths);
  // Computed before anything is written: if the diff fails, the pull fails and nothing changed.
  // (Loaded on demand: --locked and first pulls never need the diff engine.)
  const diff = previous
    ? (await import("../spec/diff/index.ts")).diffSpecs(previous, pulled.spec.document)
    : undefined;

  const nextLock: SpecLock = {
    source: pulled.source,
    sha256: pulled.sha,
    pulledAt: new Date().toISOString(),
    counts: countSpec(pulled.spec.document),
    warnings: pulled.spec.warnings,
  };
  await writeSpecIfChanged(paths, pulled.text);
  const lockKept = lock !== undefined && sameLockContent(lock, nextLock);
  if (!lockKept) await writeFileAtomic(paths.lock, serializeLock(nextLock));
  const { paths: p, operations, schemas } = nextLock.counts;
  process.stdout.write(
    `wrote spec/openapi.json: ${p} paths, ${operations} operations, ${schemas} schemas (sha256 ${pulled.sha.slice(0, 12)})` +
      `${lockKept ? `; lock unchanged (same spec since ${lock?.pulledAt})` : "; lock updated"}\n`,
  );

  if (diff) {
    await reportDiff(paths, diff, { source: pulled.source, sha256: pulled.sha });
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

interface Pulled {
  source: string;
  spec: LoadedSpec;
  text: string;
  sha: string;
}

/** The first source that loads and validates (and, with --locked, hashes to the lock). */
async function firstValidSource(sources: string[], cwd: string, lock: SpecLock | undefined): Promise<Pulled> {
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
        process.stdout.write(
          `using ${spec.source} (${failures.length} earlier source${failures.length === 1 ? "" : "s"} failed)\n`,
        );
      } else {
        process.stdout.write(`using ${spec.source}\n`);
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

async function writeSpecIfChanged(paths: ProjectPaths, text: string): Promise<void> {
  const current = await readFile(paths.spec, "utf8").catch(() => undefined);
  if (current !== text) await writeFileAtomic(paths.spec, text);
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

// --- the diff/changeset step (src/spec/diff, src/spec/changeset.ts: owned by the diff engineer) ---

async function reportDiff(paths: ProjectPaths, diff: SpecDiff, meta: ApiChangesetMeta): Promise<void> {
  if (diff.bump === "none") {
    process.stdout.write("no API change since the previous spec: no changeset\n");
    return;
  }
  const count = `${diff.changes.length} change${diff.changes.length === 1 ? "" : "s"}`;
  const { writeApiChangeset } = await import("../spec/changeset.ts");
  const file = await writeApiChangeset(paths, diff, meta);
  process.stdout.write(
    `API changed (${diff.bump} bump, ${count}): wrote ${relative(paths.root, file ?? "")}\n`,
  );
}
