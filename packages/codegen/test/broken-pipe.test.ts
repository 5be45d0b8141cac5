// Every command whose output a reader stops reading early (`pnpm spec:diff a b | head -1`, a CI step that closes
// its log): the write after that fails with EPIPE. The command still runs to its end and exits with the code it
// has when its output is read — never a stack trace, never cut off between two writes of a pull or a generate.
// The reader's end of the pipe is closed before the command writes anything, so the first write already fails:
// no timing is involved.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectPaths } from "../src/paths.ts";
import { trees } from "./generated-trees.ts";
import { CLI, FIXTURES } from "./helpers.ts";
import { createWorkspace, type Workspace } from "./hostile-pipeline/workspace.ts";

const TIMEOUT = 240_000;
const OLD = join(FIXTURES, "cursor-pagination.json");
const NEW = join(FIXTURES, "operation-docs.json");
let workspace: Workspace;

beforeAll(async () => {
  workspace = createWorkspace("ik-broken-pipe-");
  const pulled = await workspace.cli(["pull", "--source", OLD]);
  expect(pulled.code, pulled.stderr).toBe(0);
  const app = join(workspace.root, "apps", "shop", "src", "api.ts");
  mkdirSync(dirname(app), { recursive: true });
  writeFileSync(
    app,
    'import { createInstantlyClient } from "@instantly-kit/client";\nexport const all = () => createInstantlyClient({ apiKey: "k" }).GET("/api/v2/widgets");\n',
  );
}, TIMEOUT);

afterAll(() => workspace?.remove());

interface Closed {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** What the command wrote to stderr, when stderr was left open. */
  stderr: string;
}

/** Runs the CLI with the reading end of stdout (and of stderr, if asked) closed before the command starts. */
function runClosed(args: string[], closeStderr: boolean): Promise<Closed> {
  const child: ChildProcess = spawn(process.execPath, [CLI, ...args], {
    cwd: workspace.root,
    env: { ...process.env, INSTANTLY_KIT_ROOT: workspace.root, INSTANTLY_KIT_FAULT: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.destroy();
  if (closeStderr) child.stderr?.destroy();
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });
}

const ROWS: { what: string; args: string[] }[] = [
  { what: "spec:diff, text", args: ["diff", OLD, NEW] },
  { what: "spec:diff --json", args: ["diff", OLD, NEW, "--json"] },
  { what: "scopes, text", args: ["scopes", "apps/shop"] },
  { what: "scopes --json", args: ["scopes", "apps/shop", "--json"] },
  { what: "generate (its report line)", args: ["generate", "client", "--jobs", "1"] },
  { what: "a usage error (one line on stderr, exit 2)", args: ["no-such-command"] },
  { what: "a bad argument (exit 2)", args: ["generate", "--jobs", "0x2", "types"] },
  { what: "a failing diff (a missing file)", args: ["diff", OLD, join(FIXTURES, "no-such-spec.json")] },
];

describe("output to a closed pipe", () => {
  it.each(ROWS.flatMap((row) => [false, true].map((closeStderr) => ({ ...row, closeStderr }))))(
    "$what (stderr closed too: $closeStderr): the exit code it has when read, no stack, no EPIPE",
    { timeout: TIMEOUT },
    async ({ args, closeStderr }) => {
      const read = await workspace.cli(args);
      const closed = await runClosed(args, closeStderr);
      expect(closed.signal).toBeNull();
      expect(closed.code, closed.stderr).toBe(read.code);
      expect(closed.stderr).not.toMatch(/EPIPE|\n\s+at /);
      // Whatever it says on stderr is what it says when its stdout is read.
      if (!closeStderr) expect(closed.stderr).toBe(read.stderr);
    },
  );

  it("pull and generate run to their end: the same spec, lock and packages as with their output read", {
    timeout: TIMEOUT,
  }, async () => {
    const paths = projectPaths(workspace.root);
    const closedPull = await runClosed(["pull", "--source", NEW], true);
    expect(closedPull.code).toBe(0);
    const spec = readFileSync(paths.spec, "utf8");
    const lock = readFileSync(paths.lock, "utf8");
    const changesets = readdirSync(join(workspace.root, ".changeset"));
    // OLD → NEW is an API change: the pull wrote its changeset.
    expect(changesets.length).toBeGreaterThan(0);
    const closedGenerate = await runClosed(["generate", "types", "client", "msw", "--jobs", "1"], true);
    expect(closedGenerate.code).toBe(0);
    const generated = trees(workspace);
    // The same commands with their output read change nothing more: the first runs were complete.
    const pulled = await workspace.cli(["pull", "--source", NEW]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toMatch(/^no API change since the previous spec: no changeset$/m);
    expect(readFileSync(paths.spec, "utf8")).toBe(spec);
    expect(readFileSync(paths.lock, "utf8")).toBe(lock);
    expect(readdirSync(join(workspace.root, ".changeset"))).toEqual(changesets);
    const generatedAgain = await workspace.cli(["generate", "types", "client", "msw", "--jobs", "1"]);
    expect(generatedAgain.code, generatedAgain.stderr).toBe(0);
    expect(trees(workspace)).toEqual(generated);
  });
});
