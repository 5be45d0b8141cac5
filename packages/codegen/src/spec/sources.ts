import { readFile } from "node:fs/promises";
import { CliError } from "../errors.ts";
import type { ProjectPaths } from "../paths.ts";

/** The committed, ordered list of places `spec:pull` tries (spec/sources.json). */
export async function readSources(paths: ProjectPaths): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(paths.sources, "utf8");
  } catch {
    throw new CliError(`cannot read the source list ${paths.sources}`);
  }
  let sources: unknown;
  try {
    sources = (JSON.parse(text) as { sources?: unknown }).sources;
  } catch {
    throw new CliError(`${paths.sources} is not valid JSON`);
  }
  if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => typeof s === "string" && s)) {
    throw new CliError(`${paths.sources} must hold { "sources": ["<url or path>", …] }`);
  }
  return sources as string[];
}
