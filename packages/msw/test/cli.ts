// Test helpers: the built mock-server CLI as a real process, and raw HTTP requests to it (node:http, so a
// request goes out exactly as written: malformed escapes, HEAD, chunked bodies, lying Content-Length…).
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";

export const serveJs = fileURLToPath(new URL("../dist/bin/serve.js", import.meta.url));

export interface RunningCli {
  child: ChildProcess;
  url: string;
  port: number;
  output(): string;
  errors(): string;
}

/** Resolves once `child` prints the "listening on <url>" line. */
export async function waitForListening(child: ChildProcess, what = "server"): Promise<RunningCli> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${stdout}${stderr}`)), 120_000);
    child.stdout?.on("data", () => {
      const found = /listening on (http:\/\/[^\s]+)/.exec(stdout)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}: ${stdout}${stderr}`));
    });
  });
  return { child, url, port: Number(new URL(url).port), output: () => stdout, errors: () => stderr };
}

/** Starts the built CLI as a real process on a free port. */
export function startCli(args: string[] = []): Promise<RunningCli> {
  const child = spawn(process.execPath, [serveJs, "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return waitForListening(child);
}

/**
 * Runs the CLI with `args` to its exit (for argument errors). One still running after 120 s (it took the
 * arguments and started serving) is killed: code null.
 */
export async function runCli(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [serveJs, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, "exit");
  clearTimeout(timer);
  return { code: code as number | null, stdout, stderr };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  bytes: Buffer;
  /** The body parsed as JSON (undefined when empty or not JSON). */
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary response properties.
  json: any;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** Written as given; a string array is sent chunk by chunk (no Content-Length: chunked encoding). */
  body?: string | Buffer;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** One request exactly as written; resolves with the response as soon as it is complete. */
export function raw(base: string, options: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: hostname, port, method: options.method, path: options.path, headers: options.headers ?? {} },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const bytes = Buffer.concat(chunks);
          const text = bytes.toString("utf8");
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            bytes,
            json: parseJson(text),
          });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/** A JSON request through `raw`. */
export function json(base: string, method: string, path: string, body?: unknown): Promise<RawResponse> {
  return raw(base, {
    method,
    path,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
}
