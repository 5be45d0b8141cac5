import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { afterAll, expect, it } from "vitest";

// A build pointed at a real API must not ship the mock API (msw + generated mock data): mock mode is decided
// at build time from VITE_INSTANTLY_BASE_URL.
const outDir = mkdtempSync(join(tmpdir(), "dashboard-real-api-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

it("a build with VITE_INSTANTLY_BASE_URL has the base URL and no mock code", async () => {
  const previous = process.env.VITE_INSTANTLY_BASE_URL;
  process.env.VITE_INSTANTLY_BASE_URL = "https://instantly-proxy.example.test";
  try {
    await build({
      root: join(import.meta.dirname, ".."),
      logLevel: "silent",
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (previous === undefined) delete process.env.VITE_INSTANTLY_BASE_URL;
    else process.env.VITE_INSTANTLY_BASE_URL = previous;
  }
  const scripts = readdirSync(join(outDir, "assets")).filter((file) => file.endsWith(".js"));
  const code = scripts.map((file) => readFileSync(join(outDir, "assets", file), "utf8")).join("\n");
  expect(code).toContain("https://instantly-proxy.example.test");
  // No lazily loaded mock chunk. The chunks besides the entry are the client's on-demand tables: the scope
  // tables, loaded only by a client given `scopes` (ADR 0027), the zod schemas, loaded only by a client given
  // `validate` (ADR 0032), and the operation table both look paths up in. Nothing of the mock is in them, and
  // zod is not in the entry.
  const lazy = scripts.filter((file) => !file.startsWith("index-"));
  const chunkName = (file: string) => file.replace(/-[\w-]{8}\.js$/, "");
  for (const file of lazy)
    expect(["operation-ids.gen", "scope-table", "validation-run"]).toContain(chunkName(file));
  const read = (file: string) => readFileSync(join(outDir, "assets", file), "utf8");
  for (const file of lazy.filter((f) => chunkName(f) === "scope-table"))
    expect(read(file)).toContain("all:all");
  for (const file of lazy.filter((f) => chunkName(f) === "validation-run"))
    expect(read(file)).toContain("invalid_type");
  for (const file of scripts.filter((f) => f.startsWith("index-")))
    expect(read(file)).not.toContain("invalid_type");
  expect(code).not.toContain("mockServiceWorker.js"); // the worker URL only the mock code registers
  expect(code).not.toMatch(/\bsetupWorker\b|getListCampaignMockHandler/);
});
