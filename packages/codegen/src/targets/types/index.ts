import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { GENERATED_BANNER, type Target } from "../target.ts";
import { collectNumericEnums, isNumericEnumSchema, renderEnums } from "./enums.ts";
import { renderOpenapiTypes } from "./openapi-ts.ts";
import { exportableSchemaNames, renderSchemaTypes } from "./schemas.ts";

/**
 * Names the types package exports besides the generated ones (see packages/types/src/index.ts);
 * a schema or enum with one of these names would clash, so it is skipped / renamed.
 */
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  "paths",
  "components",
  "operations",
  "webhooks",
  "$defs",
  "OperationId",
  "RequestBody",
  "ResponseBody",
  "QueryParams",
  "PathParams",
]);

/** @instantly-kit/types: openapi.gen.ts (openapi-typescript), schemas.gen.ts (named types), enums.gen.ts. */
export const typesTarget: Target = {
  packageName: "@instantly-kit/types",
  packageDir: "types",
  async generate({ document, outDir }) {
    // A component schema that is itself a numeric enum is exported by enums.gen.ts (constant + type of
    // the same name, the same union), not as a plain type alias.
    const schemas = (document.components as { schemas?: Record<string, unknown> } | undefined)?.schemas ?? {};
    const schemaNames = exportableSchemaNames(document, RESERVED_TYPE_NAMES).filter(
      (name) => !isNumericEnumSchema(schemas[name]),
    );
    const enums = collectNumericEnums(document, [...RESERVED_TYPE_NAMES, ...schemaNames]);
    const files: Record<string, string> = {
      "openapi.gen.ts": await renderOpenapiTypes(document),
      "schemas.gen.ts": renderSchemaTypes(schemaNames),
      "enums.gen.ts": renderEnums(enums),
    };
    for (const [name, text] of Object.entries(files))
      await writeFile(join(outDir, name), GENERATED_BANNER + text);
  },
};
