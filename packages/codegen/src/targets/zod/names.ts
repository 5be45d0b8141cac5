import { camelCase, type Operation, type SpecModel, uniqueName } from "../../model/index.ts";
import { orvalOperationName } from "../react-query/operations.ts";

/**
 * The names @instantly-kit/zod exports (ADR 0031), decided here once for the transforms, the operation table and
 * the tests:
 *
 * - a component schema `Campaign` → `CampaignSchema` (the types package exports `Campaign`; a value and a type of
 *   one name in one import would clash in an app that imports both packages);
 * - per operation, orval's conventions on the camelCase operation name: `createLeadLabelBody`,
 *   `listCampaignQueryParams`, `getCampaignParams`, `getCampaignResponse` (the success response),
 *   `getCampaign404Response` (every other documented status with a JSON body). They start lower-case, so they
 *   never equal a component's `…Schema` name or any type of the types package (those are PascalCase).
 */
export interface OperationSchemaNames {
  /** The camelCase stem every name of the operation starts with. */
  stem: string;
  /** What orval's `operationName` answers for it (the hooks' rule, react-query/operations.ts). */
  orvalName: string;
  /** How orval's exports for it start (`<orvalPrefix>Params`…): PascalCase of `orvalName`, the model's name. */
  orvalPrefix: string;
  params: string;
  query: string;
  body: string;
  /** Status → export name, for every documented numeric status with a JSON body. */
  responses: ReadonlyMap<number, string>;
}

export const COMPONENT_SUFFIX = "Schema";

export function componentSchemaName(name: string): string {
  return `${name}${COMPONENT_SUFFIX}`;
}

/** The statuses of `operation` the table validates: numeric, documented, with a JSON body. */
export function jsonResponseStatuses(operation: Operation): number[] {
  return operation.responses
    .filter((response) => response.code !== undefined && response.json !== undefined)
    .map((response) => response.code as number);
}

export function operationSchemaNames(model: SpecModel): Map<string, OperationSchemaNames> {
  const taken = new Set<string>();
  const names = new Map<string, OperationSchemaNames>();
  for (const operation of model.operations) {
    const stem = uniqueName(camelCase(operation.name), taken);
    taken.add(stem);
    const responses = new Map<number, string>();
    for (const status of jsonResponseStatuses(operation)) {
      responses.set(
        status,
        status === operation.success?.code ? `${stem}Response` : `${stem}${status}Response`,
      );
    }
    names.set(operation.id, {
      stem,
      orvalName: orvalOperationName(operation),
      orvalPrefix: operation.name,
      params: `${stem}Params`,
      query: `${stem}QueryParams`,
      body: `${stem}Body`,
      responses,
    });
  }
  return names;
}
