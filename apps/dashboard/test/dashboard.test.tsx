import { mockError } from "@instantly-kit/msw";
import {
  installFakeIntersectionObserver,
  scrollObservedIntoView,
  setupMockApi,
} from "@instantly-kit/react-query/testing";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { App } from "../src/App.tsx";
import { saveApiKey } from "../src/api-key.ts";

// The kit's stateful mock API (@instantly-kit/react-query/testing): a fresh one per test, on msw/node, with
// every request the test sent. The dashboard makes its own providers (App), so no render wrapper here.
// Auth is checked like the API's: the test keys have exactly the scopes `pnpm scopes apps/dashboard` gives
// (README), so a call the app makes without documenting it would get a 403 here too.
const DASHBOARD_SCOPES = ["campaigns:read", "lead-labels:create", "lead-labels:read"];
const mock = setupMockApi({
  seed: "dashboard-tests",
  apiKeys: {
    "test-key": DASHBOARD_SCOPES,
    "typed-at-runtime": DASHBOARD_SCOPES,
    // A read-only key: it may list labels but not create one.
    "read-only-key": ["campaigns:read", "lead-labels:read"],
  },
});
const requests = () => mock.requests.map((request) => request.url);
const calls = () => mock.requests.map((request) => `${request.method} ${request.url.pathname}`);
const authorizations = () => mock.requests.map((request) => request.headers.get("authorization"));

let uninstallIntersectionObserver: () => void;
beforeEach(() => {
  uninstallIntersectionObserver = installFakeIntersectionObserver();
});
afterEach(() => uninstallIntersectionObserver());

function renderDashboard(hash: string, apiKey = "test-key") {
  saveApiKey(apiKey);
  window.location.hash = hash;
  return render(<App baseUrl={undefined} usesMockApi />);
}

function campaignRows(): string[][] {
  const list = screen.getByRole("list", { name: "Campaign list" });
  return within(list)
    .queryAllByRole("listitem")
    .map((row) => [
      within(row).getByRole("link").textContent ?? "",
      row.querySelector(".badge")?.textContent ?? "",
    ]);
}

const campaignNames = (count: number) =>
  Array.from({ length: count }, (_, index) => `Campaign ${String(index + 1).padStart(2, "0")}`);

describe("API key", () => {
  it("is asked for at run time, kept for the tab only, sent as a bearer token, and forgotten on disconnect", async () => {
    mock.api.seed("campaigns", [{ name: "Behind the key", status: 1 }]);
    window.location.hash = "#/campaigns";
    render(<App baseUrl={undefined} usesMockApi />);
    expect(requests()).toEqual([]); // nothing is requested before there is a key

    fireEvent.change(screen.getByLabelText("API key"), { target: { value: "  typed-at-runtime  " } });
    fireEvent.click(screen.getByRole("button", { name: "Connect" }));
    await screen.findByText("Behind the key");
    expect(authorizations()).toEqual(["Bearer typed-at-runtime"]);
    expect(sessionStorage.getItem("instantly-dashboard.api-key")).toBe("typed-at-runtime");
    expect(localStorage.length).toBe(0);

    fireEvent.click(screen.getByRole("button", { name: "Disconnect" }));
    expect(screen.getByLabelText("API key")).toBeTruthy();
    expect(sessionStorage.getItem("instantly-dashboard.api-key")).toBeNull();
  });
});

describe("campaign list", () => {
  it("renders the campaigns of the mock API with their status labels", async () => {
    mock.api.seed("campaigns", [
      { name: "Spring outreach", status: 1 },
      { name: "Legacy list", status: -99 },
      { name: "Next quarter", status: 0 },
    ]);
    renderDashboard("#/campaigns");
    await screen.findByText("Spring outreach");
    // Labels from the spec's x-enumDescriptions for Campaign.status: 1 Active, -99 Account Suspended, 0 Draft.
    expect(campaignRows()).toEqual([
      ["Spring outreach", "Active"],
      ["Legacy list", "Account Suspended"],
      ["Next quarter", "Draft"],
    ]);
  });

  it("loads the next page when the end of the list scrolls into view, until the last page", async () => {
    const seeded = mock.api.seed(
      "campaigns",
      campaignNames(25).map((name) => ({ name })),
    );
    renderDashboard("#/campaigns");
    await screen.findByText("Campaign 10");
    expect(campaignRows().map(([name]) => name)).toEqual(campaignNames(10));

    act(() => scrollObservedIntoView());
    await screen.findByText("Campaign 20");
    expect(campaignRows().map(([name]) => name)).toEqual(campaignNames(20));

    act(() => scrollObservedIntoView());
    await screen.findByText("Campaign 25");
    expect(campaignRows().map(([name]) => name)).toEqual(campaignNames(25));
    expect(await screen.findByText("That's all.")).toBeTruthy();

    // First page without a cursor, then the id of each page's last item, as the API expects.
    const cursors = requests()
      .filter((url) => url.pathname === "/api/v2/campaigns")
      .map((url) => url.searchParams.get("starting_after"));
    expect(cursors).toEqual([null, seeded[9]?.id, seeded[19]?.id]);
  });

  it("shows 'rate limited, retrying' on a 429, then the campaigns once the retry succeeds", async () => {
    mock.api.seed("campaigns", [{ name: "After the wait", status: 2 }]);
    mock.server.use(mockError("listCampaign", 429, { once: true, headers: { "Retry-After": "1" } }));
    renderDashboard("#/campaigns");

    expect((await screen.findByRole("status")).textContent).toBe("Rate limited, retrying…");
    expect(screen.queryByText("After the wait")).toBeNull();

    // Retry-After is 1 s; the margin is for a loaded machine (findByText resolves as soon as it shows).
    await screen.findByText("After the wait", undefined, { timeout: 20_000 });
    expect(campaignRows()).toEqual([["After the wait", "Paused"]]);
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(requests().filter((url) => url.pathname === "/api/v2/campaigns")).toHaveLength(2);
  });

  it("says so when the client gives up on a rate limit, and stops claiming to retry", async () => {
    mock.server.use(mockError("listCampaign", 429, { headers: { "Retry-After": "0" } }));
    renderDashboard("#/campaigns");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Still rate limited after several retries");
    expect(screen.queryByRole("status")).toBeNull();
    // The client's default policy: 3 attempts in all, then the error reaches the page.
    expect(requests().filter((url) => url.pathname === "/api/v2/campaigns")).toHaveLength(3);
  });

  it("tells the user to check the API key on a 401", async () => {
    mock.server.use(mockError("listCampaign", 401));
    renderDashboard("#/campaigns");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("check your API key");
    expect(within(alert).getByRole("link", { name: "Change API key" }).getAttribute("href")).toBe(
      "#/settings",
    );
  });
});

