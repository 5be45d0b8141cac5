// `mock:serve --data`, `--seed` and reload on a rebuilt package, against the real CLI process on 127.0.0.1.
// No timing assumptions: every wait is for a line the server prints or a state it reaches, with generous limits.

import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { json, type RunningCli, runCli, startCli, waitForListening } from "./cli.js";

const running: RunningCli[] = [];
const scratch: string[] = [];
afterAll(async () => {
  for (const cli of running) cli.child.kill("SIGTERM");
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function dataFile(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "mock-data-"));
  scratch.push(dir);
  const file = join(dir, "data.json");
  await writeFile(file, content);
  return file;
}

async function start(args: string[]): Promise<RunningCli> {
  const cli = await startCli(args);
  running.push(cli);
  return cli;
}

/** Resolves when the process has printed `pattern` (on stdout) `times` times in all; generous limit. */
async function printed(cli: RunningCli, pattern: RegExp, times = 1): Promise<void> {
  const deadline = Date.now() + 120_000;
  const count = () =>
    cli
      .output()
      .split("\n")
      .filter((line) => pattern.test(line)).length;
  while (count() < times) {
    if (Date.now() > deadline) throw new Error(`never printed ${pattern}: ${cli.output()}${cli.errors()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("--data <file.json>", () => {
  it("starts with the given items (partial ones filled in) and generated counts", async () => {
    const file = await dataFile(
      JSON.stringify({
        "lead-labels": [{ label: "Hot", interest_status_label: "positive" }, { label: "Cold" }],
        leads: 3,
      }),
    );
    const cli = await start(["--data", file]);
    const labels = await json(cli.url, "GET", "/api/v2/lead-labels?limit=100");
    expect(labels.status).toBe(200);
    expect(labels.json.items.map((item: { label: string }) => item.label)).toEqual(["Hot", "Cold"]);
    const leads = await json(cli.url, "POST", "/api/v2/leads/list", {});
    expect(leads.json.items).toHaveLength(3);
    expect(new Set(leads.json.items.map((lead: { email: string }) => lead.email)).size).toBe(3);
  });

  it.each([
    ["not JSON", "{ leads: ", /^error: --data .*data\.json: not valid JSON/],
    ["not an object", "[1, 2]", /^error: --data .*: data must be a JSON object of resource name → items$/],
    [
      "an unknown resource",
      '{"lead":[]}',
      /^error: --data .*: data: unknown resource 'lead' \(known: .*leads.*\)$/,
    ],
    [
      "a list of non-objects",
      '{"leads":[1]}',
      /^error: --data .*: data\.leads must be a list of item objects or a count/,
    ],
    [
      "an item of the wrong type",
      '{"lead-labels":[{"label":5}]}',
      /^error: --data .*: invalid item: data\.lead-labels\[0\]\.label: expected string, got number 5$/,
    ],
    [
      "an enum value outside the list",
      '{"lead-labels":[{"label":"x","interest_status_label":"maybe"}]}',
      /^error: --data .*: invalid item: data\.lead-labels\[0\]\.interest_status_label: expected one of/,
    ],
    [
      "a repeated id",
      '{"lead-labels":[{"id":"a","label":"x"},{"id":"a","label":"y"}]}',
      /^error: --data .*: data\.lead-labels: .*'a' already exists$/,
    ],
  ])("refuses %s: one error line, exit 2, nothing served", async (_name, content, message) => {
    const file = await dataFile(content);
    const result = await runCli(["--port", "0", "--data", file]);
    expect(result.code).toBe(2);
    expect(result.stdout).not.toMatch(/listening/);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it("refuses a missing file and --data with --stateless", async () => {
    const missing = await runCli(["--port", "0", "--data", join(tmpdir(), "no-such-mock-data.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toMatch(/^error: --data .*no-such-mock-data\.json: no such file$/);
    const file = await dataFile("{}");
    const stateless = await runCli(["--port", "0", "--stateless", "--data", file]);
    expect(stateless.code).toBe(2);
    expect(stateless.stderr.trim()).toBe("error: --data needs the stateful server (drop --stateless)");
  });
});

describe("request validation in the real process", () => {
  it("refuses a body that breaks the schema by default (nothing stored), accepts it with --no-validation", async () => {
    const bad = { label: 7, interest_status_label: "positive" };
    const [strict, lenient] = await Promise.all([start([]), start(["--no-validation"])]);
    const refused = await json(strict.url, "POST", "/api/v2/lead-labels", bad);
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({
      statusCode: 400,
      error: "Bad Request",
      message: "Invalid request: body.label: expected string, got number 7",
    });
    expect((await json(strict.url, "GET", "/api/v2/lead-labels")).json.items).toEqual([]);
    const query = await json(strict.url, "GET", "/api/v2/lead-labels?limit=many");
    expect(query.status).toBe(400);
    expect(query.json.message).toBe('Invalid request: query.limit: expected integer, got string "many"');
    expect((await json(lenient.url, "POST", "/api/v2/lead-labels", bad)).status).toBe(200);
    expect(lenient.output()).toMatch(/requests not validated/);
  });
});

describe("--seed <n>", () => {
  it("gives the same ids and data for the same seed, other ids for another", async () => {
    const file = await dataFile(JSON.stringify({ leads: 4, campaigns: 2 }));
    const [a, b, c] = await Promise.all([
      start(["--seed", "42", "--data", file]),
      start(["--seed", "42", "--data", file]),
      start(["--seed", "43", "--data", file]),
    ]);
    const leads = async (cli: RunningCli) =>
      (await json(cli.url, "POST", "/api/v2/leads/list", {})).json.items;
    const [first, second, third] = await Promise.all([
      leads(a as RunningCli),
      leads(b as RunningCli),
      leads(c as RunningCli),
    ]);
    expect(first).toHaveLength(4);
    expect(second).toEqual(first);
    expect(third.map((lead: { id: string }) => lead.id)).not.toEqual(
      first.map((lead: { id: string }) => lead.id),
    );
  });
});

describe("reload on a rebuilt package", () => {
  it("serves the new mocks without a restart, keeps the store, and keeps the old mocks when a build is broken", async () => {
    // A copy of the built package next to the real one (so msw and @instantly-kit/types resolve the same way),
    // rebuilt by hand below the way `pnpm sync` rewrites dist/.
    const packageDir = fileURLToPath(new URL("..", import.meta.url));
    const root = await mkdtemp(join(packageDir, ".test-reload-"));
    scratch.push(root);
    const dist = join(root, "dist");
    await cp(join(packageDir, "dist"), dist, { recursive: true });
    const child = spawn(process.execPath, [join(dist, "bin", "serve.js"), "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const cli = await waitForListening(child);
    running.push(cli);

    const created = await json(cli.url, "POST", "/api/v2/lead-labels", {
      label: "Kept",
      interest_status_label: "positive",
    });
    expect(created.status).toBe(200);
    const before = await json(cli.url, "GET", "/api/v2/workspaces/current");
    expect(before.status).toBe(200);
    const oldName = before.json.name as string;

    // "Regenerate": the workspace's default name changes in the built responses.
    const responses = join(dist, "generated", "responses.gen.js");
    const original = await readFile(responses, "utf8");
    expect(original).toContain(JSON.stringify(oldName));
    await writeFile(
      responses,
      original.replaceAll(JSON.stringify(oldName), JSON.stringify("Reloaded Workspace Inc")),
    );
    await printed(cli, /^reloaded the rebuilt mocks \(\d+ operations; kept 1 stored item\(s\)\)$/);
    expect((await json(cli.url, "GET", "/api/v2/workspaces/current")).json.name).toBe(
      "Reloaded Workspace Inc",
    );
    const labels = await json(cli.url, "GET", "/api/v2/lead-labels");
    expect(labels.json.items).toEqual([created.json]);
    // A new item after the reload gets an id no earlier item has.
    const next = await json(cli.url, "POST", "/api/v2/lead-labels", {
      label: "New",
      interest_status_label: "negative",
    });
    expect(next.status).toBe(200);
    expect(next.json.id).not.toBe(created.json.id);

    // A broken build (a syntax error half-way through a rebuild): one line, the previous mocks keep answering.
    const operations = join(dist, "generated", "operations.gen.js");
    const operationsText = await readFile(operations, "utf8");
    await writeFile(operations, `${operationsText}\nexport const broken = (;\n`);
    await printed(cli, /^reload failed, still serving the previous mocks: /);
    expect((await json(cli.url, "GET", "/api/v2/workspaces/current")).json.name).toBe(
      "Reloaded Workspace Inc",
    );
    expect((await json(cli.url, "GET", "/api/v2/lead-labels")).json.items).toHaveLength(2);

    // The fixed build is picked up again, with both items.
    await writeFile(operations, operationsText);
    await printed(cli, /^reloaded the rebuilt mocks \(\d+ operations; kept 2 stored item\(s\)\)$/);
    expect((await json(cli.url, "GET", "/api/v2/lead-labels")).json.items).toHaveLength(2);
    expect(cli.errors()).toBe("");
  }, 300_000); // spawns mock:serve and waits out two rebuild + reload cycles: generous on a loaded machine
});
