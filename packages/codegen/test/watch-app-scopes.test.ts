// spec:watch's "apps whose least-privilege scope set changes": an app's operations (found in its syntax trees)
// priced under the old and the new spec, with hand-written fixture specs and a small app in a temp dir.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { buildModel } from "../src/model/index.ts";
import { appScopeChange, usedOperationIds } from "../src/watch/app-scopes.ts";

const dir = mkdtempSync(join(tmpdir(), "ik-app-scopes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A spec of two operations whose descriptions state `scopes` (one group each). */
function spec(scopes: { list: string[]; create: string[] }) {
  const sentence = (list: string[]) =>
    `Does it.\n\nRequires one of the following scopes: ${list.map((s) => `\`${s}\``).join(", ")}`;
  const ok = {
    "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } },
  };
  return buildModel({
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/api/v2/widgets": {
        get: { operationId: "listWidget", description: sentence(scopes.list), responses: ok },
        post: { operationId: "createWidget", description: sentence(scopes.create), responses: ok },
      },
    },
  });
}

mkdirSync(join(dir, "src"), { recursive: true });
writeFileSync(
  join(dir, "src", "app.tsx"),
  `import { useListWidget } from "@instantly-kit/react-query/widget";
export const App = () => useListWidget();`,
);

test("a scope moved for an operation the app uses changes the app's key; one it does not use does not", () => {
  const before = spec({ list: ["widgets:read", "widgets:all"], create: ["widgets:create", "widgets:all"] });
  const used = usedOperationIds(dir, before);
  expect([...used]).toEqual(["listWidget"]);

  const listMoved = spec({
    list: ["catalog:read", "widgets:all"],
    create: ["widgets:create", "widgets:all"],
  });
  expect(appScopeChange("shop", used, before, listMoved)).toEqual({
    app: "shop",
    before: ["widgets:read"],
    after: ["catalog:read"],
  });

  const createMoved = spec({ list: ["widgets:read", "widgets:all"], create: ["catalog:create"] });
  expect(appScopeChange("shop", used, before, createMoved)).toBeUndefined();
});
