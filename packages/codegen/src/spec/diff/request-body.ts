import type { OperationContext } from "./context.ts";
import { changedDocFields } from "./docs.ts";
import { isObject, type JsonObject } from "./types.ts";

export function diffRequestBody(ctx: OperationContext): void {
  const oldBody = resolveBody(ctx, "old");
  const newBody = resolveBody(ctx, "new");
  if (!oldBody && !newBody) return;
  if (oldBody && !newBody) {
    ctx.report("request-body-removed", "request body removed");
    return;
  }
  if (!oldBody && newBody) {
    if (newBody.required === true) ctx.report("required-request-body-added", "required request body added");
    else ctx.report("optional-request-body-added", "optional request body added");
    return;
  }
  if (!oldBody || !newBody) return;
  const wasRequired = oldBody.required === true;
  const isRequired = newBody.required === true;
  if (!wasRequired && isRequired) ctx.report("request-body-made-required", "request body made required");
  if (wasRequired && !isRequired) ctx.report("request-body-made-optional", "request body made optional");
  const docs = changedDocFields(oldBody, newBody);
  if (docs.length > 0) ctx.report("request-body-docs-changed", `request body: ${docs.join(", ")} changed`);
  const oldContent = isObject(oldBody.content) ? oldBody.content : {};
  const newContent = isObject(newBody.content) ? newBody.content : {};
  for (const [mediaType, oldMedia] of Object.entries(oldContent)) {
    const newMedia = newContent[mediaType];
    const what = mediaType === "application/json" ? "request body" : `request body (${mediaType})`;
    if (newMedia === undefined) {
      ctx.report("request-media-type-removed", `request body no longer accepts ${mediaType}`);
      continue;
    }
    const oldSchema = isObject(oldMedia) ? oldMedia.schema : undefined;
    const newSchema = isObject(newMedia) ? newMedia.schema : undefined;
    ctx.compareSchema(oldSchema, newSchema, "request", what);
  }
  for (const mediaType of Object.keys(newContent)) {
    if (!Object.hasOwn(oldContent, mediaType)) {
      ctx.report("request-media-type-added", `request body now also accepts ${mediaType}`);
    }
  }
}

function resolveBody(ctx: OperationContext, side: "old" | "new"): JsonObject | undefined {
  const op = side === "old" ? ctx.oldOp : ctx.newOp;
  const doc = side === "old" ? ctx.comparer.oldDoc : ctx.comparer.newDoc;
  const body = op.operation.requestBody;
  return isObject(body) ? (doc.resolve(body) ?? {}) : undefined;
}
