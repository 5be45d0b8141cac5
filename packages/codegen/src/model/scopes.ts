/**
 * The API key scopes an operation requires. The spec documents them only in prose at the end of the operation's
 * description, in two forms:
 *   "Requires one of the following scopes: `leads:read`, `leads:all`, `all:read`, `all:all`"
 *   "Requires all of the following scope groups:\n- One of `a:update`, `a:all`\n- One of `b:update`, `b:all`"
 * Both become a list of groups; a key satisfies the operation when it has one scope of every group.
 */

/** Scopes of which the key needs any one, in spec order. */
export type ScopeGroup = readonly string[];

const ONE_OF = /Requires one of the following scopes:([^\n]*)/g;
const ALL_OF = /Requires all of the following scope groups:((?:\s*\n\s*-[^\n]*)+)/;

function backticked(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1] as string);
}

/** The scope groups a description states (empty when it states none). */
export function parseScopes(description: string | undefined): ScopeGroup[] {
  if (!description) return [];
  const allOf = ALL_OF.exec(description);
  if (allOf) {
    return (allOf[1] as string)
      .split("\n")
      .map((line) => backticked(line))
      .filter((group) => group.length > 0);
  }
  // Upstream has repeated the sentence, the first time with a shorter list (`email_verifications:create`, then
  // the full list): one group, every scope once, in order of first appearance.
  const group = [
    ...new Set([...description.matchAll(ONE_OF)].flatMap((match) => backticked(match[1] as string))),
  ];
  return group.length > 0 ? [group] : [];
}
