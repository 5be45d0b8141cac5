// Reading a spec source: a local path or an http(s) URL → the parsed (not yet validated) document.
// Every failure is a CliError whose message is one line naming the source and what went wrong.
import { readFile, stat } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { CliError } from "../errors.ts";
import { hasUserInfo, sourceLabel } from "./source-label.ts";

export interface ReadOptions {
  /** Base for relative paths (the repository root for spec/sources.json entries). */
  cwd?: string;
  /** Whole-request budget across redirects. Env INSTANTLY_KIT_HTTP_TIMEOUT_MS overrides the default. */
  timeoutMs?: number;
  /** Larger documents are refused (and their download aborted). Env INSTANTLY_KIT_MAX_SPEC_BYTES. */
  maxBytes?: number;
  maxRedirects?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
// The newest spec is ~4 MB; 32 MiB leaves room to grow while refusing a runaway response.
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** The text of a source: file bytes or HTTP body, decoded as UTF-8 with any BOM stripped. */
export async function readSourceText(source: string, options: ReadOptions = {}): Promise<string> {
  if (hasUserInfo(source)) {
    // Refused rather than sent: fetch() cannot send them anyway, and a password in a URL ends up in
    // shell history, logs and committed files. (The message is masked by the caller: loadSpec.)
    throw new CliError(
      `${sourceLabel(source)} has credentials in the URL (user:password@): refused — spec:pull sends no credentials; use a URL that needs none`,
    );
  }
  const maxBytes = options.maxBytes ?? envNumber("INSTANTLY_KIT_MAX_SPEC_BYTES") ?? DEFAULT_MAX_BYTES;
  const bytes = isUrl(source)
    ? await fetchBytes(source, {
        timeoutMs: options.timeoutMs ?? envNumber("INSTANTLY_KIT_HTTP_TIMEOUT_MS") ?? DEFAULT_TIMEOUT_MS,
        maxBytes,
        maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
      })
    : await readLocal(source, options.cwd ?? process.cwd(), maxBytes);
  return stripBom(new TextDecoder("utf-8").decode(bytes));
}

/** Read + content checks + parse (JSON, or YAML). */
export async function readSource(source: string, options: ReadOptions = {}): Promise<unknown> {
  return parseSpecText(await readSourceText(source, options), source);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Content checks, then JSON (if it looks like JSON) or YAML. */
export function parseSpecText(text: string, source: string): unknown {
  const trimmed = text.trimStart();
  if (trimmed.length === 0) throw new CliError(`${source} is empty`);
  const head = trimmed.slice(0, 200).toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || /^<(head|body)[\s>]/.test(head)) {
    throw new CliError(`${source} is an HTML page, not an OpenAPI document`);
  }
  if (head.startsWith("<")) throw new CliError(`${source} is XML/HTML, not an OpenAPI document`);
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return parseJson(text, source);
  try {
    return parseYaml(text, { maxAliasCount: 1000 });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new CliError(`${source} is neither valid JSON nor valid YAML: ${message}`);
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A cut-off document: V8 says "Unexpected end of JSON input" (no position), or "Unterminated
    // string" when the cut falls inside a string (which can only end at the end of the input).
    const truncated = /end of (json )?input|unterminated string/i.test(message);
    const position = truncated ? text.length : Number(/position (\d+)/.exec(message)?.[1] ?? Number.NaN);
    const where = Number.isNaN(position) ? "" : ` at ${lineColumn(text, position)}`;
    const what = truncated ? "is truncated JSON (unexpected end of input)" : "is not valid JSON";
    const detail = truncated ? "" : `: ${message.replace(/\s*in JSON at position \d+.*$/, "")}`;
    throw new CliError(`${source} ${what}${where}${detail}`);
  }
}

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  return `line ${line}, column ${column} (offset ${position})`;
}

async function readLocal(source: string, cwd: string, maxBytes: number): Promise<Uint8Array> {
  const file = isAbsolute(source) ? source : resolve(cwd, source);
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliError(`${source} is not a file`);
    if (info.size > maxBytes)
      throw new CliError(`${source} is larger than the ${formatBytes(maxBytes)} limit`);
    return await readFile(file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`${source} does not exist (${file})`);
    throw new CliError(`cannot read ${source}: ${code ?? (error as Error).message}`);
  }
}

interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

/**
 * GET with one deadline for the whole exchange (redirects and body included), redirects followed by
 * hand so they are bounded and loops are named, and the body streamed so an oversized answer is cut
 * off instead of buffered.
 */
async function fetchBytes(source: string, limits: FetchLimits): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const seen = new Set<string>();
  let url = source;
  try {
    for (let redirects = 0; ; redirects++) {
      seen.add(url);
      const response = await fetch(url, {
        redirect: "manual",
        signal,
        headers: { accept: "application/json, application/yaml;q=0.9, */*;q=0.1" },
      });
      if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
        await response.body?.cancel();
        const next = new URL(response.headers.get("location") as string, url).href;
        if (seen.has(next)) throw new CliError(`${source} redirects in a loop (${url} → ${next})`);
        if (redirects + 1 > limits.maxRedirects) {
          throw new CliError(`${source} redirects more than ${limits.maxRedirects} times`);
        }
        url = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        const reason = response.statusText ? ` ${response.statusText}` : "";
        throw new CliError(`${source} answered HTTP ${response.status}${reason}`);
      }
      return await readBody(response, source, limits.maxBytes);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (signal.aborted) {
      throw new CliError(`${source} did not answer within ${formatMs(limits.timeoutMs)}`);
    }
    throw new CliError(`cannot reach ${source}: ${networkReason(error)}`);
  }
}

async function readBody(response: Response, source: string, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new CliError(`${source} is larger than the ${formatBytes(maxBytes)} limit`);
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === "ENOTFOUND" || cause?.code === "EAI_AGAIN") return `host not found (${cause.code})`;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function envNumber(name: string): number | undefined {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

const formatMs = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);
const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${bytes} bytes`;
