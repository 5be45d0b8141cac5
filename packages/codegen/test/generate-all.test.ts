// `generate all` (turbo's one `generate:packages` task, ADR 0034) against real processes in a scratch copy of the
// repo layout: it writes byte for byte what five single-target runs write, in one thread or several; a target that
// fails changes no package; and killed at every step it goes through (INSTANTLY_KIT_FAULT=list prints them, so a
// new step is covered without editing this file), each package's folder is the old tree, the new tree or absent —
// never a mix — and the next run ends in exactly the new trees with no staging directory left behind.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balance } from "../src/commands/generate.ts";
import { TARGET_NAMES } from "../src/targets/registry.ts";
import { leftovers, type Tree, tree, trees } from "./generated-trees.ts";
import { CLI, fixture } from "./helpers.ts";
import { createWorkspace, PACKAGES, run, type Workspace } from "./hostile-pipeline/workspace.ts";

/** A workspace with `spec` pulled (nothing generated yet). */
async function pulled(spec: Record<string, unknown>, prefix: string): Promise<Workspace> {
  const workspace = createWorkspace(prefix);
  workspaces.push(workspace);
  const file = workspace.writeFile("spec-source.json", JSON.stringify(spec));
  const result = await workspace.cli(["pull", "--source", file]);
  expect(result.code, result.stderr).toBe(0);
  return workspace;
}

async function pull(workspace: Workspace, spec: Record<string, unknown>): Promise<void> {
  const file = workspace.writeFile("spec-source.json", JSON.stringify(spec));
  const result = await workspace.cli(["pull", "--source", file]);
  expect(result.code, result.stderr).toBe(0);
}

function generateAll(workspace: Workspace, args: string[] = [], env: Record<string, string> = {}) {
  return run(process.execPath, [CLI, "generate", "all", ...args], {
    cwd: workspace.root,
    env: { ...process.env, INSTANTLY_KIT_ROOT: workspace.root, INSTANTLY_KIT_FAULT: "", ...env },
  });
}

const OLD = fixture("cursor-pagination.json");
const NEW = fixture("operation-docs.json");
const workspaces: Workspace[] = [];

afterAll(() => {
  for (const workspace of workspaces) workspace.remove();
});

describe("balance (how `generate all` spreads targets over threads)", () => {
  it.each([1, 2, 3, 4, 8])(
    "puts every target in exactly one of at most %i groups, orval's two together",
    (jobs) => {
      const groups = balance(TARGET_NAMES, jobs);
      expect(groups.length).toBeLessThanOrEqual(jobs);
      expect(groups.flat().sort()).toEqual([...TARGET_NAMES].sort());
      expect(groups.some((group) => group.includes("react-query") && group.includes("zod"))).toBe(true);
      expect(groups.every((group) => group.length > 0)).toBe(true);
    },
  );

  it("balances a subset too, and one job is everything in registry order", () => {
    expect(balance(["msw", "types"], 4).flat().sort()).toEqual(["msw", "types"]);
    expect(balance(TARGET_NAMES, 1)).toEqual([TARGET_NAMES]);
  });
});

