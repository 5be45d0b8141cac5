/**
 * The spec writes the same error responses inline in every operation: the 401, 402, 404 and 429 bodies alone
 * appear ~240 times each, and openapi-typescript prints every copy — 27k of the 56k lines of openapi.gen.ts.
 * Every app that imports a hook or the client parses and binds all of them, whether it reads them or not, and
 * parsing is where an app's type-check time goes (ADR 0025). So the copy of the document given to
 * openapi-typescript gets each error response that occurs more than once, byte-for-byte identical, moved to
 * `components.responses` and referenced: openapi-typescript then prints `401: components["responses"]["Error401"]`
 * — the same type, declared once.
 *
 * Only the types target does this, on its own copy: the model every other target reads is untouched. Success
 * responses stay inline, so hovering `ResponseBody<"op">` or an operation shows its body directly.
 */

type Json = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** JSON with object keys sorted: two responses are "the same" when their canonical texts are equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Json)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** `400`, `4XX`, `default`: everything but 2xx (1xx and 3xx do not occur with bodies in this API, but share too). */
const isError = (status: string): boolean => !status.startsWith("2");

interface Use {
  responses: Json;
  status: string;
}

/**
 * Returns a copy of `document` whose repeated identical non-2xx inline responses are declared once in
 * `components.responses` (named `Error<status>`, then `Error<status>_2`… for other bodies with the same status,
 * the most used first) and referenced with `$ref`. Responses that occur once, success responses and responses
 * that already are `$ref`s are left as they are. Deterministic: the same document always gives the same names.
 */
export function shareRepeatedResponses(document: Readonly<Json>): Json {
  const copy = structuredClone(document) as Json;
  const groups = new Map<string, { response: Json; status: string; uses: Use[]; first: number }>();
  let order = 0;
  const paths = isObject(copy.paths) ? copy.paths : {};
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!isError(status) || !isObject(response) || "$ref" in response) continue;
        const key = `${status} ${canonical(response)}`;
        const group = groups.get(key) ?? { response, status, uses: [], first: order++ };
        group.uses.push({ responses: operation.responses, status });
        groups.set(key, group);
      }
    }
  }

  const shared = [...groups.values()]
    .filter((group) => group.uses.length > 1)
    .sort((a, b) => b.uses.length - a.uses.length || a.first - b.first);
  if (shared.length === 0) return copy;

  const components = isObject(copy.components) ? copy.components : {};
  copy.components = components;
  const declared = isObject(components.responses) ? components.responses : {};
  components.responses = declared;
  const perStatus = new Map<string, number>();
  for (const group of shared) {
    const status = group.status.replace(/[^A-Za-z0-9]/g, "");
    const base = `Error${status.charAt(0).toUpperCase()}${status.slice(1)}`;
    let name: string;
    do {
      const n = (perStatus.get(base) ?? 0) + 1;
      perStatus.set(base, n);
      name = n === 1 ? base : `${base}_${n}`;
    } while (name in declared);
    declared[name] = group.response;
    const ref = { $ref: `#/components/responses/${name}` };
    for (const use of group.uses) use.responses[use.status] = { ...ref };
  }
  return copy;
}
