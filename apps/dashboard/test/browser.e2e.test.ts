import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type StaticServer, serveStatic } from "./helpers/static-server.ts";

// The BUILT app (vite build → dist/, with msw's mockServiceWorker.js copied in by the build script) served
// from a bare static server and driven in Debian's Chromium: the service worker is a real one here.
const appDir = join(import.meta.dirname, "..");
const distDir = join(appDir, "dist");
const artifacts = join(appDir, "test-results");

let server: StaticServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(distDir, "index.html")) || !existsSync(join(distDir, "mockServiceWorker.js"))) {
    throw new Error("dashboard is not built: run `pnpm --filter dashboard build` (turbo does before test)");
  }
  mkdirSync(artifacts, { recursive: true });
  server = await serveStatic(distDir);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it("loads, lists campaigns from the mock API, creates a lead label and lists it", async () => {
  await page.goto(server.url);

  // The key is asked for at run time; the mock accepts any.
  await page.getByLabel("API key").fill("demo-key");
  await page.getByRole("button", { name: "Connect" }).click();

  const campaigns = page.getByRole("list", { name: "Campaign list" }).getByRole("listitem");
  await campaigns.first().waitFor();
  expect(await campaigns.count()).toBeGreaterThan(0);
  // Every row shows a status label from the spec's enum descriptions, never a bare code.
  const firstBadge = (await campaigns.first().locator(".badge").textContent()) ?? "";
  expect(firstBadge).toMatch(/^[A-Z][A-Za-z ]+$/);
  await page.screenshot({ path: join(artifacts, "dashboard-campaigns.png"), fullPage: true });

  // A campaign's page: its name, status and analytics.
  const firstName = (await campaigns.first().getByRole("link").textContent()) ?? "";
  await campaigns.first().getByRole("link").click();
  await page.getByRole("heading", { level: 1, name: firstName }).waitFor();
  await page.getByRole("definition").first().waitFor();
  expect(await page.getByLabel("Campaign analytics").getByRole("term").allTextContents()).toContain(
    "Emails sent",
  );
  await page.screenshot({ path: join(artifacts, "dashboard-campaign-detail.png"), fullPage: true });

  await page.getByRole("link", { name: "Lead labels" }).click();
  const labelName = `Browser label ${Date.now()}`;
  await page.getByRole("textbox", { name: "Label" }).fill(labelName);
  await page.getByLabel("Interest").selectOption("neutral");
  await page.getByRole("button", { name: "Create label" }).click();

  const created = page
    .getByRole("list", { name: "Lead labels" })
    .getByRole("listitem")
    .filter({ hasText: labelName });
  await created.waitFor();
  expect(await created.locator(".badge").textContent()).toBe("neutral");
  await page.screenshot({ path: join(artifacts, "dashboard-lead-labels.png"), fullPage: true });

  // The requests really went through the service worker (not a network error fallback).
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  expect(controlled).toBe(true);
  expect(consoleErrors).toEqual([]);
});
