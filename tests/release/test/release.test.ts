import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  catalogVersion,
  copyConsumerFixture,
  createConsumerProject,
  npmInstall,
  typecheck,
} from "./helpers/consumer.ts";
import { run, stop } from "./helpers/process.ts";
import { PUBLISHED, releaseScript, repoRoot } from "./helpers/repo.ts";
import { type LocalRegistry, startLocalRegistry } from "./helpers/verdaccio.ts";

// The whole release path against a real npm registry (Verdaccio on 127.0.0.1): `pnpm release` publishes the
// five packages, a project outside the workspace installs them with npm, type-checks an app file and runs it
// against the mock server the msw package ships.

const versions = Object.fromEntries(
  PUBLISHED.map((dir) => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, "packages", dir, "package.json"), "utf8"));
    return [manifest.name as string, manifest.version as string];
  }),
);

let registry: LocalRegistry;
const cleanup: string[] = [];

beforeAll(async () => {
  registry = await startLocalRegistry();
});

afterAll(async () => {
  await registry?.close();
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

async function startMockServer(bin: string, cwd: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [bin, "--port", "0"], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock server did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`mock server exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

describe("pnpm release to a local registry", () => {
  it("publishes all five packages with real version ranges", async () => {
    const result = await run(
      process.execPath,
      [releaseScript, "--skip-version", "--skip-build", "--no-git-checks", "--registry", registry.url],
      { cwd: repoRoot, env: { ...process.env, npm_config_userconfig: registry.npmrc }, timeoutMs: 480_000 },
    );
    expect(result.code, `${result.stdout}\n${result.stderr}\n${registry.log()}`).toBe(0);

    for (const [name, version] of Object.entries(versions)) {
      const response = await fetch(`${registry.url}/${name.replace("/", "%2f")}`);
      expect(response.status, name).toBe(200);
      const packument = (await response.json()) as { versions: Record<string, Record<string, unknown>> };
      const published = packument.versions[version];
      expect(published, `${name}@${version}`).toBeDefined();
      // pnpm rewrote workspace:/catalog: ranges to the real versions.
      const deps = { ...(published?.dependencies as object), ...(published?.peerDependencies as object) };
      for (const [dep, range] of Object.entries(deps)) {
        expect(String(range), `${name} → ${dep}`).not.toMatch(/^(workspace|catalog):/);
        if (dep in versions) expect(range).toBe(versions[dep]);
      }
    }
  });

  it("installs with npm outside the workspace, type-checks an app file and runs it against the mock server", async () => {
    const dir = createConsumerProject({
      ...versions,
      "@tanstack/react-query": catalogVersion("@tanstack/react-query"),
      msw: catalogVersion("msw"),
      react: catalogVersion("react"),
      "react-dom": catalogVersion("react-dom"),
      "@types/node": catalogVersion("@types/node"),
      "@types/react": catalogVersion("@types/react"),
      "@types/react-dom": catalogVersion("@types/react-dom"),
    });
    cleanup.push(dir);
    copyConsumerFixture(dir);

    let started = performance.now();
    const install = await npmInstall(dir, registry.npmrc);
    expect(install.code, `${install.stdout}\n${install.stderr}`).toBe(0);
    console.log(`npm install: ${Math.round(performance.now() - started)} ms`);
    for (const [name, version] of Object.entries(versions)) {
      const installed = JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8"));
      expect(installed.version, name).toBe(version);
    }

    started = performance.now();
    const types = await typecheck(dir);
    expect(types.code, types.stdout + types.stderr).toBe(0);
    console.log(`tsc: ${Math.round(performance.now() - started)} ms`);

    // The mock server as the installed package ships it (its bin), a real process on a free port.
    const server = await startMockServer(join(dir, "node_modules/@instantly-kit/msw/dist/bin/serve.js"), dir);
    try {
      const result = await run(process.execPath, ["consumer.ts", server.url], {
        cwd: dir,
        timeoutMs: 300_000,
      });
      expect(result.code, result.stderr).toBe(0);
      const seen = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}");
      expect(seen.createdLabel).toBe("From the registry");
      expect(seen.createdId).toMatch(/^[0-9a-f-]{36}$/);
      // Three labels created through the client, read back two per page.
      expect(seen.paginated).toEqual(["From the registry", "Second", "Third"]);
      expect(seen.notFoundStatus).toBe(404);
      // The suspense hook fetched through the same client and rendered the server's list.
      expect(seen.html).toBe("<ul><li>From the registry</li><li>Second</li><li>Third</li></ul>");
      expect(seen.cachedKey).toEqual(["instantly", "lead-labels", "list", { limit: 100 }]);
      expect(seen.activeLabel).toBe("Active"); // x-enumDescriptions of Campaign.status: 1 → Active
    } finally {
      await stop(server.child);
    }
  });
});

// The same consumer steps (install → tsc → run) notice a package that shipped broken. These are published
// with plain `npm publish`, bypassing `pnpm release` (whose checks would refuse them: see preflight.test.ts).
describe("a broken package fails the consumer check", () => {
  const typesDir = join(repoRoot, "packages", "types");
  const clientDir = join(repoRoot, "packages", "client");

  async function publishVariant(
    from: string,
    version: string,
    edit: (manifest: Record<string, unknown>, dir: string) => void,
  ) {
    const dir = mkdtempSync(join(tmpdir(), "instantly-kit-broken-pkg-"));
    cleanup.push(dir);
    cpSync(join(from, "package.json"), join(dir, "package.json"));
    cpSync(join(from, "dist"), join(dir, "dist"), { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    manifest.version = version;
    edit(manifest, dir);
    writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2));
    const published = await run(
      "npm",
      ["publish", "--registry", registry.url, "--tag", "broken", "--ignore-scripts"],
      {
        cwd: dir,
        env: { ...process.env, npm_config_userconfig: registry.npmrc },
      },
    );
    expect(published.code, published.stderr).toBe(0);
  }

  const consumerFile = [
    'import { CampaignStatus, campaignStatusLabel } from "@instantly-kit/types";',
    "console.log(campaignStatusLabel(CampaignStatus.Active));",
    "",
  ].join("\n");
  const consumerTsconfig = JSON.stringify({
    compilerOptions: {
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noEmit: true,
      types: [],
    },
    files: ["consumer.ts"],
  });

  async function consumeTypes(version: string) {
    const dir = createConsumerProject(
      { "@instantly-kit/types": version },
      { "consumer.ts": consumerFile, "tsconfig.json": consumerTsconfig },
    );
    cleanup.push(dir);
    const install = await npmInstall(dir, registry.npmrc);
    expect(install.code, install.stderr).toBe(0);
    const types = await typecheck(dir);
    const runResult = await run(process.execPath, ["consumer.ts"], { cwd: dir });
    return { types, run: runResult };
  }

  it("without its dist: tsc and node cannot resolve the package", async () => {
    await publishVariant(typesDir, "0.0.0-nodist.0", (_manifest, dir) =>
      rmSync(join(dir, "dist"), { recursive: true }),
    );
    const { types, run: ran } = await consumeTypes("0.0.0-nodist.0");
    expect(types.code).not.toBe(0);
    expect(types.stdout).toContain("Cannot find module '@instantly-kit/types'");
    expect(ran.code).not.toBe(0);
    expect(ran.stderr).toContain("ERR_MODULE_NOT_FOUND");
  });

  it("with an exports map pointing at files that do not exist: tsc and node fail", async () => {
    await publishVariant(typesDir, "0.0.0-badexports.0", (manifest) => {
      manifest.exports = { ".": { types: "./dist/main.d.ts", default: "./dist/main.js" } };
      delete manifest.types;
    });
    const { types, run: ran } = await consumeTypes("0.0.0-badexports.0");
    expect(types.code).not.toBe(0);
    expect(types.stdout).toContain("Cannot find module '@instantly-kit/types'");
    expect(ran.code).not.toBe(0);
    expect(ran.stderr).toContain("ERR_MODULE_NOT_FOUND");
  });

  it("with a workspace: range: npm cannot even install it", async () => {
    // The raw source manifest: "@instantly-kit/types": "workspace:*", which only pnpm publish rewrites.
    await publishVariant(clientDir, "0.0.0-workspace.0", () => {});
    const dir = createConsumerProject({ "@instantly-kit/client": "0.0.0-workspace.0" });
    cleanup.push(dir);
    const install = await npmInstall(dir, registry.npmrc);
    expect(install.code).not.toBe(0);
    expect(install.stderr).toMatch(/EUNSUPPORTEDPROTOCOL|Unsupported URL Type "workspace:"/);
  });
});
