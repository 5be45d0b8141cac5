// `spec:watch [--report <file>] [--json] [--source <url|path>]`: one whole spec update, locally or in CI.
// Pulls (as spec:pull does), and when the API changed: writes the changeset, regenerates the packages (one
// `generate` run for all of them) and builds them (dependencies first, side by side where the graph allows),
// type-checks and tests every app against them, and writes the update report. Exit code: 0 no change
// (nothing touched), 10 change and every app passes, 11 change and some app breaks, 1 error, 128 + n stopped by
// signal n (SIGINT/SIGTERM/SIGHUP) — and on an error or a signal before the report is written, everything it
// changed is put back (src/watch/backup.ts).
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { CliError } from "../errors.ts";
import { catchInterrupts, Interrupted } from "../fs/interrupt.ts";
import { acquireLockFile } from "../fs/lock-file.ts";
import { commitFiles } from "../fs/transaction.ts";
import { buildModel, type SpecModel } from "../model/index.ts";
import { type ProjectPaths, projectPaths } from "../paths.ts";
import type { SpecDiff } from "../spec/diff/index.ts";
import { finishInterruptedPull } from "../spec/interrupted-pull.ts";
import { sha256 } from "../spec/lock.ts";
import { serializeSpec } from "../spec/normalize/index.ts";
import { type AppScopeChange, appScopeChange, usedOperationIds } from "../watch/app-scopes.ts";
import { type Backup, backUp } from "../watch/backup.ts";
import { type AppError, parseTestFailures, parseTscErrors, tieToOperations } from "../watch/diagnostics.ts";
import {
  type AppImpact,
  type ChangedOperation,
  EXIT_BREAKS,
  EXIT_PASS,
  EXIT_UNCHANGED,
  renderReportMarkdown,
  type ScopeChange,
  type StepResult,
  type UpdateReport,
} from "../watch/report.ts";
import { runCommand, runScript, type ScriptResult, stopRunningScripts } from "../watch/run-script.ts";
import { findUsages, type OperationRef } from "../watch/usages.ts";
import { generatedPackages, type WorkspacePackage, workspaceApps } from "../watch/workspace.ts";
import { planPull } from "./pull.ts";

const USAGE = "usage: spec:watch [--report <file>] [--json] [--source <url|path>]";

interface WatchOptions {
  report?: string;
  json: boolean;
  source?: string;
}

export async function watchCommand(args: string[]): Promise<number> {
  const options = parseOptions(args);
  const paths = projectPaths();
  // Progress goes to stderr when stdout carries the JSON report.
  const say = (line: string) => (options.json ? process.stderr : process.stdout).write(`${line}\n`);
  const held = await acquireLockFile(paths.pullLock, "spec:watch", repoPath(paths, paths.pullLock));
  try {
    for (const note of await finishInterruptedPull(paths)) process.stderr.write(`note: ${note}\n`);
    return await watch(options, paths, say);
  } finally {
    await held.release();
  }
}

