import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "./helpers/process.ts";
import { repoRoot } from "./helpers/repo.ts";

// `pnpm new:app` as a user runs it, on a scratch root holding only scripts/ and apps/ (no install: the
// end-to-end test, new-app.test.ts, installs and runs the app). What is checked here is the command's
// contract: bad input → one `error:` line, exit 1, nothing written; a good name → the template, named.

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "instantly-kit-new-app-"));
  cpSync(join(repoRoot, "scripts"), join(root, "scripts"), { recursive: true });
  cpSync(join(repoRoot, "package.json"), join(root, "package.json"));
  mkdirSync(join(root, "apps", "taken"), { recursive: true });
  writeFileSync(join(root, "apps", "taken", "keep.txt"), "mine\n");
  writeFileSync(join(root, "apps", "a-file"), "not a directory\n");
  symlinkSync(join(root, "nowhere"), join(root, "apps", "dangling"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const newApp = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  run(process.execPath, [join(root, "scripts", "new-app.ts"), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    timeoutMs: 300_000,
  });

/** Every path under apps/ with its content: what "nothing written" is compared on. */
function snapshot(dir = join(root, "apps")): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, snapshot(path));
    else if (entry.isSymbolicLink()) out[path] = "->";
    else out[path] = readFileSync(path, "utf8");
  }
  return out;
}

/** The template's files as the app must have them (`_gitignore` is the app's `.gitignore`). */
function templateFiles(dir = join(repoRoot, "scripts", "new-app", "template"), prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? templateFiles(join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name === "_gitignore" ? ".gitignore" : entry.name}`],
    )
    .sort();
}

const refusals: Array<[string, string[], RegExp]> = [
  ["no name", [], /^error: no app name given; usage: pnpm new:app/],
  ["two names", ["one", "two"], /^error: one app name at a time/],
  ["an unknown option", ["ok-name", "--force"], /^error: unknown option --force/],
  ["a name that looks like an option", ["-app"], /^error: unknown option -app/],
  ["an empty name", [""], /^error: app name "" must be lowercase/],
  ["upper case", ["MyApp"], /^error: app name "MyApp" must be lowercase/],
  ["a leading digit", ["1app"], /must be lowercase/],
  ["an underscore", ["my_app"], /must be lowercase/],
  ["a double hyphen", ["my--app"], /must be lowercase/],
  ["a trailing hyphen", ["app-"], /must be lowercase/],
  ["a dot", ["my.app"], /must be lowercase/],
  ["a slash", ["a/b"], /must be lowercase/],
  ["a parent path", ["../escape"], /must be lowercase/],
  ["a scope", ["@scope/app"], /must be lowercase/],
  ["whitespace", ["my app"], /must be lowercase/],
  ["non-ASCII", ["café"], /must be lowercase/],
  ["too long", ["a".repeat(51)], /^error: app name is 51 characters long; at most 50$/],
  ["an existing app", ["taken"], /^error: apps\/taken already exists; choose another name$/],
  ["an existing file", ["a-file"], /^error: apps\/a-file already exists/],
  ["an existing dangling symlink", ["dangling"], /^error: apps\/dangling already exists/],
];

describe("refuses bad input with one error line, exit 1 and nothing written", () => {
  it.each(refusals)("%s", async (_case, args, message) => {
    const before = snapshot();
    const result = await newApp([...args, "--no-install"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(snapshot()).toEqual(before);
  });
});

describe("creates the app", () => {
  it("writes every template file, named after the app, and leaves nothing else", async () => {
    const result = await newApp(["email-accounts2", "--no-install"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const files = templateFiles();
    expect(result.stdout).toContain(`created apps/email-accounts2 (${files.length} files)`);
    const app = join(root, "apps", "email-accounts2");
    const written = Object.keys(snapshot(app))
      .map((path) => path.slice(app.length + 1))
      .sort();
    expect(written).toEqual(files);
    const manifest = JSON.parse(readFileSync(join(app, "package.json"), "utf8"));
    expect(manifest.name).toBe("email-accounts2");
    expect(manifest.private).toBe(true);
    // Versions come from the catalog and the workspace only: one version of each dependency in the repo.
    for (const range of Object.values({ ...manifest.dependencies, ...manifest.devDependencies })) {
      expect(range).toMatch(/^(catalog:|workspace:\*)$/);
    }
    expect(readFileSync(join(app, "index.html"), "utf8")).toContain("<title>email-accounts2</title>");
    for (const text of Object.values(snapshot(app))) expect(text).not.toContain("__APP_NAME__");
    expect(readdirSync(join(root, "apps")).sort()).toEqual([
      "a-file",
      "dangling",
      "email-accounts2",
      "taken",
    ]);
  });

  it("of two runs for one name at once, exactly one creates it and the other refuses", async () => {
    const results = await Promise.all([newApp(["twin", "--no-install"]), newApp(["twin", "--no-install"])]);
    expect(results.map((result) => result.code).sort()).toEqual([0, 1]);
    const loser = results.find((result) => result.code === 1);
    expect(loser?.stderr.trim()).toBe("error: apps/twin already exists; choose another name");
    const app = join(root, "apps", "twin");
    expect(Object.keys(snapshot(app))).toHaveLength(templateFiles().length);
    expect(readdirSync(join(root, "apps")).filter((entry) => entry.startsWith("."))).toEqual([]);
  });

  it("killed before the app is in place: no app, and the next run cleans up and succeeds", async () => {
    const killed = await newApp(["halfway", "--no-install"], {
      INSTANTLY_KIT_FAULT: "new-app:before-rename",
    });
    expect(killed.code).not.toBe(0);
    const entries = readdirSync(join(root, "apps"));
    expect(entries).not.toContain("halfway");
    expect(entries.filter((entry) => entry.startsWith(".new-app-halfway-"))).toHaveLength(1);

    const again = await newApp(["halfway", "--no-install"]);
    expect(again.code).toBe(0);
    expect(readdirSync(join(root, "apps")).filter((entry) => entry.startsWith("."))).toEqual([]);
    expect(Object.keys(snapshot(join(root, "apps", "halfway")))).toHaveLength(templateFiles().length);
  });
});
