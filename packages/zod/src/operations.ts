// @instantly-kit/zod/operations: the schemas of every operation by operationId, for runtime validation. A
// subpath of its own because it references every schema of the API (nothing of it can be tree-shaken).
export { operationSchemas } from "./generated/operations.gen.js";
export type { OperationSchemas, OperationSchemaTable } from "./operation-schemas.js";
