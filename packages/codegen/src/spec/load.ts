import { CliError } from "../errors.ts";
import { normalize } from "./normalize/index.ts";
import { checkProtoProperties } from "./proto-keys.ts";
import { type ReadOptions, readSource } from "./read.ts";
import { describeRefCycles, findPureRefCycles } from "./ref-cycles.ts";
import { scrubSource, sourceLabel } from "./source-label.ts";
import { checkPathTemplates } from "./url-paths.ts";
import { checkOpenApiVersion, validateDocument } from "./validate.ts";

export interface LoadedSpec {
  /** The document as published (parsed, BOM stripped). */
  raw: unknown;
  /** The normalized document (what spec/openapi.json holds). */
  document: Record<string, unknown>;
  warnings: string[];
  /** The source as given, with any credentials masked (what messages and the lock show). */
  source: string;
}

/**
 * read → check it is OpenAPI 3.0/3.1 with valid path templates → normalize → refuse pure $ref cycles → validate. Any failure is a one-line CliError whose
 * message never contains credentials the source may carry.
 */
export async function loadSpec(source: string, options: ReadOptions = {}): Promise<LoadedSpec> {
  const label = sourceLabel(source);
  try {
    const raw = await readSource(source, options);
    checkOpenApiVersion(raw, label);
    checkPathTemplates(raw as Record<string, unknown>, label);
    checkProtoProperties(raw, label);
    let normalized: ReturnType<typeof normalize>;
    try {
      normalized = normalize(raw);
    } catch (error) {
      throw new CliError(
        `${label} could not be normalized: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const cycle = describeRefCycles(findPureRefCycles(normalized.document));
    if (cycle) throw new CliError(`${label} ${cycle}`);
    await validateDocument(normalized.document, label);
    return { raw, document: normalized.document, warnings: normalized.warnings, source: label };
  } catch (error) {
    if (error instanceof CliError) throw new CliError(scrubSource(error.message, source), error.exitCode);
    throw error;
  }
}
