import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { RESERVED_TYPE_NAMES } from "../../model/index.ts";
import { GENERATED_BANNER, type Target } from "../target.ts";
import { renderEnums } from "./enums.ts";
import { renderOpenapiTypes } from "./openapi-ts.ts";
import { renderSchemaTypes } from "./schemas.ts";
import { renderScopes } from "./scopes.ts";

export { RESERVED_TYPE_NAMES };

/**
 * @instantly-kit/types: openapi.gen.ts (openapi-typescript), schemas.gen.ts (named types), enums.gen.ts,
 * scopes.gen.ts (the API-key scopes of each operation).
 */
export const typesTarget: Target = {
  packageName: "@instantly-kit/types",
  packageDir: "types",
  async generate({ model, outDir }) {
    // A component schema that is itself a numeric enum is exported by enums.gen.ts (constant + type of the same
    // name, the same union), not as a plain type alias: the model marks it not `exported`.
    const files: Record<string, string> = {
      "openapi.gen.ts": await renderOpenapiTypes(model.document),
      "schemas.gen.ts": renderSchemaTypes(
        model.schemas.filter((schema) => schema.exported),
        model.operations,
      ),
      "enums.gen.ts": renderEnums(model.enums),
      "scopes.gen.ts": renderScopes(model.operations),
    };
    for (const [name, text] of Object.entries(files))
      await writeFile(join(outDir, name), GENERATED_BANNER + text);
  },
};