describe("generate all", () => {
  let singles: Record<string, Tree | "absent">;
  let workspace: Workspace;

  beforeAll(async () => {
    workspace = await pulled(OLD, "ik-generate-all-");
    for (const name of PACKAGES) {
      const result = await workspace.cli(["generate", name]);
      expect(result.code, result.stderr).toBe(0);
    }
    singles = trees(workspace);
  });

  it.each(["--jobs 1", "--jobs 3", "as many threads as cores"])(
    "writes what five single-target runs write (%s)",
    async (flags) => {
      const args = flags.startsWith("--") ? flags.split(" ") : [];
      mkdirSync(join(workspace.packageDir("types"), "src", "generated", "stale-from-another-spec"), {
        recursive: true,
      });
      const result = await generateAll(workspace, args);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(
        /^generated 5 packages \(types, client, react-query, msw, zod\) from spec [0-9a-f]{12} in \d+ ms\n$/,
      );
      expect(trees(workspace)).toEqual(singles);
      expect(leftovers(workspace)).toEqual([]);
    },
  );

  it("refuses bad arguments in one line, before generating anything", async () => {
    for (const args of [
      ["generate"],
      ["generate", "all", "--jobs", "0"],
      ["generate", "all", "--jobs"],
      ["generate", "all", "--jobs", "1.5"],
      ["generate", "all", "--jobs", "0x2"],
      ["generate", "all", "--jobs", "1e1"],
      ["generate", "all", "--jobs=2"],
      ["generate", "all", "--verbose"],
      ["generate", "--jobs", "2"],
      ["generate", "nope"],
      ["generate", "toString"],
    ]) {
      const result = await run(process.execPath, [CLI, ...args], {
        cwd: workspace.root,
        env: { ...process.env, INSTANTLY_KIT_ROOT: workspace.root },
      });
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
    }
    expect(trees(workspace)).toEqual(singles);
  });

  it("changes no package when one target fails, and says which in one line", async () => {
    const failing = structuredClone(NEW) as { components: { schemas: Record<string, unknown> } };
    // The hooks reserve this name (targets/react-query/orval-options.ts): only react-query refuses the spec.
    failing.components.schemas.InstantlyApiError = { type: "object" };
    const before = trees(workspace);
    await pull(workspace, failing);
    const result = await generateAll(workspace, ["--jobs", "2"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "error: react-query: the spec defines a schema named InstantlyApiError, which the hooks reserve\n",
    );
    expect(trees(workspace)).toEqual(before);
    expect(leftovers(workspace)).toEqual([]);
  });
});

describe("clean generated all (turbo's //#clean:generated)", () => {
  it("empties every generated package's folder at the root, and nothing else; refuses elsewhere in one line", async () => {
    const workspace = await pulled(OLD, "ik-clean-all-");
    expect((await generateAll(workspace, ["--jobs", "1"])).code).toBe(0);
    const lock = readFileSync(join(workspace.root, "spec", "openapi.lock.json"), "utf8");
    const cleaned = await run(process.execPath, [CLI, "clean", "generated", "all"], {
      cwd: workspace.root,
      env: { ...process.env, INSTANTLY_KIT_ROOT: workspace.root },
    });
    expect(cleaned.code, cleaned.stderr).toBe(0);
    for (const name of PACKAGES) {
      expect(tree(workspace, name), name).toBe("absent");
      expect(existsSync(join(workspace.packageDir(name), "src", "index.ts")), name).toBe(true);
    }
    expect(readFileSync(join(workspace.root, "spec", "openapi.lock.json"), "utf8")).toBe(lock);
    const elsewhere = await run(process.execPath, [CLI, "clean", "generated", "all"], {
      cwd: workspace.packageDir("types"),
      env: { ...process.env, INSTANTLY_KIT_ROOT: workspace.root },
    });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toBe("error: clean … all runs at the workspace root\n");
  });
});

describe("generate, killed at every step", () => {
  // Every step of `generate all` is listed; the kills run on two targets in two threads (types and client: the
  // cheapest), because the staging and the swap are the same code for every target and a run of all five on a
  // loaded 2-core machine costs ~10 s per step.
  it("leaves each package old, new or absent, and the next run completes", { timeout: 900_000 }, async () => {
    const reference = await pulled(NEW, "ik-generate-all-list-");
    const stepsOf = (result: { stderr: string }) =>
      [...result.stderr.matchAll(/^fault-point: (.+)$/gm)].map((m) => m[1] as string);
    const listedAll = await generateAll(reference, ["--jobs", "1"], { INSTANTLY_KIT_FAULT: "list" });
    expect(listedAll.code, listedAll.stderr).toBe(0);
    expect(stepsOf(listedAll).sort()).toEqual(
      PACKAGES.flatMap((name) => [`generated ${name}`, `move aside ${name}`, `move in ${name}`]).sort(),
    );
    const fresh = trees(reference);

    const TWO = ["types", "client"] as const;
    const generateTwo = (env: Record<string, string> = {}) =>
      run(process.execPath, [CLI, "generate", ...TWO, "--jobs", "2"], {
        cwd: workspace.root,
        env: {
          ...process.env,
          INSTANTLY_KIT_ROOT: workspace.root,
          INSTANTLY_KIT_FAULT: "",
          TMPDIR: temp,
          ...env,
        },
      });
    const workspace = await pulled(OLD, "ik-generate-all-kill-");
    // The runs' own temp folder: what a killed run leaves there (its scratch folder) must be gone after the next.
    const temp = join(workspace.root, "tmp");
    mkdirSync(temp);
    expect((await generateTwo()).code).toBe(0);
    const old = trees(workspace);
    const generatedDir = (name: string) => join(workspace.packageDir(name as never), "src", "generated");
    const saved = join(workspace.root, "old-trees");
    for (const name of TWO) cpSync(generatedDir(name), join(saved, name), { recursive: true });
    await pull(workspace, NEW);
    const steps = stepsOf(await generateTwo({ INSTANTLY_KIT_FAULT: "list" }));
    expect(steps).toHaveLength(6);
    for (const step of steps) {
      // The old trees back in place: the kill must have something to tear.
      for (const name of TWO) {
        rmSync(generatedDir(name), { recursive: true, force: true });
        cpSync(join(saved, name), generatedDir(name), { recursive: true });
      }
      const killed = await generateTwo({ INSTANTLY_KIT_FAULT: `kill:${step}` });
      expect(killed.code, `${step}: ${killed.stderr}`).not.toBe(0);
      for (const name of TWO) {
        const now = tree(workspace, name);
        expect([old[name], fresh[name], "absent"], `${step}: packages/${name}/src/generated`).toContainEqual(
          now,
        );
      }
      const again = await generateTwo();
      expect(again.code, `${step}, then again: ${again.stderr}`).toBe(0);
      for (const name of TWO)
        expect(tree(workspace, name), `${step}, then again: ${name}`).toEqual(fresh[name]);
      expect(leftovers(workspace), `${step}, then again`).toEqual([]);
      // Node's own compile cache (src/startup/compile-cache.ts) lives there too, and is meant to stay.
      const inTemp = readdirSync(temp).filter((entry) => entry !== "node-compile-cache");
      expect(inTemp, `${step}, then again: the temp folder`).toEqual([]);
    }
  });
});
