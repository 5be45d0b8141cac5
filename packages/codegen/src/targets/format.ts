import { rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { CliError } from "../errors.ts";
import { runChild } from "../fs/child-processes.ts";
import { scratchDir } from "../fs/scratch.ts";
import type { GenerateContext, Target } from "./target.ts";

/**
 * The repository's formatting (biome.json: 2 spaces, 110 columns, double quotes) for generated code. The repo's
 * own biome.json excludes generated files from `biome check` (they are checked by being regenerated), so the
 * generator hands Biome this configuration explicitly instead.
 */
const GENERATED_CODE_STYLE = {
  root: true,
  vcs: { enabled: false },
  // Biome skips files over `maxSize` (1 MiB by default) with a warning: the types package's openapi.gen.ts is
  // 1.3 MiB on the real spec and shipped unformatted. Generated files are as large as the spec makes them, so the
  // limit is far above any of them; a file that still exceeds it fails the run (`--error-on-warnings` below).
  files: { includes: ["**"], ignoreUnknown: true, maxSize: 64 * 1024 * 1024 },
  formatter: { enabled: true, indentStyle: "space", indentWidth: 2, lineWidth: 110 },
  javascript: { formatter: { quoteStyle: "double" } },
  linter: { enabled: false },
  assist: { enabled: false },
};

/**
 * How to run Biome's CLI, from the workspace's devDependency (the generator runs inside the repo, never published).
 * `@biomejs/biome/bin/biome` is a Node script that finds the platform's native binary (running `ldd --version` to
 * tell musl from glibc) and spawns it: a Node start-up and two more processes per target on the way to the same
 * binary. So the binary is resolved here and spawned directly. Package managers install only the binary package
 * that matches the platform and C library (its `os`/`cpu`/`libc` fields), so the one that resolves is the one to
 * run; if none does, the script decides. `BIOME_BINARY` overrides, as for the script.
 */
function biomeCommand(): { file: string; args: string[] } {
  if (process.env.BIOME_BINARY) return { file: process.env.BIOME_BINARY, args: [] };
  const script = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");
  const fromScript = createRequire(script);
  const { platform, arch } = process;
  const exe = platform === "win32" ? ".exe" : "";
  for (const name of [
    `@biomejs/cli-${platform}-${arch}-musl/biome`,
    `@biomejs/cli-${platform}-${arch}/biome${exe}`,
  ]) {
    try {
      return { file: fromScript.resolve(name), args: [] };
    } catch {
      // not installed for this platform: try the next
    }
  }
  return { file: process.execPath, args: [script] };
}

/** One of Biome's diagnostics, as its JSON reporter prints them. */
interface BiomeDiagnostic {
  severity?: string;
  message?: string;
  location?: { path?: string };
}

/**
 * Biome's first complaint from its JSON report as `<file>: <first line of the message>` (errors before warnings);
 * undefined when `stdout` is no report (Biome failed before formatting anything) or one without a diagnostic.
 */
function reportedDiagnostic(stdout: string, dir: string): string | undefined {
  let report: { diagnostics?: unknown } | null;
  try {
    report = JSON.parse(stdout) as typeof report;
  } catch {
    return undefined;
  }
  const diagnostics = Array.isArray(report?.diagnostics) ? (report.diagnostics as BiomeDiagnostic[]) : [];
  const first = diagnostics.find((d) => d.severity === "error") ?? diagnostics[0];
  if (!first?.message) return undefined;
  const where = first.location?.path ? `${relative(dir, first.location.path) || first.location.path}: ` : "";
  return `${where}${first.message.split("\n")[0]?.trim()}`;
}

/**
 * The line of Biome's text output that says why it failed: the first error (`× <message>`; the line above it is a
 * header naming a file and a category), else the first line. Not its notice that the JSON reporter is experimental,
 * printed at every run (its wording changes between versions), and not the JSON report itself.
 */
function printedReason(stdout: string, stderr: string): string | undefined {
  let text = stderr;
  try {
    JSON.parse(stdout);
  } catch {
    text += `\n${stdout}`;
  }
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/\bexperimental\b/i.test(line));
  const marked = lines.find((line) => line.startsWith("× "));
  return marked ? marked.slice(2).trim() : lines[0];
}

/** Why Biome failed, in one line (`error`: what execFile rejected with). */
function biomeFailure(error: unknown, dir: string): string {
  const {
    stdout = "",
    stderr = "",
    code,
    signal,
  } = error as { stdout?: unknown; stderr?: unknown; code?: unknown; signal?: unknown };
  const diagnostic = reportedDiagnostic(String(stdout), dir);
  if (diagnostic) return diagnostic;
  // Without a diagnostic: how Biome ended, and what it printed about it. Not execFile's own message, whose second
  // line on is the whole command line (the scratch config's path, the staging folder's). A spawn error (ENOENT,
  // EACCES: `code` is a string) or an output over maxBuffer keeps its one-line message.
  const ended =
    typeof signal === "string"
      ? `Biome was stopped by ${signal}`
      : typeof code === "number"
        ? `Biome exited with code ${code}`
        : undefined;
  if (!ended) return String(error).split("\n")[0] ?? "unknown error";
  const reason = printedReason(String(stdout), String(stderr));
  if (reason) return `${ended}: ${reason}`;
  if (typeof signal === "string") return ended;
  return stdout || stderr ? `${ended} and printed no error` : `${ended} and printed nothing`;
}

/**
 * Formats every file under `dir` in place with Biome's CLI (`biome format --write`). Anything Biome does not
 * format — a syntax error, a file it skips — fails the run with one line naming the file: generated code is
 * never shipped half formatted (the caller's staging folder is then discarded).
 */
export async function formatGenerated(dir: string): Promise<void> {
  const configDir = await scratchDir("ik-biome-");
  try {
    await writeFile(join(configDir, "biome.json"), JSON.stringify(GENERATED_CODE_STYLE));
    const biome = biomeCommand();
    // Through runChild (src/fs/child-processes.ts): a run stopped early ends this Biome before the CLI exits.
    await runChild(
      biome.file,
      [
        ...biome.args,
        "format",
        "--write",
        "--error-on-warnings",
        // The JSON report is marked experimental; biomeFailure falls back to the text if it ever changes.
        "--reporter=json",
        `--config-path=${configDir}`,
        dir,
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (error) {
    throw new CliError(`formatting generated code failed: ${biomeFailure(error, dir)}`);
  } finally {
    await rm(configDir, { recursive: true, force: true });
  }
}

/** What `pnpm generate` does for one target: generate into `ctx.outDir`, then format it. */
export async function generateTarget(target: Target, ctx: GenerateContext): Promise<void> {
  await target.generate(ctx);
  await formatGenerated(ctx.outDir);
}
