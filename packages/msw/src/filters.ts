import { isPlainObject } from "./merge.js";

type Item = Record<string, unknown>;
export type Predicate = (item: Item) => boolean;

/**
 * How one parameter of a list operation filters its items; derived from the spec by the generator
 * (codegen src/targets/msw/stateful.ts) and emitted as the generated `listFilters` table.
 */
export type ListFilter =
  | {
      readonly param: string;
      readonly kind: "equals" | "not";
      readonly property: string;
      readonly many?: "array" | "comma";
    }
  | { readonly param: string; readonly kind: "present" | "min" | "max"; readonly property: string }
  | { readonly param: string; readonly kind: "search"; readonly properties: readonly string[] };

export interface ListFilterSpec {
  /** Where the filter parameters are sent: query parameters (GET) or JSON body properties (POST `/list`). */
  readonly in: "query" | "body";
  readonly itemProperties: readonly string[];
  readonly filters: readonly ListFilter[];
  /**
   * Documented parameters with no derived filter: answered by {@link FILTER_RULES}, else not applied (and
   * reported when sent: see {@link unappliedFilters}, `onIgnoredFilter`).
   */
  readonly ignored: readonly string[];
}

/** What a hand-written rule may look at besides the item: other resources (lead labels for custom labels). */
export interface FilterContext {
  list(resource: string): Item[];
}

/** A rule for one parameter: the predicate for a value, or undefined for a value it does not know. */
type Rule = (value: unknown, context: FilterContext) => Predicate | undefined;

const NOTHING: Predicate = () => false;
const isSet = (value: unknown) => value !== undefined && value !== null && value !== "";
const count = (item: Item, property: string) => (typeof item[property] === "number" ? item[property] : 0);

/** A rule for a parameter whose values each name a fixed predicate; an unknown value matches nothing. */
function byValue(table: Readonly<Record<string, Predicate>>): Rule {
  return (value) => (typeof value === "string" && Object.hasOwn(table, value) ? table[value] : undefined);
}

const leadStatus =
  (code: number): Predicate =>
  (lead) =>
    lead.status === code;
const interest =
  (code: number): Predicate =>
  (lead) =>
    lead.lt_interest_status === code;
const verification =
  (code: number): Predicate =>
  (lead) =>
    lead.verification_status === code;

/** A custom lead label's value (`LeadLabel.interest_status`) by its sentiment. */
const customLabel =
  (sentiment: string): Rule =>
  (_value, context) => {
    const codes = new Set(
      context
        .list("lead-labels")
        .filter((label) => label.interest_status_label === sentiment)
        .map((label) => label.interest_status),
    );
    return (lead) => codes.has(lead.lt_interest_status);
  };

/**
 * The lead filter values of `POST /leads/list` (and the lead-selecting actions), which the spec describes only in
 * prose (`x-enumDescriptions`: "Filter for contacted leads"…). Mapped onto the lead's documented fields: `status`
 * (1 Active, 3 Completed, -1 Bounced, -2 Unsubscribed, -3 Skipped), `lt_interest_status` (1 Interested,
 * -1 Not Interested, 2 Meeting Booked, 3 Meeting Completed, 4 Won, 0 Out of Office, -2 Wrong Person, -3 Lost,
 * -4 No Show), `verification_status` (1 Verified, -1 Invalid, -2 Risky), the email counters and timestamps.
 */
