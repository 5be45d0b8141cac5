import { stringLiteral } from "../../emit/index.ts";
import { buildModel, compareCodePoints, type HttpMethod, type SpecModel } from "../../model/index.ts";

/**
 * Operations whose success response is text (e.g. `text/csv` block-list download) and not JSON:
 * openapi-fetch parses as JSON unless told `parseAs: "text"`, so the client sets that for exactly these.
 */
export function textResponseOperations(model: SpecModel): { path: string; method: HttpMethod }[] {
  return model.operations.flatMap(({ path, method, answersText }) => (answersText ? [{ path, method }] : []));
}

/** Same as {@link textResponseOperations} from a document. */
export function findTextResponses(document: Record<string, unknown>): { path: string; method: HttpMethod }[] {
  return textResponseOperations(buildModel(document));
}

export function renderTextResponses(operations: { path: string; method: HttpMethod }[]): string {
  const byPath = new Map<string, HttpMethod[]>();
  for (const { path, method } of operations) byPath.set(path, [...(byPath.get(path) ?? []), method]);
  const entries = [...byPath.entries()]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(
      ([path, methods]) =>
        `  ${stringLiteral(path)}: { ${methods.map((m) => `${m.toUpperCase()}: true`).join(", ")} },`,
    );
  return [
    "/** Operations answering text (e.g. text/csv) rather than JSON, by path and method: parsed as text. */",
    "export const textResponses: Readonly<Record<string, Readonly<Record<string, true>>>> = {",
    ...entries,
    "};",
    "",
  ].join("\n");
}
