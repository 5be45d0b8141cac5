// Runs a package.json script of a workspace package the way `pnpm run` does (its own and the root's
// node_modules/.bin first on PATH), capturing the output for the report.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

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
  const bins = [join(packageDir, "node_modules", ".bin"), join(root, "node_modules", ".bin")].filter((dir) =>
    existsSync(dir),
  );
  const started = performance.now();
  return new Promise((resolve) => {
    // Its own process group: an interrupted watch can stop the whole tree it started.
    const child = spawn("sh", ["-c", command], {
      cwd: packageDir,
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
    running.add(child.pid ?? -1);
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const done = (code: number) => {
      running.delete(child.pid ?? -1);
      resolve({ code, output, ms: Math.round(performance.now() - started) });
    };
    child.on("error", (error) => {
      output += `${error.message}\n`;
      done(1);
    });
    child.on("close", (code) => done(code ?? 1));
  });
}

const running = new Set<number>();

/** Kills the process groups of scripts still running (an interrupted watch must not leave builds behind). */
export function killRunningScripts(): void {
  for (const pid of running) {
    try {
      if (pid > 0) process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  running.clear();
}
