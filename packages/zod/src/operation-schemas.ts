import type { OperationId } from "@instantly-kit/types";
import type { z } from "zod";

/** The schemas of one operation: what the validating client and `contract:check` look up by operationId. */
export interface OperationSchemas {
  /** The JSON request body, when the operation takes one. */
  readonly body?: z.ZodType;
  /** The query parameters, when the operation has any. */
  readonly query?: z.ZodType;
  /** The path parameters, when the path has any. */
  readonly params?: z.ZodType;
  /** The JSON body of every documented numeric status (success and errors); statuses without JSON are absent. */
  readonly responses: { readonly [status: number]: z.ZodType };
}

/** Every operation of the spec, by operationId. */
export type OperationSchemaTable = { readonly [K in OperationId]: OperationSchemas };
