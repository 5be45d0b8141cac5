import { CliError } from "../errors.ts";
import { normalize } from "./normalize/index.ts";
import { type ReadOptions, readSource } from "./read.ts";
import { checkOpenApiVersion, validateDocument } from "./validate.ts";

export interface LoadedSpec {
  /** The document as published (parsed, BOM stripped). */
  raw: unknown;
  /** The normalized document (what spec/openapi.json holds). */
  document: Record<string, unknown>;
  warnings: string[];
  source: string;
}

/** read → check it is OpenAPI 3.0/3.1 → normalize → validate. Any failure is one-line CliError. */
export async function loadSpec(source: string, options: ReadOptions = {}): Promise<LoadedSpec> {
  const raw = await readSource(source, options);
  checkOpenApiVersion(raw, source);
  let normalized: ReturnType<typeof normalize>;
  try {
    normalized = normalize(raw);
  } catch (error) {
    throw new CliError(
      `${source} could not be normalized: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  await validateDocument(normalized.document, source);
  return { raw, document: normalized.document, warnings: normalized.warnings, source };
}
