// `generate react-query` through the real CLI against a temporary repo layout: it writes the hooks, and when
// generation fails it prints one `error:` line, exits non-zero and leaves the previous hooks byte-identical.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { serializeLock, sha256 } from "../src/spec/lock.ts";
import { fingerprint, runCli } from "./cli.ts";
import { FIXTURES } from "./helpers.ts";

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

/**
 * A temp root holding the fixture spec and its lock; `operationId` replaces getThing's (the hooks refuse one that is
 * no identifier: it would become a function name).
 */
async function root(operationId?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ik-rq-cli-"));
  roots.push(dir);
  const document = JSON.parse(await readFile(join(FIXTURES, "react-query-operations.json"), "utf8"));
  if (operationId !== undefined) document.paths["/api/v2/things/{id}"].get.operationId = operationId;
  const spec = JSON.stringify(document);
  await mkdir(join(dir, "spec"));
  await writeFile(join(dir, "spec", "openapi.json"), spec);
  const counts = { paths: 0, operations: 0, schemas: 0 };
  await writeFile(
    join(dir, "spec", "openapi.lock.json"),
    serializeLock({
      source: "fixture",
      sha256: sha256(spec),
      pulledAt: "2026-01-01T00:00:00.000Z",
      counts,
      warnings: [],
    }),
  );
  const src = join(dir, "packages", "react-query", "src");
  await mkdir(join(src, "generated"), { recursive: true });
  return dir;
}

it("writes the hooks of the locked spec", async () => {
  const dir = await root();
  const result = await runCli(dir, ["generate", "react-query"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^generated @instantly-kit\/react-query from spec [0-9a-f]{12} in \d+ ms\n$/);
  const generated = join(dir, "packages", "react-query", "src", "generated");
  expect((await readdir(generated)).sort()).toEqual([
    "background-job.gen.ts",
    "index.gen.ts",
    "model.gen.ts",
    "resources.gen.ts",
    "thing.gen.ts",
  ]);
  expect(await readFile(join(generated, "thing.gen.ts"), "utf8")).toContain("export function useGetThing<");
});

it("a failed generation is one error line and leaves the previous hooks untouched", async () => {
  const dir = await root("get-thing");
  const generated = join(dir, "packages", "react-query", "src", "generated");
  await writeFile(join(generated, "index.gen.ts"), "// previous hooks\n");
  const before = await fingerprint([join(generated, "index.gen.ts")]);
  const result = await runCli(dir, ["generate", "react-query"]);
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(
    /^error: react-query: operationId of GET "\/api\/v2\/things\/\{id\}": [^\n]+\n$/,
  );
  expect(await fingerprint([join(generated, "index.gen.ts")])).toEqual(before);
  expect(await readdir(generated)).toEqual(["index.gen.ts"]);
  // No scratch directories left next to the package's sources.
  expect((await readdir(join(dir, "packages", "react-query", "src"))).sort()).toEqual(["generated"]);
});
