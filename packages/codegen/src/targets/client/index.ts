import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { GENERATED_BANNER, type Target } from "../target.ts";
import { paginatedOperations, renderPagination } from "./pagination.ts";
import { renderTextResponses, textResponseOperations } from "./text-responses.ts";

/**
 * @instantly-kit/client: only the spec-derived runtime facts (which operations paginate, which answer
 * text). The typed surface comes from @instantly-kit/types' `paths` through openapi-fetch, so the client's
 * bundle does not grow with the number of operations.
 */
export const clientTarget: Target = {
  packageName: "@instantly-kit/client",
  packageDir: "client",
  async generate({ model, outDir }) {
    const files: Record<string, string> = {
      "pagination.gen.ts": renderPagination(paginatedOperations(model)),
      "text-responses.gen.ts": renderTextResponses(textResponseOperations(model)),
    };
    for (const [name, text] of Object.entries(files))
      await writeFile(join(outDir, name), GENERATED_BANNER + text);
  },
};
