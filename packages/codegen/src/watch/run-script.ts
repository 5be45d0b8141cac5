// Runs a package.json script of a workspace package the way `pnpm run` does (its own and the root's
// node_modules/.bin first on PATH), capturing the output for the report.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { relayFaultLines } from "../fs/fault.ts";

export interface ScriptResult {
  /** The script's exit code (1 when it was killed or could not start). */
  code: number;
  output: string;
  ms: number;
}

/** The scripts a package declares. */
export function scriptsOf(packageDir: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  return manifest.scripts ?? {};
}

/** `pnpm run <script>` in `packageDir`, without needing pnpm on PATH; never rejects on a non-zero exit. */
export function runScript(root: string, packageDir: string, script: string): Promise<ScriptResult> {
  const command = scriptsOf(packageDir)[script];
  if (command === undefined) return Promise.resolve({ code: 0, output: `(no ${script} script)`, ms: 0 });
  return runCommand(
    root,
    packageDir,
    command,
    `${relative(root, packageDir).split(sep).join("/")} ${script}`,
  );
}

/**
 * A shell command in `dir` as {@link runScript} runs a script (`dir`'s and the root's node_modules/.bin first on
 * PATH, its own process group, stopped by {@link stopRunningScripts}); `label` names it in the `fault: …` lines
 * passed on.
 */
export function runCommand(root: string, dir: string, command: string, label: string): Promise<ScriptResult> {
  const bins = [...new Set([join(dir, "node_modules", ".bin"), join(root, "node_modules", ".bin")])].filter(
    (bin) => existsSync(bin),
  );
  const started = performance.now();
  return new Promise((resolve) => {
    // Its own process group: an interrupted watch can stop the whole tree it started.
    const child = spawn("sh", ["-c", command], {
      cwd: dir,
      env: {
        ...process.env,
        INSTANTLY_KIT_ROOT: root,
        FORCE_COLOR: "0",
        NO_COLOR: "1",
        PATH: [...bins, process.env.PATH ?? ""].join(":"),
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const pid = child.pid;
    let exited = () => {};
    let closed = () => {};
    if (pid !== undefined) {
      running.set(pid, {
        exited: new Promise((resolve) => {
          exited = resolve;
        }),
        closed: new Promise((resolve) => {
          closed = resolve;
        }),
      });
    }
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    relayFaultLines(child.stderr, label);
    const done = (code: number) => {
      if (pid !== undefined) running.delete(pid);
      exited();
      closed();
      resolve({ code, output, ms: Math.round(performance.now() - started) });
    };
    child.on("exit", () => exited());
    child.on("error", (error) => {
      output += `${error.message}\n`;
      done(1);
    });
    child.on("close", (code) => done(code ?? 1));
  });
}

/** The scripts running now, by pid (= their process group's id). */
const running = new Map<number, { exited: Promise<void>; closed: Promise<void> }>();

/**
 * How long the scripts get to stop after a SIGTERM before they are killed. Generous on purpose: a script's own
 * cleanup (generate stops its workers and removes its staging and scratch folders, ADR 0034; vitest stops its
 * pool) may take seconds on a loaded CI machine, and killing it halfway leaves what the SIGTERM was meant to
 * avoid. It only bounds a script that ignores the signal.
 */
export const STOP_GRACE_MS = 30_000;

/**
 * Stops the scripts still running (an interrupted watch must not leave builds behind, nor put the tree back while
 * one still writes into it): SIGTERM to each one's process group, so each can clean up after itself, then waits
 * until each has exited and its output closed — i.e. every process that shares it is gone. A script still running
 * after `STOP_GRACE_MS` is killed (SIGKILL to its group) and waited for until its own process has exited.
 */
export async function stopRunningScripts(): Promise<void> {
  const scripts = [...running];
  if (scripts.length === 0) return;
  for (const [pid] of scripts) signalGroup(pid, "SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), STOP_GRACE_MS);
  });
  const closed = Promise.all(scripts.map(([, script]) => script.closed)).then(() => "closed" as const);
  const outcome = await Promise.race([closed, late]);
  clearTimeout(timer);
  if (outcome === "closed") return;
  for (const [pid] of scripts) signalGroup(pid, "SIGKILL");
  // Not its output's closing: a process that left the group could hold it open for ever.
  await Promise.all(scripts.map(([, script]) => script.exited));
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
