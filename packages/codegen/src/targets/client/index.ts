import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { GENERATED_BANNER, type Target } from "../target.ts";
import { renderOperationIds } from "./operation-ids.ts";
import { paginatedOperations, renderPagination } from "./pagination.ts";
import { renderTextResponses, textResponseOperations } from "./text-responses.ts";

/**
 * @instantly-kit/client: only the spec-derived runtime facts (which operations paginate, which answer
 * text, the operationId of each path and method). The typed surface comes from @instantly-kit/types' `paths`
 * through openapi-fetch. The operationId table (and the scopes table it looks up in @instantly-kit/types)
 * is the one part of the bundle that grows with the number of operations: the price of naming the operation
 * in a scope error before anything is sent (ADR 0027).
 */
export const clientTarget: Target = {
  packageName: "@instantly-kit/client",
  packageDir: "client",
  async generate({ model, outDir }) {
    const files: Record<string, string> = {
      "pagination.gen.ts": renderPagination(paginatedOperations(model)),
      "text-responses.gen.ts": renderTextResponses(textResponseOperations(model)),
      "operation-ids.gen.ts": renderOperationIds(model),
    };
    for (const [name, text] of Object.entries(files))
      await writeFile(join(outDir, name), GENERATED_BANNER + text);
  },
};
