// JSON Schema's `uniqueItems: true` for the request bodies' arrays (ADR 0031): zod 4 has no such check. The generator
// writes `zod.unknown().check(uniqueItems).pipe(zod.array(…))` for each array of a body that the spec makes unique,
// so this sees the array as sent — not as zod parsed it, where an open object's unlisted keys are already dropped
// and two items that differ only there would look equal.
import type * as zod from "zod";

/** Objects' keys in one order, so that two equal JSON values print the same (`{a,b}` and `{b,a}`). */
function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  // `Object.fromEntries` defines each key, `__proto__` included (an assignment would set the prototype).
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Refuses an array with two items equal as JSON values — deep, key order irrelevant, as Ajv and the mocks compare
 * them (the body is sent as JSON: a key whose value is `undefined` is not there). The first repeat is reported at
 * its index, as the mock reports it, with Ajv's words; `params` says it the way the client's violations read
 * (`$.lead_ids[1]: expected unique items, got a repeat of item 0`). Anything but an array, or a value JSON cannot
 * print (a cycle, a bigint), is left to the array schema that follows.
 */
export function uniqueItems(payload: zod.core.ParsePayload<unknown>): void {
  const items = payload.value;
  if (!Array.isArray(items)) return;
  const seen = new Map<string, number>();
  for (let index = 0; index < items.length; index++) {
    let key: string;
    try {
      key = JSON.stringify(items[index], sortedKeys) ?? "null";
    } catch {
      return;
    }
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      continue;
    }
    payload.issues.push({
      code: "custom",
      path: [index],
      input: items[index],
      message: `must NOT have duplicate items (items ${first} and ${index} are identical)`,
      params: { expected: "unique items", got: `a repeat of item ${first}` },
    });
    return;
  }
}
