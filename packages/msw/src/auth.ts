import { type OperationId, scopeGroups } from "@instantly-kit/types";
import { errorResponse } from "./handler.js";
import type { OperationSpec } from "./operation.js";

/** API keys the mock accepts, each with the scopes it was created with. */
export type MockApiKeys = Readonly<Record<string, readonly string[]>>;

/**
 * The API's answer to a request whose key cannot make the call, or undefined when it can: 401 without
 * `Authorization: Bearer <a known key>`, 403 when the key has no accepted scope of some group the operation
 * requires (the spec's scopes, from @instantly-kit/types). An operation whose scopes the spec does not document
 * is allowed for every known key. The key is never put in the response.
 */
export function authorize(
  operation: OperationSpec,
  request: Request,
  apiKeys: MockApiKeys,
): Response | undefined {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer +(\S+)\s*$/i.exec(header);
  const scopes = match
    ? Object.hasOwn(apiKeys, match[1] as string) && apiKeys[match[1] as string]
    : undefined;
  if (!scopes) {
    // The generic `{ statusCode, error, message }`: some operations document a 401/403 example of another shape,
    // but what a wrong key gets does not depend on the operation.
    return errorResponse(
      undefined,
      401,
      header === ""
        ? "Missing Authorization header: send `Authorization: Bearer <API key>`"
        : "Invalid API key",
    );
  }
  const granted = new Set(scopes);
  const missing = scopeGroups(operation.operationId as OperationId).find(
    (group) => !group.some((scope) => granted.has(scope)),
  );
  if (missing) {
    return errorResponse(
      undefined,
      403,
      `The API key lacks the scope for ${operation.operationId}: requires one of ${missing.join(", ")}`,
    );
  }
  return undefined;
}

/** Throws one line when `apiKeys` is not `{ key: [scope, …] }`: a typo there would make every request a 401. */
export function checkApiKeys(apiKeys: unknown): void {
  if (apiKeys === undefined) return;
  if (typeof apiKeys !== "object" || apiKeys === null || Array.isArray(apiKeys)) {
    throw new TypeError("apiKeys must be an object of API key → scopes");
  }
  for (const [key, scopes] of Object.entries(apiKeys)) {
    if (!/^[\x21-\x7e]+$/.test(key)) {
      throw new TypeError("apiKeys: a key must be visible ASCII without whitespace");
    }
    if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === "string")) {
      throw new TypeError("apiKeys: the scopes of each key must be an array of scope names");
    }
  }
}
