// Every scratch entry a run names after its owner (src/fs/owner.ts) — generate's staging folders beside
// `src/generated`, generate's run folder in the temp folder (src/fs/scratch.ts), a lock's temporary file, the bundle's staging folder (test/startup/bundle.test.ts) — is removed by
// a later run only when its owner is a process of this host that is gone. A checkout shared with another machine or
// container (bind mount, network folder) holds entries whose pid means nothing here: they are never judged dead.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CliError } from "../src/errors.ts";
import { removeAbandoned } from "../src/fs/atomic.ts";
import { acquireLockFile, isLeftover } from "../src/fs/lock-file.ts";
import { ownerTag } from "../src/fs/owner.ts";
import { makeRunRoot, removeAbandonedRunRoots } from "../src/fs/scratch.ts";

const root = mkdtempSync(join(tmpdir(), "ik-scratch-owners-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A pid that was a process of this host a moment ago and is gone now. */
const deadPid = spawnSync(process.execPath, ["-e", "0"]).pid as number;
const thisHost = ownerTag().split(".")[0] as string;
const otherHost = thisHost === "0badc0de" ? "deadbeef" : "0badc0de";

// owner part of the name → removed by a later run?
const OWNERS: [string, string, boolean][] = [
  ["this host, process gone", `${thisHost}.${deadPid}`, true],
  ["this host, process running", `${thisHost}.${process.pid}`, false],
  ["another host, its pid not running here", `${otherHost}.${deadPid}`, false],
  ["another host, its pid running here", `${otherHost}.${process.pid}`, false],
  ["no host (an older version's name), process gone", `${deadPid}`, true],
  ["no host (an older version's name), process running", `${process.pid}`, false],
];

describe("generate's run folder in a temp folder it cannot use", () => {
  it.each([
    ["missing", () => join(root, "missing")],
    [
      "a file",
      () => {
        const file = join(root, "a-file");
        writeFileSync(file, "");
        return file;
      },
    ],
  ])("%s: one clear error line naming the folder, not a stack", async (_, parentOf) => {
    const parent = parentOf();
    const error = await makeRunRoot(parent).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toContain(JSON.stringify(parent));
    expect((error as CliError).message).toContain("TMPDIR");
    expect((error as CliError).message).not.toContain("\n");
  });
});

describe("a lock's stale copy named by an older version (no owner)", () => {
  it("is a leftover: no running process names one so", () => {
    expect(isLeftover(".pull.lock", ".pull.lock.stale-0123456789ab")).toBe(true);
    expect(isLeftover(".pull.lock", ".pull.lockXstale-0123456789ab")).toBe(false);
    expect(isLeftover(".pull.lock", ".pull.lock.stale-0123456789ab-x")).toBe(false);
  });
});

describe("the owner a run writes", () => {
  it("is this host and this process", () => {
    expect(ownerTag()).toMatch(new RegExp(`^[0-9a-f]{8}\\.${process.pid}$`));
  });
});

describe.each(OWNERS)("an entry owned by %s", (_, owner, removed) => {
  it(`generate's staging folders beside src/generated are ${removed ? "removed" : "kept"}`, async () => {
    const parent = mkdtempSync(join(root, "src-"));
    const dir = join(parent, "generated");
    const entries = [`.tmp-generated-${owner}-0123456789ab`, `.old-generated-${owner}-0123456789ab`];
    for (const entry of entries) mkdirSync(join(parent, entry, "nested"), { recursive: true });
    // Another folder's staging (same parent) is never this folder's to remove.
    const unrelated = `.tmp-generated-extra-${owner}-0123456789ab`;
    mkdirSync(join(parent, unrelated));
    await removeAbandoned(dir);
    for (const entry of entries) expect(existsSync(join(parent, entry)), entry).toBe(!removed);
    expect(existsSync(join(parent, unrelated))).toBe(true);
  });

  it(`generate's run folder in the temp folder is ${removed ? "removed" : "kept"}`, async () => {
    const parent = mkdtempSync(join(root, "tmp-"));
    const entry = `instantly-kit-generate-${owner}-aZ09bc`;
    mkdirSync(join(parent, entry, "instantly-kit-orval-x1Y2z3"), { recursive: true });
    // Not generate's run folders: another program's entry with the same start, and a folder named before owners
    // were written (no pid to judge by).
    const others = [`instantly-kit-generate-other-${owner}-aZ09bc`, "instantly-kit-generate-aZ09bc"];
    for (const other of others) mkdirSync(join(parent, other));
    await removeAbandonedRunRoots(parent);
    expect(existsSync(join(parent, entry))).toBe(!removed);
    for (const other of others) expect(existsSync(join(parent, other)), other).toBe(true);
  });

  it(`a lock's temporary file is ${removed ? "a leftover" : "not a leftover"}`, () => {
    expect(isLeftover(".pull.lock", `.pull.lock.new-${owner}-0123456789ab`)).toBe(removed);
    // A lock moved aside to be removed as stale (a live process's own lock, for a moment, when two take over).
    expect(isLeftover(".pull.lock", `.pull.lock.stale-${owner}-0123456789ab`)).toBe(removed);
    expect(isLeftover(".pull.lock", `.other.lock.stale-${owner}-0123456789ab`)).toBe(false);
    expect(isLeftover(".pull.lock", `.other.lock.new-${owner}-0123456789ab`)).toBe(false);
  });
});

// A sibling folder whose name is this folder's, `-`, and something that reads as an owner: its staging entries start
// with this folder's prefix (`.tmp-generated-`), and what follows must not be taken for an owner that is gone. The
// entries below belong to this process, which is running: none may be removed, whatever the sibling's name.
const SIBLINGS: [string, string][] = [
  ["a dead pid", `generated-${deadPid}`],
  ["this host and a dead pid", `generated-${thisHost}.${deadPid}`],
  ["digits only, 8 of them (a host hash can be all digits)", "generated-12345678"],
  ["digits, then more", `generated-${deadPid}-old`],
];

describe.each(SIBLINGS)("a sibling folder named after %s", (_, sibling) => {
  it("keeps its staging folders, owned by a running process, when this folder removes its own leftovers", async () => {
    const parent = mkdtempSync(join(root, "siblings-"));
    const entries = [
      `.tmp-${sibling}-${ownerTag()}-0123456789ab`,
      `.old-${sibling}-${ownerTag()}-0123456789ab`,
    ];
    for (const entry of entries) mkdirSync(join(parent, entry, "nested"), { recursive: true });
    await removeAbandoned(join(parent, "generated"));
    for (const entry of entries) expect(existsSync(join(parent, entry)), entry).toBe(true);
  });

  it("keeps a lock's temporary file of a running process", () => {
    expect(
      isLeftover(
        ".pull.lock",
        `.pull.lock.new-${sibling.slice("generated-".length)}-${ownerTag()}-0123456789ab`,
      ),
    ).toBe(false);
  });
});

// Containers sharing a checkout often run their processes under the same small pids. A lock this process held and
// someone deleted (the error message says to, when its owner is not running) and another host then took is that
// host's: releasing ours must not remove it because the pid written in it is ours.
describe("releasing a lock removes only the lock this process took", () => {
  const taker: [string, (mine: Record<string, unknown>) => Record<string, unknown>][] = [
    ["another host, the same pid", (mine) => ({ ...mine, host: `${mine.host}-other` })],
  ];
  it.each(taker)("a lock taken since by %s is kept", async (_, owner) => {
    const file = join(mkdtempSync(join(root, "lock-")), ".pull.lock");
    const held = await acquireLockFile(file, "spec:pull", ".pull.lock");
    const theirs = `${JSON.stringify(owner(JSON.parse(readFileSync(file, "utf8"))))}\n`;
    unlinkSync(file);
    writeFileSync(file, theirs);
    await held.release();
    expect(existsSync(file) && readFileSync(file, "utf8")).toBe(theirs);
  });

  it("its own lock is removed", async () => {
    const file = join(mkdtempSync(join(root, "lock-")), ".pull.lock");
    const held = await acquireLockFile(file, "spec:pull", ".pull.lock");
    await held.release();
    expect(existsSync(file)).toBe(false);
  });
});
