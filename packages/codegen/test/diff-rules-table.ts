// Every rule of the README (What an API change means), given → want: each row edits the hand-written base spec
// (fixtures/diff/base.json) in one way and lists, derived by hand from the rule, EVERY change the diff must
// report (`severity kind owner`). diff-rules.test.ts checks the diff against it; diff-oracle.test.ts checks that
// "major" is exactly what the compiler finds breaking for each row.
import type { Doc } from "./diff-helpers.ts";

export const lead = (d: Doc) => d.components.schemas.Lead;
export const label = (d: Doc) => d.components.schemas.LeadLabel;
export const createBody = (d: Doc) =>
  d.paths["/api/v2/leads"].post.requestBody.content["application/json"].schema;
export const listLead = (d: Doc) => d.paths["/api/v2/leads"].get;
export const param = (d: Doc, name: string) => listLead(d).parameters.find((p: Doc) => p.name === name);
export const byId = (d: Doc) => d.paths["/api/v2/leads/{id}"];

/** Operations whose responses reach Lead: its own 200s, and listCampaign through Campaign.leads. */
export const LEAD_OPS = ["createLead", "getLead", "listCampaign", "listLead", "patchLead"];

export interface Row {
  rule: string;
  edit: (doc: Doc) => void;
  want: string[];
  /** For schema-level changes: the operations listed as affected. */
  operations?: string[];
}

