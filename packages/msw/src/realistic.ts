/**
 * Realistic, deterministic values for the n-th item of a resource: the generated template is one item, and
 * without this every seeded lead would be the same person with the same email. Plain tables, no faker: the
 * runtime package stays small. The generator only marks properties whose schema takes these shapes
 * (no pattern, no enum; formats email/date/date-time/uri checked as such), and tests validate seeded items.
 */

import type { RealisticKind } from "./generated/resources.gen.js";

export type { RealisticKind };

const FIRST_NAMES = [
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Amelia",
  "Oliver",
  "Sophia",
  "Elijah",
  "Charlotte",
  "James",
  "Ava",
  "Lucas",
  "Mia",
  "Mateo",
  "Harper",
  "Ethan",
  "Isla",
  "Aarav",
  "Zoe",
  "Kenji",
  "Priya",
  "Diego",
  "Fatima",
  "Lars",
  "Chloe",
  "Tomás",
  "Nora",
  "Arjun",
  "Leila",
  "Felix",
  "Hana",
  "Omar",
  "Sofia",
  "Jonas",
  "Maya",
  "Ravi",
  "Elena",
  "Kwame",
  "Ingrid",
  "Mateus",
];

const LAST_NAMES = [
  "Nguyen",
  "Garcia",
  "Smith",
  "Müller",
  "Kowalski",
  "Okafor",
  "Rossi",
  "Tanaka",
  "Johansson",
  "Patel",
  "Dubois",
  "Silva",
  "Kim",
  "Novak",
  "O'Brien",
  "Haddad",
  "Jensen",
  "Costa",
  "Schmidt",
  "Ivanova",
  "Lopez",
  "Chen",
  "Fischer",
  "Mensah",
  "Moreau",
  "Sato",
  "Andersen",
  "Reyes",
  "Kaur",
  "Walsh",
  "Becker",
  "Santos",
  "Yilmaz",
  "Lindqvist",
  "Adeyemi",
  "Romano",
  "Park",
  "Hughes",
  "Weber",
  "Alvarez",
];

const COMPANIES = [
  "Northwind Analytics",
  "Bluebird Logistics",
  "Acorn Health",
  "Brightline Studio",
  "Cobalt Robotics",
  "Evergreen Foods",
  "Fathom Security",
  "Granite Capital",
  "Harbor Freight Labs",
  "Ironclad Software",
  "Juniper Travel",
  "Keystone Legal",
  "Lumen Energy",
  "Maple & Co",
  "Nimbus Cloud",
  "Orchard Retail",
  "Pinnacle Media",
  "Quartz Payments",
  "Riverbend Clinics",
  "Summit Outdoor",
  "Tidewater Marine",
  "Umbra Design",
  "Vantage HR",
  "Willow Education",
  "Zephyr Mobility",
];

const JOB_TITLES = [
  "Head of Growth",
  "VP of Sales",
  "Marketing Manager",
  "Founder & CEO",
  "Operations Lead",
  "Account Executive",
  "CTO",
  "Customer Success Manager",
  "Product Manager",
  "Revenue Operations Analyst",
];

/** The fixed "now" of the mocks (the same as the ids' clock): data never depends on when tests run. */
const NOW = Date.parse("2026-01-01T00:00:00.000Z");
const HOUR = 3_600_000;

function pick<T>(list: readonly T[], index: number): T {
  return list[((index % list.length) + list.length) % list.length] as T;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "");
}

/** The person and company of item `index`: first names cycle fastest, so the first 40 items are 40 people. */
function person(index: number) {
  const first = pick(FIRST_NAMES, index);
  const last = pick(LAST_NAMES, index * 7 + Math.floor(index / FIRST_NAMES.length));
  const company = pick(COMPANIES, index * 3);
  const domain = `${slug(company)}.com`;
  // Unique per index: the suffix tells apart the rare repeats of a first/last pair.
  const suffix = index < FIRST_NAMES.length ? "" : String(index);
  return { first, last, company, domain, email: `${slug(first)}.${slug(last)}${suffix}@${domain}` };
}

/**
 * The value of a `kind` property for item `index` (0-based within its resource); `salt` (the property's position)
 * keeps two date properties of one item from being equal.
 */
export function realisticValue(kind: RealisticKind, index: number, salt = 0): string {
  const who = person(index);
  switch (kind) {
    case "first-name":
      return who.first;
    case "last-name":
      return who.last;
    case "email":
      return who.email;
    case "company":
      return who.company;
    case "domain":
      return who.domain;
    case "url":
      return `https://www.${who.domain}`;
    case "job-title":
      return pick(JOB_TITLES, index);
    case "phone":
      return `+1415555${String(1000 + (index % 9000)).padStart(4, "0")}`;
    case "date-time":
      // Within the 90 days before "now", spread by item and property.
      return new Date(NOW - (((index * 37 + salt * 11) % (90 * 24)) + 1) * HOUR).toISOString();
    case "date":
      return new Date(NOW - (((index * 5 + salt) % 90) + 1) * 24 * HOUR).toISOString().slice(0, 10);
  }
}

/** `item` with its realistic properties set for the `index`-th item of its resource (a new object). */
export function withRealisticValues<T extends Record<string, unknown>>(
  item: T,
  realistic: Readonly<Record<string, RealisticKind>> | undefined,
  index: number,
): T {
  if (!realistic) return item;
  const result: Record<string, unknown> = { ...item };
  Object.entries(realistic).forEach(([property, kind], salt) => {
    if (typeof result[property] === "string") result[property] = realisticValue(kind, index, salt);
  });
  return result as T;
}