async function watch(
  options: WatchOptions,
  paths: ProjectPaths,
  say: (line: string) => void,
): Promise<number> {
  const plan = await planPull(
    { source: options.source, out: options.json ? process.stderr : process.stdout },
    paths,
  );
  if (plan.writes.length === 0) {
    say(`no API change: spec ${plan.pulled.sha.slice(0, 12)} is the locked one; nothing written`);
    if (options.json) process.stdout.write(`${JSON.stringify({ exitCode: EXIT_UNCHANGED, bump: "none" })}\n`);
    return EXIT_UNCHANGED;
  }
  if (!plan.previous || !plan.diff) {
    throw new CliError(
      "spec:watch needs the spec it updates from: spec/openapi.json is missing (run `pnpm spec:pull --locked` first)",
    );
  }
  if (plan.lock && sha256(serializeSpec(plan.previous)) !== plan.lock.sha256) {
    throw new CliError(
      "spec/openapi.json is not the locked spec (run `pnpm spec:pull --locked` first): the report would compare the wrong versions",
    );
  }

  const root = paths.root;
  const packages = generatedPackages(root);
  // SIGINT/SIGTERM/SIGHUP from here on (Ctrl-C, a cancelled CI job, a closed terminal or a lost runner; Node's
  // default would end the watch on the spot, with nothing put back and its scripts left running): the process
  // group of each script running (the generate, or the builds running side by side) is sent SIGTERM and waited
  // for (a `generate` removes its staging and scratch folders itself, ADR 0034; a script that ignores it is killed
  // after a grace period), then everything is put back, then one line and exit 128 + the signal's number, as
  // generate does (src/fs/interrupt.ts). Later signals are ignored until then: ending the restore halfway would
  // leave the tree neither old nor new.
  const interrupts = catchInterrupts();
  interrupts.signal.addEventListener(
    "abort",
    () => say(`${interrupts.received}: stopping the running script, then putting the tree back`),
    { once: true },
  );
  /** A script or command, given up on at once at a signal (the catch below stops it), never started after one. */
  const raced = (start: () => Promise<ScriptResult>): Promise<ScriptResult> => {
    interrupts.signal.throwIfAborted();
    return interrupts.race(start());
  };
  const run = (dir: string, script: string): Promise<ScriptResult> =>
    raced(() => runScript(root, dir, script));
  let backup: Backup | undefined;
  try {
    backup = backUp(
      root,
      join(paths.specDir, ".watch-backup"),
      paths.pullTransaction,
      plan.writes.map((write) => write.target),
      packages.flatMap((pkg) => [`${pkg.dir}/src/generated`, `${pkg.dir}/dist`]),
    );
    // Not raced: the pull's own transaction is never left halfway (the restore replays the same journal folder).
    await commitFiles(root, paths.pullTransaction, plan.writes);
    interrupts.signal.throwIfAborted();
    say(
      plan.changeset
        ? `API changed (${plan.diff.bump} bump, ${plan.diff.changes.length} changes): wrote ${repoPath(paths, plan.changeset.file)}`
        : "the spec changed with no API change (bump none): no changeset",
    );
    await regenerate(root, packages, raced, say);
    await buildInParallel(root, packages, run, say);

    const oldModel = buildModel(plan.previous);
    const newModel = buildModel(plan.pulled.spec.document);
    const operations = changedOperations(plan.diff, oldModel, newModel);
    const refs = [...operations.removed, ...operations.changed].map((op) =>
      operationRef(op, oldModel, newModel),
    );
    const apps: AppImpact[] = [];
    const appScopes: AppScopeChange[] = [];
    for (const app of workspaceApps(root)) {
      const appDir = join(root, app.dir);
      const scopeChange = appScopeChange(app.name, usedOperationIds(appDir, oldModel), oldModel, newModel);
      if (scopeChange) appScopes.push(scopeChange);
      const usages = findUsages(appDir, refs);
      const ids = refs.map((ref) => ref.id);
      const typecheck = await runStep(run, appDir, "typecheck", (out) => parseTscErrors(out), usages, ids);
      // The app's own build (its browser tests serve the built app), then its tests.
      const build = await runStep(run, appDir, "build", () => [], usages, ids);
      const test = build.ok
        ? await runStep(run, appDir, "test", (out) => parseTestFailures(out), usages, ids)
        : { ...build, errors: [], tail: "not run: the build failed" };
      say(
        `${app.name}: type-check ${typecheck.ok ? "ok" : "FAILS"}, build ${build.ok ? "ok" : "FAILS"}, tests ${test.ok ? "ok" : "FAIL"}`,
      );
      apps.push({ name: app.name, dir: app.dir, usages, typecheck, build, test });
    }

    const breaks = apps.some((app) => !app.typecheck.ok || !app.build.ok || !app.test.ok);
    const report: UpdateReport = {
      exitCode: breaks ? EXIT_BREAKS : EXIT_PASS,
      bump: plan.diff.bump,
      spec: { sha256: plan.pulled.sha, source: plan.nextLock.source, previousSha256: plan.lock?.sha256 },
      changeset: plan.changeset
        ? { file: repoPath(paths, plan.changeset.file), body: withoutFrontmatter(plan.changeset.text) }
        : undefined,
      ...operations,
      apps,
      scopes: scopeChanges(oldModel, newModel),
      appScopes,
    };
    if (options.report) {
      const file = resolve(process.env.INIT_CWD ?? process.cwd(), options.report);
      writeFileSync(file, renderReportMarkdown(report));
      say(`wrote the update report to ${options.report}`);
    }
    if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    backup.discard();
    say(breaks ? "some app breaks: exit 11" : "every app passes: exit 10");
    return report.exitCode;
  } catch (error) {
    // The scripts first: none may still be writing into what is put back.
    await stopRunningScripts();
    await backup?.restore();
    if (interrupts.received)
      throw new Interrupted("spec:watch", interrupts.received, "the tree is as before");
    throw error;
  } finally {
    interrupts.dispose();
  }
}