export const table: Record<string, Row[]> = {
  operations: [
    {
      rule: "operation removed",
      edit: (d) => delete byId(d).delete,
      want: ["major operation-removed deleteLead"],
    },
    {
      rule: "operation added",
      edit: (d) => {
        d.paths["/api/v2/campaigns"].post = {
          operationId: "createCampaign",
          responses: { 200: { description: "ok" } },
        };
      },
      want: ["minor operation-added createCampaign"],
    },
    {
      rule: "path changed (a trailing slash) = moved",
      edit: (d) => {
        d.paths["/api/v2/campaigns/"] = d.paths["/api/v2/campaigns"];
        delete d.paths["/api/v2/campaigns"];
      },
      want: ["major operation-moved listCampaign"],
    },
    {
      rule: "method changed = moved",
      edit: (d) => {
        byId(d).post = byId(d).delete;
        delete byId(d).delete;
      },
      want: ["major operation-moved deleteLead"],
    },
    {
      rule: "operationId renamed on the same method + path",
      edit: (d) => {
        byId(d).get.operationId = "fetchLead";
      },
      want: ["major operation-renamed fetchLead"],
    },
  ],
  parameters: [
    {
      rule: "parameter removed",
      edit: (d) => listLead(d).parameters.pop(),
      want: ["major parameter-removed listLead"],
    },
    {
      rule: "required parameter added",
      edit: (d) =>
        listLead(d).parameters.push({
          name: "campaign_id",
          in: "query",
          required: true,
          schema: { type: "string" },
        }),
      want: ["major required-parameter-added listLead"],
    },
    {
      rule: "optional parameter added",
      edit: (d) => listLead(d).parameters.push({ name: "sort", in: "query", schema: { type: "string" } }),
      want: ["minor optional-parameter-added listLead"],
    },
    {
      rule: "parameter made required",
      edit: (d) => {
        param(d, "limit").required = true;
      },
      want: ["major parameter-made-required listLead"],
    },
    {
      rule: "parameter made optional",
      edit: (d) => {
        d.paths["/api/v2/campaigns"].get.parameters[0].required = false;
      },
      want: ["minor parameter-made-optional listCampaign"],
    },
    {
      rule: "parameter type narrowed",
      edit: (d) => {
        param(d, "search").schema.type = "integer";
      },
      want: ["major request-type-narrowed listLead"],
    },
    {
      rule: "a path-item parameter belongs to every operation of the path",
      edit: (d) => {
        byId(d).parameters[0].schema.type = "number";
      },
      want: [
        "major request-type-narrowed deleteLead",
        "major request-type-narrowed getLead",
        "major request-type-narrowed patchLead",
      ],
    },
    {
      rule: "parameter description changed",
      edit: (d) => {
        param(d, "limit").description = "How many leads per page";
      },
      want: ["patch parameter-docs-changed listLead"],
    },
    {
      rule: "parameter maximum changed (validation only)",
      edit: (d) => {
        param(d, "limit").schema.maximum = 50;
      },
      want: ["minor validation-changed listLead"],
    },
    {
      rule: "parameter serialization changed",
      edit: (d) => {
        param(d, "search").style = "form";
        param(d, "search").explode = false;
      },
      want: ["minor parameter-serialization-changed listLead"],
    },
  ],
  "request bodies": [
    {
      rule: "request body removed",
      edit: (d) => delete d.paths["/api/v2/leads"].post.requestBody,
      want: ["major request-body-removed createLead"],
    },
    {
      rule: "request body made required",
      edit: (d) => {
        byId(d).patch.requestBody.required = true;
      },
      want: ["major request-body-made-required patchLead"],
    },
    {
      rule: "request body made optional",
      edit: (d) => {
        d.paths["/api/v2/leads"].post.requestBody.required = false;
      },
      want: ["minor request-body-made-optional createLead"],
    },
    {
      rule: "request body description changed",
      edit: (d) => {
        d.paths["/api/v2/leads"].post.requestBody.description = "The lead to create";
      },
      want: ["patch request-body-docs-changed createLead"],
    },
    {
      rule: "required request body added",
      edit: (d) => {
        byId(d).delete.requestBody = {
          required: true,
          content: { "application/json": { schema: { type: "object" } } },
        };
      },
      want: ["major required-request-body-added deleteLead"],
    },
    {
      rule: "optional request body added",
      edit: (d) => {
        byId(d).delete.requestBody = { content: { "application/json": { schema: { type: "object" } } } };
      },
      want: ["minor optional-request-body-added deleteLead"],
    },
    {
      rule: "request media type removed",
      edit: (d) => {
        d.paths["/api/v2/leads"].post.requestBody.content = {};
      },
      want: ["major request-media-type-removed createLead"],
    },
    {
      rule: "request media type added",
      edit: (d) => {
        d.paths["/api/v2/leads"].post.requestBody.content["multipart/form-data"] = {
          schema: { type: "object" },
        };
      },
      want: ["minor request-media-type-added createLead"],
    },
  ],
  "request schemas": [
    {
      rule: "required field added",
      edit: (d) => {
        createBody(d).properties.phone = { type: "string" };
        createBody(d).required.push("phone");
      },
      want: ["major request-required-field-added createLead"],
    },
    {
      rule: "optional field added",
      edit: (d) => {
        createBody(d).properties.phone = { type: "string" };
      },
      want: ["minor request-optional-field-added createLead"],
    },
    {
      rule: "field made required",
      edit: (d) => createBody(d).required.push("first_name"),
      want: ["major request-field-made-required createLead"],
    },
    {
      rule: "field made optional",
      edit: (d) => {
        createBody(d).required = [];
      },
      want: ["minor request-field-made-optional createLead"],
    },
    {
      rule: "field removed",
      edit: (d) => delete createBody(d).properties.first_name,
      want: ["major request-field-removed createLead"],
    },
    {
      // openapi-typescript keeps readOnly properties in request types (as `readonly`): callers may set them.
      rule: "readOnly fields are fields of the generated request type (removed, added as required)",
      edit: (d) => {
        delete createBody(d).properties.id;
        createBody(d).properties.created_at = { type: "string", readOnly: true };
        createBody(d).required.push("created_at");
      },
      want: ["major request-field-removed createLead", "major request-required-field-added createLead"],
    },
    {
      rule: "null no longer accepted",
      edit: (d) => {
        createBody(d).properties.first_name.type = "string";
      },
      want: ["major request-null-removed createLead"],
    },
    {
      rule: "null newly accepted",
      edit: (d) => {
        createBody(d).properties.score.type = ["integer", "null"];
      },
      want: ["minor request-null-allowed createLead"],
    },
    {
      rule: "type narrowed (string → number)",
      edit: (d) => {
        createBody(d).properties.first_name.type = ["number", "null"];
      },
      want: ["major request-type-narrowed createLead"],
    },
    {
      rule: "type widened (integer → integer | string)",
      edit: (d) => {
        createBody(d).properties.score.type = ["integer", "string"];
      },
      want: ["minor request-type-widened createLead"],
    },
    {
      rule: "free value constrained to an enum",
      edit: (d) => {
        createBody(d).properties.nickname.enum = ["a", "b"];
      },
      want: ["major request-enum-constrained createLead"],
    },
    {
      rule: "enum value removed",
      edit: (d) => {
        createBody(d).properties.status.enum = ["active"];
      },
      want: ["major enum-value-removed createLead"],
    },
    {
      rule: "enum value added",
      edit: (d) => createBody(d).properties.status.enum.push("archived"),
      want: ["minor enum-value-added createLead"],
    },
    {
      rule: "enum lifted (any string accepted)",
      edit: (d) => delete createBody(d).properties.status.enum,
      want: ["minor request-enum-lifted createLead"],
    },
    {
      rule: "integer → number",
      edit: (d) => {
        createBody(d).properties.score.type = "number";
      },
      want: ["minor integer-number-changed createLead"],
    },
    {
      rule: "format changed",
      edit: (d) => {
        createBody(d).properties.email.format = "idn-email";
      },
      want: ["minor validation-changed createLead"],
    },
    {
      rule: "pattern changed",
      edit: (d) => {
        createBody(d).properties.nickname.pattern = "^[a-z0-9]+$";
      },
      want: ["minor validation-changed createLead"],
    },
    {
      rule: "default changed",
      edit: (d) => {
        createBody(d).properties.nickname.default = "prospect";
      },
      want: ["minor validation-changed createLead"],
    },
    {
      rule: "readOnly changed",
      edit: (d) => {
        createBody(d).properties.nickname.readOnly = true;
      },
      want: ["minor validation-changed createLead"],
    },
    {
      rule: "additionalProperties changed",
      edit: (d) => {
        createBody(d).additionalProperties = false;
      },
      want: ["minor additional-properties-changed createLead"],
    },
    {
      rule: "union widened (oneOf branch added)",
      edit: (d) => createBody(d).properties.source.oneOf.push({ type: "boolean" }),
      want: ["minor oneOf-branch-added createLead"],
    },
    {
      rule: "union branches reordered: no change",
      edit: (d) => createBody(d).properties.source.oneOf.reverse(),
      want: [],
    },
    {
      rule: "union branches reordered and one changed: the change is found on the right branch",
      edit: (d) => {
        createBody(d).properties.source.oneOf = [{ type: "number", minimum: 0 }, { type: "string" }];
      },
      want: ["minor validation-changed createLead"],
    },
    {
      rule: "union narrowed (oneOf branch removed)",
      edit: (d) => createBody(d).properties.source.oneOf.pop(),
      want: ["major oneOf-branch-removed createLead"],
    },
    {
      rule: "any value → a type is a narrowing",
      edit: (d) => {
        createBody(d).properties.meta.type = "object";
      },
      want: ["major request-type-narrowed createLead"],
    },
    {
      rule: "tuple items changed",
      edit: (d) => {
        createBody(d).properties.tags.prefixItems = [{ type: "string" }];
      },
      want: ["major tuple-changed createLead"],
    },
  ],
  "response schemas (a shared schema: one change, with the operations it affects)": [
    {
      rule: "property removed",
      edit: (d) => delete lead(d).properties.note,
      want: ["major response-property-removed schema:Lead"],
      operations: LEAD_OPS,
    },
    {
      rule: "readOnly is ignored in requests only: a readOnly response property removed is breaking",
      edit: (d) => delete lead(d).properties.id,
      want: ["major response-property-removed schema:Lead"],
    },
    {
      rule: "property added",
      edit: (d) => {
        lead(d).properties.city = { type: "string" };
      },
      want: ["minor response-property-added schema:Lead"],
    },
    {
      rule: "property made optional",
      edit: (d) => {
        lead(d).required = ["id"];
      },
      want: ["major response-property-made-optional schema:Lead"],
    },
    {
      rule: "property made required",
      edit: (d) => lead(d).required.push("note"),
      want: ["minor response-property-made-required schema:Lead"],
    },
    {
      rule: "made nullable",
      edit: (d) => {
        lead(d).properties.email.type = ["string", "null"];
      },
      want: ["major response-made-nullable schema:Lead"],
    },
    {
      rule: "null dropped",
      edit: (d) => {
        lead(d).properties.score.type = "number";
      },
      want: ["minor response-null-removed schema:Lead"],
    },
    {
      rule: "type changed",
      edit: (d) => {
        lead(d).properties.email.type = "number";
      },
      want: ["major response-type-changed schema:Lead"],
    },
    {
      rule: "type widened is a type change for readers",
      edit: (d) => {
        lead(d).properties.note.type = ["string", "number"];
      },
      want: ["major response-type-changed schema:Lead"],
    },
    {
      rule: "enum value removed",
      edit: (d) => {
        lead(d).properties.status.enum = ["active"];
      },
      want: ["major enum-value-removed schema:Lead"],
    },
    {
      rule: "enum value added",
      edit: (d) => lead(d).properties.status.enum.push("archived"),
      want: ["minor enum-value-added schema:Lead"],
    },
    {
      rule: "enum lifted (readers' exhaustive checks break)",
      edit: (d) => delete lead(d).properties.status.enum,
      want: ["major response-enum-lifted schema:Lead"],
    },
    {
      rule: "free value constrained to an enum (readers' comparisons with other values stop compiling)",
      edit: (d) => {
        lead(d).properties.note.enum = ["x", "y"];
      },
      want: ["major response-enum-constrained schema:Lead"],
    },
    {
      rule: "integer → number",
      edit: (d) => {
        lead(d).properties.rank.type = "number";
      },
      want: ["minor integer-number-changed schema:Lead"],
    },
    {
      rule: "map value type changed",
      edit: (d) => {
        lead(d).properties.payload.additionalProperties = { type: "number" };
      },
      want: ["major response-type-changed schema:Lead"],
    },
    {
      rule: "map values typed → any value: readers get `unknown` where they had `string`",
      edit: (d) => {
        lead(d).properties.payload.additionalProperties = true;
      },
      want: ["major response-index-signature-changed schema:Lead"],
    },
    {
      rule: "index signature added to an object with declared properties: readers lose nothing",
      edit: (d) => {
        lead(d).additionalProperties = true;
      },
      want: ["minor response-index-signature-added schema:Lead"],
    },
    {
      rule: "inline response schema: property removed is reported on its operation",
      edit: (d) =>
        delete byId(d).delete.responses["200"].content["application/json"].schema.properties.deleted,
      want: ["major response-property-removed deleteLead"],
    },
    {
      rule: "$ref → allOf [$ref, extra properties] only adds properties",
      edit: (d) => {
        byId(d).get.responses["200"].content["application/json"].schema = {
          allOf: [
            { $ref: "#/components/schemas/Lead" },
            { type: "object", properties: { tags: { type: "array", items: { type: "string" } } } },
          ],
        };
      },
      want: ["minor response-property-added getLead"],
    },
    {
      rule: "union widened (anyOf branch added) is breaking for readers",
      edit: (d) => lead(d).properties.owner.anyOf.push({ type: "boolean" }),
      want: ["major anyOf-branch-added schema:Lead"],
    },
    {
      rule: "union narrowed (anyOf branch removed) is a type change for readers too",
      edit: (d) => lead(d).properties.owner.anyOf.pop(),
      want: ["major anyOf-branch-removed schema:Lead"],
    },
    {
      rule: "unknown keyword or extension changed",
      edit: (d) => {
        lead(d).properties.note["x-internal"] = true;
      },
      want: ["patch annotation-changed schema:Lead"],
    },
    {
      rule: "a schema no operation uses is compared as a response schema",
      edit: (d) => delete d.components.schemas.Tag.properties.name,
      want: ["major response-property-removed schema:Tag"],
      operations: [],
    },
  ],
  "schemas used in both directions": [
    {
      rule: "a removed field is reported per direction, with the operations of each",
      edit: (d) => {
        delete label(d).properties.name;
        label(d).required = [];
      },
      want: [
        "major request-field-removed schema:LeadLabel",
        "major response-property-removed schema:LeadLabel",
      ],
    },
    {
      rule: "a required field added breaks requests, adds to responses",
      edit: (d) => {
        label(d).properties.color = { type: "string" };
        label(d).required.push("color");
      },
      want: [
        "major request-required-field-added schema:LeadLabel",
        "minor response-property-added schema:LeadLabel",
      ],
    },
    {
      rule: "a documentation change is reported once",
      edit: (d) => {
        label(d).properties.name.description = "The label's name";
      },
      want: ["patch docs-changed schema:LeadLabel"],
      operations: LEAD_OPS,
    },
    {
      rule: "a change inside a recursive schema terminates and is reported once per direction",
      edit: (d) => {
        label(d).properties.name.type = "number";
      },
      want: ["major request-type-narrowed schema:LeadLabel", "major response-type-changed schema:LeadLabel"],
    },
  ],
  responses: [
    {
      rule: "2xx response removed (and another added)",
      edit: (d) => {
        byId(d).delete.responses = { 204: { description: "Deleted" } };
      },
      want: ["major success-response-removed deleteLead", "minor response-status-added deleteLead"],
    },
    {
      rule: "non-2xx response removed",
      edit: (d) => delete byId(d).get.responses["404"],
      want: ["minor error-response-removed getLead"],
    },
    {
      rule: "status code added",
      edit: (d) => {
        byId(d).get.responses["429"] = { description: "Too many requests" };
      },
      want: ["minor response-status-added getLead"],
    },
    {
      rule: "response media type added",
      edit: (d) => {
        d.paths["/api/v2/campaigns"].get.responses["200"].content["text/csv"] = {
          schema: { type: "string" },
        };
      },
      want: ["minor response-media-type-added listCampaign"],
    },
    {
      rule: "response description changed",
      edit: (d) => {
        byId(d).get.responses["404"].description = "No such lead";
      },
      want: ["patch response-docs-changed getLead"],
    },
    {
      rule: "2xx response body removed",
      edit: (d) => delete d.paths["/api/v2/campaigns"].get.responses["200"].content,
      want: ["major response-media-type-removed listCampaign"],
    },
    {
      rule: "error response body removed",
      edit: (d) => delete listLead(d).responses["401"].content,
      want: ["minor error-response-media-type-removed listLead"],
    },
    {
      rule: "error response property removed is still a response property removed",
      edit: (d) => delete listLead(d).responses["401"].content["application/json"].schema.properties.message,
      want: ["major response-property-removed listLead"],
    },
    {
      rule: "a body added to a bodiless response",
      edit: (d) => {
        byId(d).get.responses["404"].content = { "application/json": { schema: { type: "object" } } };
      },
      want: ["minor response-media-type-added getLead"],
    },
    {
      rule: "response headers changed",
      edit: (d) => {
        byId(d).get.responses["200"].headers = { "x-rate-limit": { schema: { type: "integer" } } };
      },
      want: ["minor response-headers-changed getLead"],
    },
  ],
  // The cases the diff misjudged before it compared the TypeScript types openapi-typescript emits (issue 9).
  "TypeScript semantics of the generated types": [
    {
      rule: "additionalProperties: true added to a keyless response object (Record<string, never> → index signature)",
      edit: (d) => {
        lead(d).properties.settings.additionalProperties = true;
      },
      want: ["major response-index-signature-changed schema:Lead"],
    },
    {
      rule: "additionalProperties: true added to a keyless request object (callers may send more)",
      edit: (d) => {
        createBody(d).properties.config.additionalProperties = true;
      },
      want: ["minor request-index-signature-widened createLead"],
    },
    {
      rule: "a request object loses its index signature (extra keys become excess properties)",
      edit: (d) => {
        delete createBody(d).properties.options.additionalProperties;
      },
      want: ["major request-index-signature-narrowed createLead"],
    },
    {
      rule: "a request object's index signature closed with additionalProperties: false",
      edit: (d) => {
        createBody(d).properties.options.additionalProperties = false;
      },
      want: ["major request-index-signature-narrowed createLead"],
    },
    {
      rule: "a request array wrapped into a oneOf with another type is a widening",
      edit: (d) => {
        createBody(d).properties.tags = { oneOf: [createBody(d).properties.tags, { type: "string" }] };
      },
      want: ["minor oneOf-branch-added createLead"],
    },
    {
      rule: "a response array wrapped into a oneOf with another type: readers get a new case",
      edit: (d) => {
        const leads = d.components.schemas.Campaign.properties.leads;
        d.components.schemas.Campaign.properties.leads = { oneOf: [leads, { type: "string" }] };
      },
      want: ["major oneOf-branch-added schema:Campaign"],
    },
    {
      rule: "an array wrapped into a one-branch oneOf is the same type",
      edit: (d) => {
        createBody(d).properties.tags = { oneOf: [createBody(d).properties.tags] };
      },
      want: [],
    },
    {
      rule: "type: [null, number] rewritten as oneOf: [number, null] (the same TypeScript type)",
      edit: (d) => {
        lead(d).properties.score = { oneOf: [{ type: "number" }, { type: "null" }] };
        createBody(d).properties.first_name = { anyOf: [{ type: "null" }, { type: "string" }] };
      },
      want: [],
    },
  ],
  renames: [
    {
      rule: "enum values replaced one for one: a rename",
      edit: (d) => {
        lead(d).properties.status.enum = ["active", "halted"];
      },
      want: ["major enum-value-renamed schema:Lead"],
    },
    {
      rule: "a response property removed and another added with the same schema: a rename",
      edit: (d) => {
        lead(d).properties.remark = lead(d).properties.note;
        delete lead(d).properties.note;
      },
      want: ["major response-property-renamed schema:Lead"],
    },
    {
      rule: "a request field removed and another added with the same schema: a rename",
      edit: (d) => {
        createBody(d).properties.nick = createBody(d).properties.nickname;
        delete createBody(d).properties.nickname;
      },
      want: ["major request-field-renamed createLead"],
    },
    {
      rule: "a required request field renamed to an optional one is a removal plus an addition",
      edit: (d) => {
        createBody(d).properties.mail = createBody(d).properties.email;
        delete createBody(d).properties.email;
        createBody(d).required = [];
      },
      want: ["major request-field-removed createLead", "minor request-optional-field-added createLead"],
    },
  ],
  "documentation only": [
    {
      rule: "operation description",
      edit: (d) => {
        listLead(d).description = "Lists the leads of the workspace.";
      },
      want: ["patch operation-docs-changed listLead"],
    },
    {
      rule: "operation summary",
      edit: (d) => {
        listLead(d).summary = "List all leads";
      },
      want: ["patch operation-docs-changed listLead"],
    },
    {
      rule: "operation tags",
      edit: (d) => {
        listLead(d).tags = ["Leads"];
      },
      want: ["patch operation-docs-changed listLead"],
    },
    {
      rule: "operation deprecated",
      edit: (d) => {
        listLead(d).deprecated = true;
      },
      want: ["patch operation-docs-changed listLead"],
    },
    {
      rule: "schema example",
      edit: (d) => {
        createBody(d).properties.email.example = "b@example.test";
      },
      want: ["patch docs-changed createLead"],
    },
    {
      rule: "schema examples",
      edit: (d) => {
        lead(d).properties.email.examples = ["c@example.test"];
      },
      want: ["patch docs-changed schema:Lead"],
    },
    {
      rule: "x-enumDescriptions",
      edit: (d) => {
        createBody(d).properties.status["x-enumDescriptions"].paused = "On hold";
      },
      want: ["patch docs-changed createLead"],
    },
    {
      rule: "schema title",
      edit: (d) => {
        d.components.schemas.Campaign.title = "Marketing Campaign";
      },
      want: ["patch docs-changed schema:Campaign"],
      operations: ["listCampaign"],
    },
    {
      rule: "property deprecated",
      edit: (d) => {
        lead(d).properties.note.deprecated = true;
      },
      want: ["patch docs-changed schema:Lead"],
    },
    {
      rule: "document info",
      edit: (d) => {
        d.info.description = "Another description";
      },
      want: ["patch document-docs-changed document"],
    },
    {
      rule: "operation security requirements",
      edit: (d) => {
        listLead(d).security = [];
      },
      want: ["patch operation-security-changed listLead"],
    },
    {
      rule: "servers",
      edit: (d) => {
        d.servers = [{ url: "https://api.example.test/v2" }];
      },
      want: ["patch document-docs-changed document"],
    },
  ],
  "component schemas": [
    {
      rule: "schema added",
      edit: (d) => {
        d.components.schemas.Segment = {
          title: "Segment",
          type: "object",
          properties: { id: { type: "string" } },
        };
      },
      want: ["minor schema-added schema:Segment"],
    },
    {
      rule: "schema removed (its one use inlined, same shape)",
      edit: (d) => {
        d.paths["/api/v2/campaigns"].get.responses["200"].content["application/json"].schema.items =
          d.components.schemas.Campaign;
        delete d.components.schemas.Campaign;
      },
      want: ["major schema-removed schema:Campaign"],
    },
    {
      // The title differs (Campaign → Segment), and a title is documentation.
      rule: "a use points at another schema of the same shape",
      edit: (d) => {
        d.components.schemas.Segment = {
          ...structuredClone(d.components.schemas.Campaign),
          title: "Segment",
        };
        d.paths["/api/v2/campaigns"].get.responses["200"].content["application/json"].schema.items = {
          $ref: "#/components/schemas/Segment",
        };
      },
      want: [
        "minor schema-added schema:Segment",
        "patch docs-changed listCampaign",
        "patch schema-reference-changed listCampaign",
      ],
    },
  ],
};
