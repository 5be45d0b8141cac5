// The msw target warns when a default mock body fails its own schema. operationIds are spec text: the
// warning quotes them, so a hostile one cannot break it over lines or send escape sequences to the terminal.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { quoteForMessage } from "../src/errors.ts";
import { buildModel } from "../src/model/index.ts";
import { projectPaths } from "../src/paths.ts";
import { mswTarget } from "../src/targets/msw/index.ts";
import { stubLock } from "./helpers.ts";

const HOSTILE = "getEvil\nwarning: forged\u001b[2J\u001b[31m";

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it("names an invalid mock's hostile operationId quoted, in one line", async () => {
  const document = {
    openapi: "3.1.0",
    info: { title: "warning", version: "1" },
    paths: {
      "/evil": {
        get: {
          operationId: HOSTILE,
          responses: {
            // No string satisfies this schema: the default body cannot validate.
            "200": {
              description: "ok",
              content: { "application/json": { schema: { type: "string", minLength: 5, maxLength: 2 } } },
            },
          },
        },
      },
    },
  };
  const outDir = mkdtempSync(join(tmpdir(), "ik-msw-warning-"));
  dirs.push(outDir);
  const written: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  await mswTarget.generate({
    model: buildModel(document),
    lock: stubLock("fixture"),
    outDir,
    paths: projectPaths(),
  });
  vi.restoreAllMocks();
  const warning = written.join("");
  expect(warning).toBe(`warning: 1 mock bodies do not validate: ${quoteForMessage(`${HOSTILE} 200`)}\n`);
  expect(warning.split("\n")).toHaveLength(2);
  expect(warning).not.toContain("\u001b");
});
