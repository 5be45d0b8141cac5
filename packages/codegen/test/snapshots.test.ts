// Generated code for the hand-written fixtures is committed (test/snapshots/) and must match what the generator
// writes now, byte for byte. After an intended change: `UPDATE_SNAPSHOTS=1 npx vitest run test/snapshots.test.ts`,
// then review the diff of test/snapshots/ like any other code.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { GENERATED_BANNER } from "../src/targets/target.ts";
import { generateSnapshot, readTree, SNAPSHOT_FIXTURES, SNAPSHOT_TARGETS, snapshotDir } from "./snapshots.ts";

const update = process.env.UPDATE_SNAPSHOTS === "1";

describe.each(SNAPSHOT_FIXTURES)("generated code for %s", (fixture) => {
  test("matches the committed snapshot of every target, byte for byte", async () => {
    const generated = await generateSnapshot(fixture);
    const dir = snapshotDir(fixture);
    if (update) {
      rmSync(dir, { recursive: true, force: true });
      for (const [path, text] of generated) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
    }
    const committed = readTree(dir);
    // Same files (a new or vanished file is a change too), then the same bytes per file.
    expect([...generated.keys()]).toEqual([...committed.keys()]);
    for (const [path, text] of generated) expect(text, `${fixture}: ${path}`).toBe(committed.get(path));
    // Every target contributed, and every file carries the banner (generated code is marked as such).
    for (const target of SNAPSHOT_TARGETS) {
      expect([...generated.keys()].some((path) => path.startsWith(`${target.packageDir}/`))).toBe(true);
    }
    for (const [path, text] of generated) expect(text.startsWith(GENERATED_BANNER), path).toBe(true);
    // Generated code is told from hand-written code by its name: every file of every target is `*.gen.ts`.
    for (const path of generated.keys()) expect(path, `${fixture}: ${path}`).toMatch(/\.gen\.ts$/);
  });
});
