import { isSuccessStatus } from "../../model/index.ts";
import type { OperationContext } from "./context.ts";
import { changedDocFields } from "./docs.ts";
import { isObject, type JsonObject, jsonEqual } from "./types.ts";

export function diffResponses(ctx: OperationContext): void {
  const oldResponses = responsesOf(ctx, "old");
  const newResponses = responsesOf(ctx, "new");
  for (const [status, oldResponse] of oldResponses) {
    const newResponse = newResponses.get(status);
    if (!newResponse) {
      if (isSuccessStatus(status)) ctx.report("success-response-removed", `response ${status} removed`);
      else ctx.report("error-response-removed", `response ${status} removed`);
      continue;
    }
    const docs = changedDocFields(oldResponse, newResponse);
    if (docs.length > 0)
      ctx.report("response-docs-changed", `response ${status}: ${docs.join(", ")} changed`);
    if (!jsonEqual(oldResponse.headers, newResponse.headers)) {
      ctx.report("response-headers-changed", `response ${status}: headers changed`);
    }
    diffContent(ctx, status, oldResponse, newResponse);
  }
  for (const status of newResponses.keys()) {
    if (!oldResponses.has(status)) ctx.report("response-status-added", `response ${status} added`);
  }
}

function diffContent(
  ctx: OperationContext,
  status: string,
  oldResponse: JsonObject,
  newResponse: JsonObject,
): void {
  const oldContent = isObject(oldResponse.content) ? oldResponse.content : {};
  const newContent = isObject(newResponse.content) ? newResponse.content : {};
  for (const [mediaType, oldMedia] of Object.entries(oldContent)) {
    const newMedia = newContent[mediaType];
    const what =
      mediaType === "application/json" ? `response ${status}` : `response ${status} (${mediaType})`;
    if (newMedia === undefined) {
      if (isSuccessStatus(status)) ctx.report("response-media-type-removed", `${what} body removed`);
      else ctx.report("error-response-media-type-removed", `${what} body removed`);
      continue;
    }
    ctx.compareSchema(
      isObject(oldMedia) ? oldMedia.schema : undefined,
      isObject(newMedia) ? newMedia.schema : undefined,
      "response",
      what,
    );
  }
  for (const mediaType of Object.keys(newContent)) {
    if (!Object.hasOwn(oldContent, mediaType)) {
      ctx.report("response-media-type-added", `response ${status} now has a ${mediaType} body`);
    }
  }
}

function responsesOf(ctx: OperationContext, side: "old" | "new"): Map<string, JsonObject> {
  const op = side === "old" ? ctx.oldOp : ctx.newOp;
  const doc = side === "old" ? ctx.comparer.oldDoc : ctx.comparer.newDoc;
  const responses = isObject(op.operation.responses) ? op.operation.responses : {};
  const map = new Map<string, JsonObject>();
  for (const [status, response] of Object.entries(responses)) {
    map.set(status, isObject(response) ? (doc.resolve(response) ?? {}) : {});
  }
  return map;
}
