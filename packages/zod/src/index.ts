// @instantly-kit/zod: a zod 4 schema per component (`CampaignSchema`) and per operation (`createLeadLabelBody`,
// `listCampaignQueryParams`, `getCampaignParams`, `getCampaignResponse`, `getCampaign404Response`…), generated
// by orval from the pinned spec (ADR 0031). The per-operation table is the `./operations` subpath: importing one
// schema from here bundles that schema and zod, not the whole API.
export * from "./generated/schemas.gen.js";