const LEAD_FILTER_VALUES: Readonly<Record<string, Predicate>> = {
  FILTER_VAL_CONTACTED: (lead) => isSet(lead.timestamp_last_contact),
  FILTER_VAL_NOT_CONTACTED: (lead) => !isSet(lead.timestamp_last_contact),
  FILTER_VAL_COMPLETED: leadStatus(3),
  FILTER_VAL_UNSUBSCRIBED: leadStatus(-2),
  FILTER_VAL_ACTIVE: leadStatus(1),
  FILTER_VAL_BOUNCED: leadStatus(-1),
  FILTER_VAL_SKIPPED: leadStatus(-3),
  FILTER_LEAD_INTERESTED: interest(1),
  FILTER_LEAD_NOT_INTERESTED: interest(-1),
  FILTER_LEAD_MEETING_BOOKED: interest(2),
  FILTER_LEAD_MEETING_COMPLETED: interest(3),
  FILTER_LEAD_CLOSED: interest(4),
  FILTER_LEAD_OUT_OF_OFFICE: interest(0),
  FILTER_LEAD_WRONG_PERSON: interest(-2),
  FILTER_LEAD_LOST: interest(-3),
  FILTER_LEAD_NO_SHOW: interest(-4),
  FILTER_VAL_RISKY: verification(-2),
  FILTER_VAL_INVALID: verification(-1),
  FILTER_VAL_VALID: verification(1),
  FILTER_VAL_IN_SUBSEQUENCE: (lead) => isSet(lead.subsequence_id),
  FILTER_VAL_OPENED_NO_REPLY: (lead) =>
    count(lead, "email_open_count") > 0 && count(lead, "email_reply_count") === 0,
  FILTER_VAL_COMPLETED_NO_REPLY: (lead) => lead.status === 3 && count(lead, "email_reply_count") === 0,
  FILTER_VAL_NO_OPENS: (lead) => count(lead, "email_open_count") === 0,
  FILTER_VAL_REPLIED: (lead) => count(lead, "email_reply_count") > 0,
  FILTER_VAL_LINK_CLICKED: (lead) => count(lead, "email_click_count") > 0,
};

const leadFilter: Rule = (value, context) => {
  if (value === "FILTER_LEAD_CUSTOM_LABEL_POSITIVE") return customLabel("positive")(value, context);
  if (value === "FILTER_LEAD_CUSTOM_LABEL_NEGATIVE") return customLabel("negative")(value, context);
  return byValue(LEAD_FILTER_VALUES)(value, context);
};

/** `esg_code` filters take "all"/"none" besides the codes (the lead's `esg_code` is a number). */
const esgCode: Rule = (value) => {
  if (value === "all") return (lead) => isSet(lead.esg_code);
  if (value === "none") return (lead) => !isSet(lead.esg_code);
  return typeof value === "string" || typeof value === "number"
    ? (lead) => isSet(lead.esg_code) && String(lead.esg_code) === String(value)
    : undefined;
};

/**
 * The account filter values of `GET /accounts` the account's fields can answer (`status`: 2 Paused, negative =
 * an error; `warmup_status`: 1 Active, 0 Paused). Values that depend on data the mock does not keep (DFY orders,
 * custom tracking domains) are unknown values: they match nothing.
 */
const ACCOUNT_FILTER_VALUES: Readonly<Record<string, Predicate>> = {
  ACC_FILTER_PAUSED: (account) => account.status === 2,
  ACC_FILTER_ERROR: (account) => typeof account.status === "number" && account.status < 0,
  ACC_FILTER_W_ACTIVE: (account) => account.warmup_status === 1,
  ACC_FILTER_W_PAUSED: (account) => account.warmup_status === 0,
};

/**
 * Hand-written rules, by list operationId and parameter, for what the spec states only in prose. They take
 * precedence over derived filters of the same parameter.
 */
export const FILTER_RULES: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  listLeads: { filter: leadFilter, esg_code: esgCode },
  listAccount: { filter: byValue(ACCOUNT_FILTER_VALUES) },
};

/**
 * The documented filter parameters of a list operation that the mock does not apply, from the generated table
 * alone: its `ignored` parameters no {@link FILTER_RULES} rule answers — or, where the mock answers the operation
 * with its fixed example page (`applied: false`: no store behind it), every parameter of the table, derived ones
 * included, since none of them is applied there.
 */
export function unappliedFilters(
  operationId: string,
  spec: ListFilterSpec | undefined,
  applied = true,
): readonly string[] {
  if (!spec) return [];
  if (!applied) return [...spec.filters.map((filter) => filter.param), ...spec.ignored];
  const rules = FILTER_RULES[operationId] ?? {};
  return spec.ignored.filter((param) => !Object.hasOwn(rules, param));
}

