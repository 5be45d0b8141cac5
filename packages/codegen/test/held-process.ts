// The CLI started without waiting for it, and held at a step: INSTANTLY_KIT_FAULT=pause:<step> (src/fs/fault.ts)
// stops it there and it says so on stderr; the test does something else in that moment (a second process, a
// signal), then lets it go. No timing is guessed: every wait is for a line on stderr or the process's end.
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLI } from "./helpers.ts";
import type { RunResult } from "./hostile-pipeline/workspace.ts";

export interface Started {
  child: ChildProcess;
  done: Promise<RunResult>;
  /** Resolves once stderr matches `pattern` (or the process ended: then `done` tells why). */
  stderrMatches(pattern: RegExp): Promise<void>;
}

export interface Paused extends Started {
  /** Resolves once the process (or, through spec:watch, a script it runs) says it is held at the step. */
  paused: Promise<void>;
  resume(): void;
}

/** Starts the CLI in `workspace.root` without waiting for it. */
export function start(
  workspace: { root: string },
  args: string[],
  env: Record<string, string> = {},
): Started {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: workspace.root,
    env: { ...process.env, INSTANTLY_KIT_ROOT: workspace.root, INSTANTLY_KIT_FAULT: "", ...env },
  });
  let stdout = "";
  let stderr = "";
  const waiters: (() => void)[] = [];
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
    for (const waiter of waiters) waiter();
  });
  const done = new Promise<RunResult>((resolve) => {
    child.on("close", (code, signal) => {
      for (const waiter of waiters) waiter();
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr: signal ? `${stderr}(${signal})` : stderr });
    });
  });
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    done,
    stderrMatches: (pattern) =>
      new Promise((resolve) => {
        const check = () => {
          if (pattern.test(stderr) || ended()) resolve();
        };
        waiters.push(check);
        check();
      }),
  };
}

/**
 * Held at `step` until {@link Paused.resume}. The setting is inherited by the processes it starts: spec:watch
 * passes a script's `fault: …` lines on as `fault: <package dir> <script>: …` (src/watch/run-script.ts), which
 * `paused` also waits for.
 */
export function startPaused(
  workspace: { root: string },
  args: string[],
  step: string,
  env: Record<string, string> = {},
): Paused {
  const resumeFile = join(workspace.root, `resume-${Math.random().toString(16).slice(2)}`);
  const started = start(workspace, args, {
    ...env,
    INSTANTLY_KIT_FAULT: `pause:${step}`,
    INSTANTLY_KIT_FAULT_RESUME: resumeFile,
  });
  return {
    ...started,
    paused: started.stderrMatches(new RegExp(`^fault: (?:[^:\\n]+: )?paused at ${step}$`, "m")),
    resume: () => writeFileSync(resumeFile, ""),
  };
}
