import { mockError } from "@instantly-kit/msw";
import {
  renderWithInstantly,
  scrollObservedIntoView,
  setupMockApi,
} from "@instantly-kit/react-query/testing";
import { act, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { App } from "../src/App.tsx";
import { Campaigns } from "../src/Campaigns.tsx";

// A fresh stateful mock API for every test (msw/node): seed what the test needs, assert on what it shows.
const mock = setupMockApi({ seed: "app-tests" });

const rows = () =>
  within(screen.getByRole("list", { name: "Campaign list" }))
    .queryAllByRole("listitem")
    .map((row) => row.textContent);

describe("campaigns", () => {
  it("lists the campaigns of the API with their status labels", async () => {
    mock.api.seed("campaigns", [
      { name: "Spring outreach", status: 1 },
      { name: "Next quarter", status: 0 },
    ]);
    renderWithInstantly(<Campaigns />);
    await screen.findByText(/Spring outreach/);
    expect(rows()).toEqual(["Spring outreach Active", "Next quarter Draft"]);
  });

  it("loads the next page when the end of the list scrolls into view, until the last page", async () => {
    mock.api.seed(
      "campaigns",
      Array.from({ length: 15 }, (_, index) => ({ name: `Campaign ${index + 1}` })),
    );
    renderWithInstantly(<Campaigns />);
    await screen.findByText(/Campaign 10/);
    expect(rows()).toHaveLength(10);
    act(() => scrollObservedIntoView());
    await screen.findByText("That's all.");
    expect(rows()).toHaveLength(15);
    const cursors = mock.requests.map((request) => request.url.searchParams.get("starting_after"));
    expect(cursors).toHaveLength(2);
    expect(cursors[0]).toBeNull();
  });

  it("shows the error when the API refuses the key", async () => {
    mock.server.use(mockError("listCampaign", 401));
    renderWithInstantly(<Campaigns />);
    expect((await screen.findByRole("alert")).textContent).toContain("Could not load campaigns");
    expect(mock.requests).toHaveLength(1); // the QueryClient adds no retry to a 401
  });
});

describe("the app", () => {
  it("provides the clients itself and sends the key it is given", async () => {
    mock.api.seed("campaigns", [{ name: "Through the providers" }]);
    render(<App apiKey="app-test-key" />);
    await screen.findByText(/Through the providers/);
    expect(mock.requests[0]?.headers.get("authorization")).toBe("Bearer app-test-key");
  });
});
