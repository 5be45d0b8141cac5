import { useCreateLeadLabel, useListLeadLabel } from "@instantly-kit/react-query/lead-label";
import type { RequestBody } from "@instantly-kit/types";
import { type FormEvent, useState } from "react";
import { QueryProblem } from "../components/QueryProblem.tsx";

type InterestStatus = RequestBody<"createLeadLabel">["interest_status_label"];
const INTEREST_STATUSES: InterestStatus[] = ["positive", "neutral", "negative"];

export function LeadLabelsPage() {
  const labels = useListLeadLabel({ limit: 100 });
  // The hook invalidates the lead-label queries on success, so the list refetches by itself.
  const createLabel = useCreateLeadLabel();
  const [label, setLabel] = useState("");
  const [interest, setInterest] = useState<InterestStatus>("positive");
  const [description, setDescription] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    const name = label.trim();
    if (!name) return;
    createLabel.mutate(
      { data: { label: name, interest_status_label: interest, description: description.trim() || null } },
      {
        onSuccess: () => {
          setLabel("");
          setDescription("");
        },
      },
    );
  }

  return (
    <section aria-labelledby="labels-title">
      <h1 id="labels-title">Lead labels</h1>
      <form className="label-form" onSubmit={submit} aria-label="Create a lead label">
        <label>
          Label
          <input value={label} onChange={(event) => setLabel(event.target.value)} required maxLength={100} />
        </label>
        <label>
          Description (optional)
          <input
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            maxLength={300}
          />
        </label>
        <label>
          Interest
          <select value={interest} onChange={(event) => setInterest(event.target.value as InterestStatus)}>
            {INTEREST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={createLabel.isPending}>
          {createLabel.isPending ? "Creating…" : "Create label"}
        </button>
      </form>
      <QueryProblem error={createLabel.error} />

      <QueryProblem error={labels.error} onRetry={() => void labels.refetch()} />
      <ul className="labels" aria-label="Lead labels">
        {labels.data?.items?.map((item) => (
          <li key={item.id}>
            <strong>{item.label}</strong>{" "}
            <span className={`badge badge-${item.interest_status_label}`}>{item.interest_status_label}</span>
            {item.description ? <p className="muted">{item.description}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
