// The formatting step every target's output goes through (targets/format.ts, the real Biome binary): a large file is
// formatted like any other, and whatever Biome does not format fails with one line naming the file — generated
// code never ships half formatted.
import { chmodSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CliError } from "../../src/errors.ts";
import { formatGenerated } from "../../src/targets/format.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "ik-format-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** What Biome prints on stderr at every run with `--reporter=json` (2.x). */
const NOTICE = "The `json` and `json-pretty` reporters are experimental and may change in patch releases.";

/** The TypeScript printer's style (4 spaces, single quotes): what a target hands to the formatter. */
const unformatted = (count: number) =>
  Array.from({ length: count }, (_, i) => `export interface T${i} {\n    a: 'x';\n}\n`).join("");

describe("formatGenerated", () => {
  it("formats a file over Biome's default 1 MiB limit (the real spec's openapi.gen.ts is 1.3 MiB)", {
    timeout: 120_000,
  }, async () => {
    const text = unformatted(40_000);
    expect(text.length).toBeGreaterThan(1.2 * 1024 * 1024);
    const dir = dirWith({ "big.gen.ts": text, "small.gen.ts": unformatted(2) });
    await formatGenerated(dir);
    for (const name of ["big.gen.ts", "small.gen.ts"]) {
      const formatted = readFileSync(join(dir, name), "utf8");
      expect(formatted.startsWith('export interface T0 {\n  a: "x";\n}\n')).toBe(true);
      expect(formatted).not.toMatch(/^ {4}|'/m);
    }
  });

  it.each<{ what: string; files: Record<string, string>; line: RegExp }>([
    {
      what: "a syntax error",
      files: { "ok.gen.ts": unformatted(1), "bad.gen.ts": "export const x = ;\n" },
      line: /^formatting generated code failed: bad\.gen\.ts: Expected an expression/,
    },
    {
      what: "a file too large to format (over 64 MiB)",
      files: { "ok.gen.ts": unformatted(1), "huge.gen.ts": "" },
      line: /^formatting generated code failed: huge\.gen\.ts: The size of the file is 65\.0 MiB/,
    },
  ])("$what: one CliError line naming the file", { timeout: 120_000 }, async ({ files, line }) => {
    const dir = dirWith(files);
    // A sparse file: its size is what Biome checks, and it costs no disk.
    if ("huge.gen.ts" in files) truncateSync(join(dir, "huge.gen.ts"), 65 * 1024 * 1024);
    const error = await formatGenerated(dir).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CliError);
    const message = (error as CliError).message;
    expect(message).toMatch(line);
    expect(message).not.toContain("\n");
  });

  // The real Biome, given a folder with nothing to format: it exits 1 and its JSON report holds no diagnostic; the
  // reason is in its text output, after the reporter's notice.
  it("a folder with nothing to format: Biome's own reason, not its reporter's notice", {
    timeout: 120_000,
  }, async () => {
    const dir = dirWith({});
    const error = await formatGenerated(dir).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(
      "formatting generated code failed: Biome exited with code 1: No files were processed in the specified paths.",
    );
  });

  // A Biome that prints nothing (killed by a signal — the OOM killer, a CI runner — or exiting non-zero in
  // silence; BIOME_BINARY stands in for it): the line says how it ended, on one line, without the command line
  // (the scratch config's path, the staging folder's).
  it.each([
    {
      what: "killed by a signal",
      script: "kill -9 $$",
      line: "formatting generated code failed: Biome was stopped by SIGKILL",
    },
    {
      what: "exiting 3 in silence",
      script: "exit 3",
      line: "formatting generated code failed: Biome exited with code 3 and printed nothing",
    },
    // Without a diagnostic in its JSON report, what Biome printed is all there is. Its notice that the JSON reporter
    // is experimental (on stderr at every run) says nothing about the failure: the line never quotes it.
    {
      what: "exiting 1 with an empty report and only the reporter's notice",
      script: `echo '{"summary":{},"diagnostics":[]}'\necho '${NOTICE}' >&2\nexit 1`,
      line: "formatting generated code failed: Biome exited with code 1 and printed no error",
    },
    {
      what: "stopped by a signal after printing the reporter's notice",
      script: `echo '${NOTICE}' >&2\nkill -9 $$`,
      line: "formatting generated code failed: Biome was stopped by SIGKILL",
    },
    {
      what: "exiting 1 with the reason in its text output (the marked error line, not the header above it)",
      script: `echo '${NOTICE}' >&2\nprintf 'format ━━━━━━\\n\\n  × Something went wrong.\\n  \\n' >&2\nexit 1`,
      line: "formatting generated code failed: Biome exited with code 1: Something went wrong.",
    },
    {
      what: "exiting 2 with an unmarked line of its own",
      script: `echo '${NOTICE}' >&2\necho "thread 'main' panicked at src/main.rs" >&2\nexit 2`,
      line: "formatting generated code failed: Biome exited with code 2: thread 'main' panicked at src/main.rs",
    },
  ])("a Biome $what: one line saying so", async ({ script, line }) => {
    const dir = dirWith({ "ok.gen.ts": unformatted(1) });
    const biome = join(dir, "biome.sh");
    writeFileSync(biome, `#!/bin/sh\n${script}\n`);
    chmodSync(biome, 0o755);
    vi.stubEnv("BIOME_BINARY", biome);
    try {
      const error = await formatGenerated(dir).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).message).toBe(line);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
