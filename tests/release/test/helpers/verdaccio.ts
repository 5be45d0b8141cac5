import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { freePort } from "./free-port.ts";
import { stop, waitForHttp } from "./process.ts";

export interface LocalRegistry {
  url: string;
  /** A user npmrc with a token for this registry: Verdaccio allows anonymous publish, npm still wants one. */
  npmrc: string;
  dir: string;
  /** Everything Verdaccio printed (for failure messages). */
  log(): string;
  close(): Promise<void>;
}

/**
 * A real npm registry on 127.0.0.1: Verdaccio with temporary storage. Our scope is local only (never proxied,
 * so nothing from the public registry can stand in for what we published); everything else is proxied to
 * registry.npmjs.org so the packages' own dependencies (openapi-fetch, react…) resolve.
 */
export async function startLocalRegistry(): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), "instantly-kit-registry-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = join(dir, "config.yaml");
  mkdirSync(join(dir, "storage"));
  writeFileSync(
    config,
    [
      `storage: ${join(dir, "storage")}`,
      "auth:",
      "  htpasswd:",
      `    file: ${join(dir, "htpasswd")}`,
      "uplinks:",
      "  npmjs:",
      "    url: https://registry.npmjs.org/",
      "    timeout: 60s",
      "packages:",
      "  '@instantly-kit/*':",
      "    access: $all",
      "    publish: $all",
      "    unpublish: $all",
      "  '**':",
      "    access: $all",
      "    publish: $authenticated",
      "    proxy: npmjs",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  const npmrc = join(dir, "npmrc");
  // Our scope comes from the local registry; everything else (react, openapi-fetch…) straight from the public
  // registry with npm's own cache, as in a company with a private scope. Verdaccio could proxy those too (its
  // uplink is configured), but through it every metadata request costs a second hop.
  writeFileSync(
    npmrc,
    [`@instantly-kit:registry=${url}/`, `//127.0.0.1:${port}/:_authToken=local-anonymous`, ""].join("\n"),
  );

  // Verdaccio's exports map hides bin/: find it next to its package.json.
  const bin = join(
    dirname(createRequire(import.meta.url).resolve("verdaccio/package.json")),
    "bin",
    "verdaccio",
  );
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, "--config", config, "--listen", `127.0.0.1:${port}`],
    {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  try {
    await waitForHttp(`${url}/-/ping`, child);
  } catch (error) {
    await stop(child);
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return {
    url,
    npmrc,
    dir,
    log: () => output,
    async close() {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
