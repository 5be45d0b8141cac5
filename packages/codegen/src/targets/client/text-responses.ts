import { stringLiteral } from "../../emit/index.ts";
import { type HttpMethod, isObject, operationsOf, successResponses } from "./operations.ts";

type Schema = Record<string, unknown>;

/**
 * Operations whose success response is text (e.g. `text/csv` block-list download) and not JSON:
 * openapi-fetch parses as JSON unless told `parseAs: "text"`, so the client sets that for exactly these.
 */
export function findTextResponses(document: Schema): { path: string; method: HttpMethod }[] {
  const found: { path: string; method: HttpMethod }[] = [];
  for (const { path, method, operation } of operationsOf(document)) {
    const types = successResponses(document, operation).flatMap((response) =>
      isObject(response.content) ? Object.keys(response.content) : [],
    );
    const json = types.some((type) => /json/i.test(type));
    if (!json && types.some((type) => /^text\//i.test(type))) found.push({ path, method });
  }
  return found;
}

export function renderTextResponses(operations: { path: string; method: HttpMethod }[]): string {
  const byPath = new Map<string, HttpMethod[]>();
  for (const { path, method } of operations) byPath.set(path, [...(byPath.get(path) ?? []), method]);
  const entries = [...byPath.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
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
