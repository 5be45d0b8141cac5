import { inspect } from "node:util";
import { unwrap } from "../src/index.js";

/** openapi-fetch's result, as the client resolves it. */
export type Result = { data?: unknown; error?: unknown; response: Response };

/**
 * Every text a caller could print or log from what a client call gave back: a thrown error (String, stack,
 * JSON, util.inspect with hidden fields and the cause chain) or a result (data, error, response URL, status
 * text and headers, util.inspect, and the error `unwrap()` would throw).
 */
export function printable(outcome: { result?: Result; error?: unknown }): string[] {
  const texts: string[] = [];
  const add = (error: unknown) => {
    texts.push(String(error), (error as Error).stack ?? "", JSON.stringify(error) ?? "");
    texts.push(inspect(error, { depth: 10, showHidden: true }));
    for (let cause = (error as Error).cause; cause; cause = (cause as Error).cause) {
      texts.push(String(cause), (cause as Error).stack ?? "");
    }
  };
  if (outcome.error !== undefined) add(outcome.error);
  texts.push(...stringsIn(outcome.error), ...stringsIn(outcome.result));
  if (outcome.result) {
    const { result } = outcome;
    texts.push(JSON.stringify(result.error) ?? "", JSON.stringify(result.data) ?? "");
    texts.push(
      inspect(result, { depth: 10, showHidden: true }),
      result.response.url,
      result.response.statusText,
    );
    texts.push(JSON.stringify([...result.response.headers]));
    if (!result.response.ok) {
      try {
        unwrap(result);
      } catch (error) {
        add(error);
        texts.push(...stringsIn(error));
      }
    }
  }
  return texts;
}

/**
 * Every string in a value (and every property name), unescaped: JSON.stringify and util.inspect escape
 * quotes and backslashes, so a key holding them would hide from a search of their output.
 */
export function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === "string") into.push(value);
  else if (value instanceof Error) {
    into.push(value.name, value.message, value.stack ?? "");
    for (const [name, item] of Object.entries(value)) into.push(name, ...stringsIn(item));
    if (value.cause !== undefined) stringsIn(value.cause, into);
  } else if (value instanceof Response) {
    into.push(value.url, value.statusText);
    for (const [name, item] of value.headers) into.push(name, item);
  } else if (typeof value === "object" && value !== null) {
    for (const [name, item] of Object.entries(value)) into.push(name, ...stringsIn(item));
  }
  return into;
}