/** A package's own `generate` script when it is the generator's `generate <target>` (each package's is). */
const CLI_GENERATE = /^node \.\.\/codegen\/bin\/instantly-kit\.mjs generate ([a-z][a-z0-9-]*)$/;

/**
 * Regenerates the generated packages: those whose `generate` script is the generator's `generate <target>` in ONE
 * `generate <target>…` run (one process and one read of the spec instead of one per package, every target in its
 * worker threads; its folders swapped in only if every target succeeded, ADR 0034), the same as running their
 * scripts one by one; any other `generate` script on its own, as before, dependencies first.
 */
async function regenerate(
  root: string,
  packages: readonly WorkspacePackage[],
  raced: (start: () => Promise<ScriptResult>) => Promise<ScriptResult>,
  say: (line: string) => void,
): Promise<void> {
  const together = packages.flatMap((pkg) => {
    const target = CLI_GENERATE.exec(pkg.scripts.generate ?? "")?.[1];
    return target ? [{ pkg, target }] : [];
  });
  if (together.length > 0) {
    const targets = [...new Set(together.map(({ target }) => target))];
    const what =
      together.length === 1
        ? (together[0] as { pkg: WorkspacePackage }).pkg.name
        : `${targets.length} packages (${targets.join(", ")})`;
    const command = ["node", "packages/codegen/bin/instantly-kit.mjs", "generate", ...targets].join(" ");
    const result = await raced(() => runCommand(root, root, command, `generate ${targets.join(" ")}`));
    if (result.code !== 0)
      throw new CliError(`${what} generate failed (exit ${result.code}): ${lastLine(result.output)}`);
    say(`${what}: generate ok (${result.ms} ms)`);
  }
  for (const pkg of packages) {
    if (together.some((entry) => entry.pkg === pkg)) continue;
    const result = await raced(() => runScript(root, join(root, pkg.dir), "generate"));
    if (result.code !== 0)
      throw new CliError(`${pkg.name} generate failed (exit ${result.code}): ${lastLine(result.output)}`);
    say(`${pkg.name}: generate ok (${result.ms} ms)`);
  }
}

/**
 * Runs each package's `build` once the generated packages it is built against (`buildDependencies`) have built,
 * up to `availableParallelism()` at once: types, then zod and msw side by side, then client, then react-query. A
 * line per build as it finishes. The first failure (or a signal: `run` then rejects) ends it at once; the caller
 * stops the builds still running (`stopRunningScripts`) before it puts the tree back.
 */
async function buildInParallel(
  root: string,
  packages: readonly WorkspacePackage[],
  run: (dir: string, script: string) => Promise<ScriptResult>,
  say: (line: string) => void,
): Promise<void> {
  const names = new Set(packages.map((pkg) => pkg.name));
  const waitsFor = new Map(
    packages.map((pkg) => [
      pkg,
      pkg.buildDependencies.filter((name) => names.has(name) && name !== pkg.name),
    ]),
  );
  const limit = Math.max(1, availableParallelism());
  const pending = [...packages]; // dependencies first: a tie starts the earlier one
  const built = new Set<string>();
  const running = new Map<WorkspacePackage, Promise<{ pkg: WorkspacePackage; result: ScriptResult }>>();
  while (pending.length > 0 || running.size > 0) {
    while (running.size < limit && pending.length > 0) {
      let next = pending.findIndex((pkg) => (waitsFor.get(pkg) ?? []).every((name) => built.has(name)));
      // Nothing ready and nothing running: a dependency cycle. Built in the packages' order, as it always was.
      if (next < 0 && running.size === 0) next = 0;
      if (next < 0) break;
      const [pkg] = pending.splice(next, 1) as [WorkspacePackage];
      const build = run(join(root, pkg.dir), "build").then((result) => ({ pkg, result }));
      build.catch(() => {}); // one still running when the watch gives up rejects (a signal) with no one waiting
      running.set(pkg, build);
    }
    const { pkg, result } = await Promise.race(running.values());
    running.delete(pkg);
    if (result.code !== 0) {
      throw new CliError(`${pkg.name} build failed (exit ${result.code}): ${lastLine(result.output)}`);
    }
    built.add(pkg.name);
    say(`${pkg.name}: build ok (${result.ms} ms)`);
  }
}

