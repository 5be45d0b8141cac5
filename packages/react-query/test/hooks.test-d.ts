import type { InstantlyError } from "@instantly-kit/client";
import type {
  Campaign,
  ErrorBody,
  LeadLabel,
  QueryParams,
  RequestBody,
  ResponseBody,
} from "@instantly-kit/types";
import type { InfiniteData, QueryKey } from "@tanstack/react-query";
import { describe, expectTypeOf, it } from "vitest";
import {
  getGetCampaignQueryKey,
  getListCampaignQueryOptions,
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
  });

  it("query keys and options helpers are typed", () => {
    expectTypeOf(getGetCampaignQueryKey("id")).toEqualTypeOf<
      readonly ["instantly", "campaigns", "item", string]
    >();
    expectTypeOf(getListCampaignQueryOptions({ limit: 1 }).queryKey).toExtend<QueryKey>();
  });
});
