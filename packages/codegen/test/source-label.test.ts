import { describe, expect, it } from "vitest";
import { scrubSource, sourceLabel } from "../src/spec/source-label.ts";

describe("sourceLabel masks credentials of a source", () => {
  it.each([
    ["https://api.instantly.ai/openapi/api_v2.json", "https://api.instantly.ai/openapi/api_v2.json"],
    ["../shared/specs/latest.json", "../shared/specs/latest.json"],
    ["https://user:pa55word@example.com/spec.json", "https://***:***@example.com/spec.json"],
    ["https://example.com/spec.json?api_key=abc123def&v=2", "https://example.com/spec.json?api_key=***&v=2"],
    [
      "https://example.com/spec.json?access_token=t0ken&page=1",
      "https://example.com/spec.json?access_token=***&page=1",
    ],
    ["https://example.com/spec.json?version=2", "https://example.com/spec.json?version=2"],
    ["https://us%zz:pw@example.com/x", "https://***:***@example.com/x"],
  ])("%s → %s", (given, want) => {
    expect(sourceLabel(given)).toBe(want);
  });

  it("scrubs the secret from any message, however the message spells the URL", () => {
    const source = "https://example.com/spec.json?api_key=abc123def";
    const message = `cannot reach ${source}: failed for https://example.com/spec.json?api_key=abc123def&retry=1`;
    expect(scrubSource(message, source)).toBe(
      "cannot reach https://example.com/spec.json?api_key=***: failed for https://example.com/spec.json?api_key=***&retry=1",
    );
  });
});

describe("scrubSource masks every URL of a message, not only the source's own spelling", () => {
  it.each([
    [
      "a redirect target with its own token",
      "https://example.com/a",
      "https://example.com/a redirects in a loop (https://example.com/b?access_token=zzzzzzzz → https://example.com/a)",
      "https://example.com/a redirects in a loop (https://example.com/b?access_token=*** → https://example.com/a)",
    ],
    [
      "a short password, re-spelled by a library",
      "HTTP://ci:pw@Example.com/spec.json",
      "Request cannot be constructed from a URL that includes credentials: http://ci:pw@example.com/spec.json.",
      "Request cannot be constructed from a URL that includes credentials: http://***:***@example.com/spec.json.",
    ],
    [
      "user-info that is not valid percent-encoding (a URIError if decoded)",
      "https://us%zz:pa55w%ord@example.com/spec.json",
      "cannot reach https://us%zz:pa55w%ord@example.com/spec.json: user pa55w%ord rejected",
      "cannot reach https://***:***@example.com/spec.json: user *** rejected",
    ],
    [
      "a percent-encoded password quoted decoded",
      "https://ci:pa%2055word@example.com/spec.json",
      "login failed for password pa 55word",
      "login failed for password ***",
    ],
  ])("%s", (_name, source, message, want) => {
    expect(scrubSource(message, source)).toBe(want);
  });
});

describe("spec:pull usage errors", () => {
  it("an unknown option is one line and exit code 2", async () => {
    const { runCli, tempRoot, removeTempRoots } = await import("./cli.ts");
    const root = await tempRoot(["nowhere.json"]);
    const result = await runCli(root, ["pull", "--sauce", "x"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: Unknown option '--sauce'.*usage: spec:pull .*\n$/);
    await removeTempRoots();
  });
});
