import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { GENERATED_BANNER, type Target } from "../target.ts";
import { findPaginatedOperations, renderPagination } from "./pagination.ts";
import { findTextResponses, renderTextResponses } from "./text-responses.ts";

/**
 * @instantly-kit/client: only the spec-derived runtime facts (which operations paginate, which answer
 * text). The typed surface comes from @instantly-kit/types' `paths` through openapi-fetch, so the client's
 * bundle does not grow with the number of operations.
 */
export const clientTarget: Target = {
  packageName: "@instantly-kit/client",
  packageDir: "client",
  async generate({ document, outDir }) {
    const files: Record<string, string> = {
      "pagination.gen.ts": renderPagination(findPaginatedOperations(document)),
      "text-responses.gen.ts": renderTextResponses(findTextResponses(document)),
    };
    for (const [name, text] of Object.entries(files))
      await writeFile(join(outDir, name), GENERATED_BANNER + text);
  },
};
