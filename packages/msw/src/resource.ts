import type { RealisticKind } from "./realistic.js";

/** A CRUD resource of the stateful mock (see the generated `crudResources`). */
export interface ResourceSpec {
  readonly name: string;
  readonly collectionPath: string;
  readonly idParam: string;
  /** The item property holding the id (`id`; `email` for accounts). */
  readonly idProperty: string;
  readonly create: string;
  readonly list: string;
  /** Where the list operation takes `limit`/`starting_after` and filters: the query string or a POST body. */
  readonly listIn: "query" | "body";
  readonly get?: string;
  readonly update?: string;
  readonly remove?: string;
  /** The operation whose success body is one item: the template new items are filled from. */
  readonly itemOperation: string;
  readonly itemProperties: readonly string[];
  /** Top-level string properties holding names, emails, dates…: varied per item (see realistic.ts). */
  readonly realistic?: Readonly<Record<string, RealisticKind>>;
  /** Top-level properties holding the id of another resource's item (a lead's `campaign` → `campaigns`). */
  readonly references?: Readonly<Record<string, string>>;
}
