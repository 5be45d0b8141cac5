import type { InstantlyClient, InstantlyError } from "@instantly-kit/client";
import {
  type QueryClient,
  type UseQueryOptions,
  type UseQueryResult,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { type InstantlyRequestOptions, instantlyRequest, MissingInstantlyClientError } from "./mutator.js";
import { useInstantlyRequestOptions } from "./provider.js";

/**
 * Background jobs: operations the API accepts at once and completes later (`POST /leads/move`, warmup
 * enable/disable) answer with a job; `GET /api/v2/background-jobs/{id}` tells how it went. Written by hand
 * against the path (not the generated hook) so the package builds from any spec; the key is the one the
 * generated `useGetBackgroundJob` uses, so both share one cache entry.
 */

/** What a job's `status` can be (the spec's enum; an unknown value is treated as still running). */
export type BackgroundJobStatus =
  | "pending"
  | "in-progress"
  | "success"
  | "failed"
  | "draining"
  | "paused"
  | "cancelled";

/** The fields of a background job the kit reads; the API sends more (`type`, `progress`, timestamps…). */
export interface BackgroundJob {
  id: string;
  status: BackgroundJobStatus | (string & {});
  [field: string]: unknown;
}

/** The statuses after which a job changes nothing more. */
export const FINISHED_JOB_STATUSES: readonly string[] = ["success", "failed", "cancelled"];

export function isJobFinished(job: Pick<BackgroundJob, "status"> | undefined): boolean {
  return job !== undefined && FINISHED_JOB_STATUSES.includes(job.status);
}

/** How a job is polled: waits grow from `initialDelayMs` by `factor` up to `maxDelayMs`; at most `maxPolls`. */
export interface BackgroundJobPolling {
  initialDelayMs?: number;
  factor?: number;
  maxDelayMs?: number;
  maxPolls?: number;
}

export const DEFAULT_BACKGROUND_JOB_POLLING: Readonly<Required<BackgroundJobPolling>> = Object.freeze({
  initialDelayMs: 500,
  factor: 1.5,
  maxDelayMs: 10_000,
  // About 50 minutes at the longest wait: a job still running then is reported as not finished.
  maxPolls: 300,
});

/** Polling set per QueryClient by `createInstantlyQueryClient({ backgroundJobs })`. */
const pollingByClient = new WeakMap<QueryClient, Required<BackgroundJobPolling>>();

export function setBackgroundJobPolling(queryClient: QueryClient, polling: BackgroundJobPolling): void {
  pollingByClient.set(queryClient, resolvePolling(polling));
}

function resolvePolling(polling: BackgroundJobPolling | undefined, base = DEFAULT_BACKGROUND_JOB_POLLING) {
  const resolved = { ...base };
  for (const key of Object.keys(base) as (keyof BackgroundJobPolling)[]) {
    const value = polling?.[key];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (key === "factor" && value < 1))
      throw new RangeError(`backgroundJobs.${key} must be a finite number ≥ ${key === "factor" ? 1 : 0}`);
    resolved[key] = value;
  }
  return resolved;
}

function pollingFor(queryClient: QueryClient, polling?: BackgroundJobPolling) {
  return resolvePolling(polling, pollingByClient.get(queryClient) ?? DEFAULT_BACKGROUND_JOB_POLLING);
}

/** The wait before poll number `poll` (0-based). */
export function pollDelay(polling: Required<BackgroundJobPolling>, poll: number): number {
  return Math.min(polling.maxDelayMs, polling.initialDelayMs * polling.factor ** poll);
}

/** `["instantly", "background-jobs", "item", id]`: the generated `getGetBackgroundJobQueryKey(id)`. */
export function getBackgroundJobQueryKey(id: string) {
  return ["instantly", "background-jobs", "item", id] as const;
}

export function fetchBackgroundJob(
  client: InstantlyClient,
  id: string,
  signal?: AbortSignal,
): Promise<BackgroundJob> {
  return instantlyRequest<BackgroundJob>(
    { method: "GET", path: "/api/v2/background-jobs/{id}", pathParams: { id }, signal },
    { client },
  );
}

/** The poll gave up (`maxPolls`) while the job was still running. */
export class BackgroundJobTimeoutError extends Error {
  override name = "BackgroundJobTimeoutError";
  constructor(
    readonly job: BackgroundJob,
    polls: number,
  ) {
    super(`background job ${job.id} still ${job.status} after ${polls} polls`);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls the job until it is finished (success, failed, cancelled) and resolves with it — a failed job
 * resolves too (look at `status`); rejects when a poll fails or `maxPolls` is reached. Every poll goes
 * through the QueryClient (`fetchQuery`), so a `useBackgroundJob(id)` on screen sees each state.
 */
export async function waitForBackgroundJob(
  queryClient: QueryClient,
  client: InstantlyClient,
  id: string,
  polling?: BackgroundJobPolling,
): Promise<BackgroundJob> {
  const settings = pollingFor(queryClient, polling);
  for (let poll = 0; ; poll++) {
    await sleep(pollDelay(settings, poll));
    const job = await queryClient.fetchQuery({
      queryKey: getBackgroundJobQueryKey(id),
      queryFn: ({ signal }) => fetchBackgroundJob(client, id, signal),
      staleTime: 0,
    });
    if (isJobFinished(job)) return job;
    if (poll + 1 >= settings.maxPolls) throw new BackgroundJobTimeoutError(job, poll + 1);
  }
}

export interface UseBackgroundJobOptions {
  polling?: BackgroundJobPolling;
  query?: Partial<UseQueryOptions<BackgroundJob, InstantlyError>>;
  request?: InstantlyRequestOptions;
}

/**
 * Watches a background job: polls `GET /api/v2/background-jobs/{id}` with backoff until it is finished, a
 * poll fails (`error`; `refetch()` resumes) or `maxPolls` is reached.
 * `data.status` is `"success"` / `"failed"` / `"cancelled"` at the end, and `isFinished` says so. Disabled
 * while `id` is undefined, so `useBackgroundJob(moveLeads.data?.id)` works before the mutation ran.
 */
export function useBackgroundJob(
  id: string | undefined,
  options?: UseBackgroundJobOptions,
): UseQueryResult<BackgroundJob, InstantlyError> & { isFinished: boolean } {
  const queryClient = useQueryClient();
  const request = useInstantlyRequestOptions(options)?.request;
  const settings = pollingFor(queryClient, options?.polling);
  const query = useQuery<BackgroundJob, InstantlyError>({
    queryKey: getBackgroundJobQueryKey(id ?? ""),
    queryFn: ({ signal }) => {
      if (!request?.client) throw new MissingInstantlyClientError();
      return fetchBackgroundJob(request.client, id as string, signal);
    },
    enabled: id !== undefined,
    refetchInterval: (current) => {
      const polls = current.state.dataUpdateCount;
      // A failed poll ends polling like `waitForBackgroundJob` (the client already retried what it could):
      // with no data yet, each refetch resets the query to pending, so an unknown id would be polled forever.
      if (current.state.status === "error") return false;
      if (isJobFinished(current.state.data) || polls >= settings.maxPolls) return false;
      // At least 1 ms: TanStack reads a `refetchInterval` of 0 as "no polling".
      return Math.max(1, pollDelay(settings, Math.max(0, polls - 1)));
    },
    ...options?.query,
  });
  return Object.assign(query, { isFinished: isJobFinished(query.data) });
}
