// The one public entry of @instantly-kit/react-query: the hand-written runtime (./core.js, also its own entry
// `@instantly-kit/react-query/core`) and the generated hooks (also per resource: `@instantly-kit/react-query/lead`…).

export * from "./core.js";
export * from "./generated/index.gen.js";