describe("scoped API keys (the mock checks them like the API)", () => {
  it("a key the API does not know gets the API's 401, and the user is told to check the key", async () => {
    mock.api.seed("campaigns", [{ name: "Not for you", status: 1 }]);
    renderDashboard("#/campaigns", "revoked-key");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("check your API key");
    expect(screen.queryByText("Not for you")).toBeNull();
  });

  it("a key without the create scope lists labels but gets a 403 on create: shown, and nothing is stored", async () => {
    mock.api.seed("lead-labels", [{ label: "Existing", interest_status_label: "positive" }]);
    renderDashboard("#/lead-labels", "read-only-key");
    const list = await screen.findByRole("list", { name: "Lead labels" });
    await within(list).findByText("Existing");

    fireEvent.change(screen.getByRole("textbox", { name: "Label" }), { target: { value: "Not allowed" } });
    fireEvent.click(screen.getByRole("button", { name: "Create label" }));

    const alert = await screen.findByRole("alert");
    expect(alert.className).toContain("problem-forbidden");
    expect(alert.textContent).toContain("lacks a scope");
    expect(within(alert).getByRole("link", { name: "Change API key" }).getAttribute("href")).toBe(
      "#/settings",
    );
    expect(mock.api.store.list("lead-labels").map((label) => label.label)).toEqual(["Existing"]);
    // The mock answered 403 itself: the request went out with the read-only key.
    expect(authorizations().every((header) => header === "Bearer read-only-key")).toBe(true);
  });
});

describe("campaign detail", () => {
  it("shows the campaign, its status label and its analytics", async () => {
    const [campaign] = mock.api.seed("campaigns", [{ name: "Detail me", status: 3 }]);
    if (!campaign) throw new Error("seed returned nothing");
    renderDashboard(`#/campaigns/${campaign.id}`);

    expect((await screen.findByRole("heading", { level: 1, name: "Detail me" })).textContent).toBe(
      "Detail me",
    );
    expect(screen.getByText("Completed").className).toContain("badge"); // 3 = Completed in the spec

    // What the mock answers for this campaign's analytics is what the page must show.
    const response = await fetch(`https://api.instantly.ai/api/v2/campaigns/analytics?id=${campaign.id}`, {
      headers: { authorization: "Bearer test-key" },
    });
    const [row] = (await response.json()) as Array<{ emails_sent_count: number }>;
    const stats = await screen.findByLabelText("Campaign analytics");
    const sent = within(stats).getByText("Emails sent").nextElementSibling?.textContent;
    expect(sent).toBe(new Intl.NumberFormat("en-US").format(row?.emails_sent_count ?? Number.NaN));
    expect(
      requests().some(
        (url) =>
          url.pathname === "/api/v2/campaigns/analytics/daily" &&
          url.searchParams.get("campaign_id") === campaign.id,
      ),
    ).toBe(true);
  });
});

describe("lead labels", () => {
  it("creates a label and shows it in the refreshed list", async () => {
    mock.api.seed("lead-labels", [{ label: "Existing", interest_status_label: "positive" }]);
    renderDashboard("#/lead-labels");
    const list = await screen.findByRole("list", { name: "Lead labels" });
    await within(list).findByText("Existing");

    fireEvent.change(screen.getByRole("textbox", { name: "Label" }), {
      target: { value: "Needs follow-up" },
    });
    fireEvent.change(screen.getByRole("combobox", { name: "Interest" }), { target: { value: "negative" } });
    fireEvent.click(screen.getByRole("button", { name: "Create label" }));

    await within(list).findByText("Needs follow-up");
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((item) => item.querySelector("strong")?.textContent),
    ).toEqual(["Existing", "Needs follow-up"]);
    // It is in the list because the API has it, not because the form put it there.
    const stored = mock.api.store.list("lead-labels").find((label) => label.label === "Needs follow-up");
    expect(stored?.interest_status_label).toBe("negative");
    expect(stored?.description).toBeNull();
    // Listed, created, then listed again because the mutation invalidated the lead-label queries.
    expect(calls().filter((call) => call.endsWith(" /api/v2/lead-labels"))).toEqual([
      "GET /api/v2/lead-labels",
      "POST /api/v2/lead-labels",
      "GET /api/v2/lead-labels",
    ]);
    expect((screen.getByRole("textbox", { name: "Label" }) as HTMLInputElement).value).toBe("");
  });
});
