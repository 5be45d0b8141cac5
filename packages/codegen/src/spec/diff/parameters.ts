import type { OperationContext } from "./context.ts";
import { changedDocFields } from "./docs.ts";
import { parameterKey } from "./document.ts";
import { code } from "./markdown.ts";
import { isObject, type JsonObject, jsonEqual } from "./types.ts";

/** How a parameter is put on the wire: a change alters requests without changing their TypeScript type. */
const SERIALIZATION = ["style", "explode", "allowReserved", "allowEmptyValue"] as const;

/** Parameters are matched by location + name (`query:limit`); the operation's own override the path item's. */
export function diffParameters(ctx: OperationContext): void {
  const olds = new Map(ctx.oldOp.parameters.map((p) => [parameterKey(p), p]));
  const news = new Map(ctx.newOp.parameters.map((p) => [parameterKey(p), p]));
  for (const [key, oldParam] of olds) {
    const label = describe(oldParam);
    const newParam = news.get(key);
    if (!newParam) {
      ctx.report("parameter-removed", `${label} removed`);
      continue;
    }
    const wasRequired = oldParam.required === true;
    const isRequired = newParam.required === true;
    if (!wasRequired && isRequired) ctx.report("parameter-made-required", `${label} made required`);
    if (wasRequired && !isRequired) ctx.report("parameter-made-optional", `${label} made optional`);
    const serialization = SERIALIZATION.filter((field) => !jsonEqual(oldParam[field], newParam[field]));
    if (serialization.length > 0) {
      ctx.report("parameter-serialization-changed", `${label}: ${serialization.join(", ")} changed`);
    }
    const docs = changedDocFields(oldParam, newParam);
    if (docs.length > 0) ctx.report("parameter-docs-changed", `${label}: ${docs.join(", ")} changed`);
    ctx.compareSchema(parameterSchema(oldParam), parameterSchema(newParam), "request", label);
  }
  for (const [key, newParam] of news) {
    if (olds.has(key)) continue;
    const label = describe(newParam);
    if (newParam.required === true) ctx.report("required-parameter-added", `required ${label} added`);
    else ctx.report("optional-parameter-added", `optional ${label} added`);
  }
}

function describe(parameter: JsonObject): string {
  return `${String(parameter.in)} parameter ${code(String(parameter.name))}`;
}

/** A parameter's schema, or the schema of its single `content` entry (the other way OpenAPI allows). */
function parameterSchema(parameter: JsonObject): unknown {
  if (parameter.schema !== undefined) return parameter.schema;
  if (isObject(parameter.content)) {
    const first = Object.values(parameter.content)[0];
    if (isObject(first)) return first.schema;
  }
  return undefined;
}