async function runStep(
  run: (dir: string, script: string) => Promise<ScriptResult>,
  appDir: string,
  script: string,
  parse: (output: string) => AppError[],
  usages: Parameters<typeof tieToOperations>[1],
  operationIds: readonly string[],
): Promise<StepResult> {
  const result = await run(appDir, script);
  if (result.code === 0) return { ok: true, ms: result.ms, errors: [] };
  const errors = tieToOperations(parse(result.output), usages, operationIds);
  return {
    ok: false,
    ms: result.ms,
    errors,
    // The last lines without stack frames: the tool's own message, not its call stack.
    ...(errors.length === 0
      ? {
          tail: result.output
            .trimEnd()
            .split("\n")
            .filter((line) => !/^\s+at /.test(line))
            .slice(-12)
            .join("\n"),
        }
      : {}),
  };
}

/** The operations the diff names: added (new model), removed (old model), and changed in any other way. */
function changedOperations(
  diff: SpecDiff,
  oldModel: SpecModel,
  newModel: SpecModel,
): { added: ChangedOperation[]; removed: ChangedOperation[]; changed: ChangedOperation[] } {
  const byId = new Map<string, ChangedOperation & { kinds: Set<string> }>();
  const rank = { major: 3, minor: 2, patch: 1 } as const;
  for (const change of diff.changes) {
    const ids = change.operationId ? [change.operationId] : (change.operations ?? []);
    for (const id of ids) {
      const op = oldModel.operation(id) ?? newModel.operation(id);
      const entry = byId.get(id) ?? {
        operationId: id,
        method: (change.method ?? op?.method ?? "").toUpperCase(),
        path: change.path ?? op?.path ?? "",
        severity: change.severity,
        changes: [],
        kinds: new Set<string>(),
      };
      if (rank[change.severity] > rank[entry.severity]) entry.severity = change.severity;
      entry.changes.push(change.schema ? `${change.schema}: ${change.message}` : change.message);
      entry.kinds.add(change.kind);
      byId.set(id, entry);
    }
  }
  const added: ChangedOperation[] = [];
  const removed: ChangedOperation[] = [];
  const changed: ChangedOperation[] = [];
  for (const { kinds, ...entry } of byId.values()) {
    if (kinds.has("operation-added")) added.push(entry);
    else if (kinds.has("operation-removed")) removed.push(entry);
    else changed.push(entry);
  }
  return { added, removed, changed };
}

/** What an app written against the OLD packages calls it: the old model's id, method and path. */
function operationRef(op: ChangedOperation, oldModel: SpecModel, newModel: SpecModel): OperationRef {
  const found = oldModel.operation(op.operationId) ?? newModel.operation(op.operationId);
  return {
    id: op.operationId,
    ...(found ? { name: found.name } : {}),
    method: (found?.method ?? op.method).toUpperCase(),
    path: found?.path ?? op.path,
    paginated: found?.pagination !== undefined,
  };
}

/** Operations in both versions whose required scopes differ (from the model's `requiredScopes`). */
function scopeChanges(oldModel: SpecModel, newModel: SpecModel): ScopeChange[] {
  const changes: ScopeChange[] = [];
  for (const op of newModel.operations) {
    const before = oldModel.operation(op.id);
    if (!before) continue;
    if (JSON.stringify(before.requiredScopes) !== JSON.stringify(op.requiredScopes)) {
      changes.push({ operationId: op.id, before: before.requiredScopes, after: op.requiredScopes });
    }
  }
  return changes;
}

function withoutFrontmatter(text: string): string {
  return text.replace(/^---\n[\s\S]*?\n---\n/, "");
}

function lastLine(output: string): string {
  return (
    output
      .trimEnd()
      .split("\n")
      .filter((line) => line.trim())
      .at(-1) ?? "(no output)"
  ).slice(0, 300);
}

function repoPath(paths: ProjectPaths, file: string): string {
  return relative(paths.root, file).split(sep).join("/");
}

function parseOptions(args: string[]): WatchOptions {
  try {
    const { values } = parseArgs({
      args,
      options: { report: { type: "string" }, json: { type: "boolean" }, source: { type: "string" } },
      strict: true,
      allowPositionals: false,
    });
    return { report: values.report, json: values.json ?? false, source: values.source };
  } catch (error) {
    throw new CliError(`${(error as Error).message.split("\n")[0]} (${USAGE})`, 2);
  }
}
