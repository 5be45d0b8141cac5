import type { InstantlyError } from "@instantly-kit/client";
import type {
  Campaign,
  ErrorBody,
  LeadLabel,
  QueryParams,
  RequestBody,
  ResponseBody,
} from "@instantly-kit/types";
import { type InfiniteData, QueryClient, type QueryKey } from "@tanstack/react-query";
import { describe, expectTypeOf, it } from "vitest";
import {
  getGetCampaignQueryKey,
  getListCampaignQueryOptions,
  updateCached,
  useCreateLead,
  useCreateLeadLabel,
  useGetCampaign,
  useGetCampaignSuspense,
  useListCampaign,
  useListCampaignInfinite,
  useListCampaignSuspenseInfinite,
  useListLeads,
  usePatchCampaign,
  useSuspenseGetCampaign,
} from "../src/index.js";

// Hooks are only called inside `it` bodies that vitest's typecheck mode compiles but never runs.
describe("hook types agree with @instantly-kit/types", () => {
  it("useGetCampaign(id).data is a Campaign", () => {
    const { data, error } = useGetCampaign("id");
    expectTypeOf(data).toEqualTypeOf<Campaign | undefined>();
    expectTypeOf(useGetCampaignSuspense("id").data).toEqualTypeOf<Campaign>();
    expectTypeOf(useSuspenseGetCampaign("id").data).toEqualTypeOf<Campaign>();
    expectTypeOf(error).toEqualTypeOf<InstantlyError<ErrorBody<"getCampaign">> | null>();
  });

  it("lists return the operation's response body", () => {
    expectTypeOf(useListCampaign({ limit: 10 }).data).toEqualTypeOf<
      ResponseBody<"listCampaign"> | undefined
    >();
    expectTypeOf(useListLeads({ campaign: "id", limit: 25 }).data).toEqualTypeOf<
      ResponseBody<"listLeads"> | undefined
    >();
    const pages = useListCampaignInfinite({ limit: 10 }).data;
    expectTypeOf(pages).toEqualTypeOf<
      InfiniteData<ResponseBody<"listCampaign">, string | undefined> | undefined
    >();
    const suspensePages = useListCampaignSuspenseInfinite({ limit: 10 }).data;
    expectTypeOf(suspensePages).toEqualTypeOf<
      InfiniteData<ResponseBody<"listCampaign">, string | undefined>
    >();
  });

  it("params and bodies are the types package's", () => {
    expectTypeOf(useListCampaign).parameter(0).toEqualTypeOf<QueryParams<"listCampaign"> | undefined>();
    const create = useCreateLeadLabel();
    expectTypeOf(create.mutateAsync).parameter(0).toEqualTypeOf<{ data: RequestBody<"createLeadLabel"> }>();
    expectTypeOf(create.data).toEqualTypeOf<LeadLabel | undefined>();
  });

  it("wrong params fail to compile", () => {
    // @ts-expect-error the id is a string
    useGetCampaign(42);
    // @ts-expect-error limit is a number
    useListCampaign({ limit: "ten" });
    // @ts-expect-error no such query parameter
    useListCampaign({ limt: 10 });
    const create = useCreateLeadLabel();
    // @ts-expect-error `label` and `interest_status_label` are required
    create.mutate({ data: { description: "no label" } });
    const patch = usePatchCampaign();
    // @ts-expect-error the path parameter is required
    patch.mutate({ data: { name: "x" } });
    // A mutation's body is required even where the spec marks it optional (issue 11: `mutate({})` compiled).
    const createLead = useCreateLead();
    // @ts-expect-error `data` is required
    createLead.mutate({});
    createLead.mutate({ data: {} });
    // A POST read keeps its optional filters.
    useListLeads();
  });

  it("query keys and options helpers are typed", () => {
    expectTypeOf(getGetCampaignQueryKey("id")).toEqualTypeOf<
      readonly ["instantly", "campaigns", "item", string]
    >();
    expectTypeOf(getListCampaignQueryOptions({ limit: 1 }).queryKey).toExtend<QueryKey>();
  });
});

describe("errors: one InstantlyError union, narrowed by kind, bodies typed per operation", () => {
  it("error.kind narrows; an api error's body is the operation's documented error bodies", () => {
    const { error } = useGetCampaign("id");
    if (error?.kind === "api") {
      expectTypeOf(error.status).toBeNumber();
      expectTypeOf(error.body).toEqualTypeOf<ErrorBody<"getCampaign"> | string | undefined>();
      if (typeof error.body === "object") {
        // getCampaign documents 401, 402, 404 and 429 bodies.
        expectTypeOf(error.body.statusCode).toEqualTypeOf<401 | 402 | 404 | 429>();
      }
    }
    if (error?.kind === "timeout") expectTypeOf(error.timeoutMs).toBeNumber();
    if (error?.kind === "network") expectTypeOf(error.attempts).toBeNumber();
    if (error?.kind === "abort") expectTypeOf(error.reason).toBeUnknown();
    expectTypeOf<NonNullable<typeof error>["kind"]>().toEqualTypeOf<
      "api" | "network" | "timeout" | "abort" | "pagination" | "missing-provider" | "validation" | "scope"
    >();
  });

  it("another operation's bodies differ: listLeads also documents 400", () => {
    const { error } = useListLeads({ campaign: "id" });
    if (error?.kind === "api" && typeof error.body === "object") {
      expectTypeOf(error.body.statusCode).toEqualTypeOf<401 | 402 | 404 | 429 | 400>();
    }
  });

  it("mutation errors are typed the same way", () => {
    const { error } = usePatchCampaign();
    if (error?.kind === "api") {
      expectTypeOf(error.body).toEqualTypeOf<ErrorBody<"patchCampaign"> | string | undefined>();
    }
  });

  it("an exhaustive switch over kind compiles", () => {
    const { error } = useGetCampaign("id");
    const message = (e: NonNullable<typeof error>): string => {
      switch (e.kind) {
        case "api":
          return String(e.status);
        case "network":
        case "timeout":
        case "abort":
        case "pagination":
        case "missing-provider":
        case "validation":
        case "scope":
          return e.kind;
        default:
          return e satisfies never;
      }
    };
    expectTypeOf(message).returns.toBeString();
  });
});

describe("cache helpers are typed by the resource's item", () => {
  it("updateCached takes a patch of the item type", () => {
    const queryClient = new QueryClient();
    const rollback = updateCached(queryClient, "leads", "l1", { first_name: "Ada" });
    expectTypeOf(rollback).toEqualTypeOf<() => void>();
    updateCached(queryClient, "campaigns", "c1", (campaign) => ({ ...campaign, name: "x" }));
    // @ts-expect-error not a field of a lead
    updateCached(queryClient, "leads", "l1", { no_such_field: 1 });
    // @ts-expect-error not a resource with items
    updateCached(queryClient, "no-such-resource", "l1", {});
  });
});