/**
 * The hand-written-rule parameters a list request sent with a value their rule does not know — a documented value
 * the mock keeps no data for (`listAccount`'s `filter=ACC_FILTER_DFY`: DFY orders), or an undocumented one. Such a
 * value matches nothing ({@link listPredicate}): the filter is not applied as the API applies it, so it is reported
 * like an unapplied one (`onIgnoredFilter`), or a test that sends it gets an empty page and no word why.
 */
export function unknownRuleValues(
  operationId: string,
  params: Readonly<Record<string, unknown>>,
  context: FilterContext,
): string[] {
  const rules = Object.hasOwn(FILTER_RULES, operationId) ? FILTER_RULES[operationId] : undefined;
  if (!rules) return [];
  return sentFilters(Object.keys(rules), params).filter(
    (param) => rules[param]?.(params[param], context) === undefined,
  );
}

/**
 * Which of `names` a request actually sent with a value: absent, `null`, `""` and `[]` ask for no filtering
 * (a form's empty field, an empty multi-select), so they are not "sent".
 */
export function sentFilters(names: readonly string[], params: Readonly<Record<string, unknown>>): string[] {
  return names.filter((name) => {
    if (!Object.hasOwn(params, name)) return false;
    const value = params[name];
    return isSet(value) && !(Array.isArray(value) && value.length === 0);
  });
}

function valuesOf(value: unknown, many: "array" | "comma" | undefined): unknown[] {
  if (many === "comma" && typeof value === "string") return value.split(",").map((part) => part.trim());
  if (Array.isArray(value)) return value;
  return [value];
}

const same = (left: unknown, right: unknown) =>
  left !== undefined && left !== null && !isPlainObject(left) && String(left) === String(right);

function timeOf(value: unknown): number {
  return typeof value === "string" || typeof value === "number" ? Date.parse(String(value)) : Number.NaN;
}

/** The predicate of one derived filter for one value. */
function derivedPredicate(filter: ListFilter, value: unknown): Predicate {
  switch (filter.kind) {
    case "equals":
    case "not": {
      const wanted = valuesOf(value, filter.many);
      const { property } = filter;
      const matches = (item: Item) => wanted.some((entry) => same(item[property], entry));
      return filter.kind === "equals" ? matches : (item) => !matches(item);
    }
    case "present": {
      const { property } = filter;
      if (value === true || value === "true") return (item) => isSet(item[property]);
      if (value === false || value === "false") return (item) => !isSet(item[property]);
      return NOTHING;
    }
    case "min":
    case "max": {
      const bound = timeOf(value);
      if (Number.isNaN(bound)) return NOTHING;
      const { property } = filter;
      return (item) => {
        const time = timeOf(item[property]);
        return !Number.isNaN(time) && (filter.kind === "min" ? time >= bound : time <= bound);
      };
    }
    case "search": {
      const needle = String(value).toLowerCase();
      return (item) =>
        filter.properties.some((property) => {
          const field = item[property];
          const text = Array.isArray(field) ? field.join(" ") : field;
          return isSet(text) && !isPlainObject(text) && String(text).toLowerCase().includes(needle);
        });
    }
  }
}

/**
 * One predicate for every filter parameter of a list request (query parameters or body properties): all of them
 * must hold. Parameters that are neither derived nor ruled are not applied here (the mock reports them when sent:
 * {@link unappliedFilters}); a value a rule does not know (an unknown
 * `filter` value) or cannot read (a date that does not parse) matches nothing rather than everything.
 */
export function listPredicate(
  operationId: string,
  spec: ListFilterSpec | undefined,
  params: Readonly<Record<string, unknown>>,
  context: FilterContext,
): Predicate {
  const predicates: Predicate[] = [];
  const rules = FILTER_RULES[operationId] ?? {};
  for (const [param, value] of Object.entries(params)) {
    if (value === undefined || value === null || (param === "search" && value === "")) continue;
    const rule = Object.hasOwn(rules, param) ? rules[param] : undefined;
    if (rule) {
      predicates.push(rule(value, context) ?? NOTHING);
      continue;
    }
    const filter = spec?.filters.find((entry) => entry.param === param);
    if (filter) predicates.push(derivedPredicate(filter, value));
  }
  return (item) => predicates.every((predicate) => predicate(item));
}
