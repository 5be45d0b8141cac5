// `generate msw` through the real CLI against a temporary copy of the repo layout: same spec → same bytes,
// every file carries the banner, and a refused run leaves the previous output untouched.
import { createHash } from "node:crypto";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectPaths } from "../src/paths.ts";
import { GENERATED_BANNER } from "../src/targets/target.ts";
import { runCli } from "./cli.ts";

const real = projectPaths();
let root: string;

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        createHash("sha256")
          .update(readFileSync(join(dir, name)))
          .digest("hex"),
      ]),
  );
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ik-msw-generate-"));
  mkdirSync(join(root, "spec"));
  mkdirSync(join(root, "packages", "msw", "src"), { recursive: true });
  writeFileSync(join(root, "pnpm-workspace.yaml"), "packages: []\n");
  copyFileSync(real.spec, join(root, "spec", "openapi.json"));
  copyFileSync(real.lock, join(root, "spec", "openapi.lock.json"));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("generate msw", () => {
  const outDir = () => join(root, "packages", "msw", "src", "generated");

  it("writes the same bytes on every run, each file with the generated banner", async () => {
    const first = await runCli(root, ["generate", "msw"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^generated @instantly-kit\/msw from spec [0-9a-f]{12} in \d+ ms\n$/);
    const before = snapshot(outDir());
    expect(Object.keys(before)).toEqual([
      "handlers.gen.ts",
      "index.gen.ts",
      "operations.gen.ts",
      "resources.gen.ts",
      "responses.gen.ts",
      "stateful.gen.ts",
      "validation.gen.ts",
    ]);
    for (const name of Object.keys(before)) {
      expect(readFileSync(join(outDir(), name), "utf8").startsWith(GENERATED_BANNER)).toBe(true);
    }
    const second = await runCli(root, ["generate", "msw"]);
    expect(second.code).toBe(0);
    expect(snapshot(outDir())).toEqual(before);
  });

  it("refuses a spec that does not match the lock and leaves the output byte-identical", async () => {
    const before = snapshot(outDir());
    const spec = join(root, "spec", "openapi.json");
    const original = readFileSync(spec);
    writeFileSync(spec, `${original.toString("utf8").trimEnd()} `);
    try {
      const result = await runCli(root, ["generate", "msw"]);
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/^error: spec\/openapi.json .* does not match/);
      expect(snapshot(outDir())).toEqual(before);
    } finally {
      writeFileSync(spec, original);
    }
  });
});
