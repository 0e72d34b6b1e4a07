"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { AUDIT_REVIEW_OUTCOME_LABELS, AUDIT_REVIEW_OUTCOMES, type AuditReviewOutcome } from "@vardkedjan/domain/audit/review";
import { useTRPC } from "../../trpc/react";
import { callError, type CallError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_SECONDARY } from "../../kit/fields";
import { formatDateTime } from "../../kit/format";

export interface ReviewState {
  outcomeLabel: string;
  note: string | null;
  reviewerName: string;
  reviewedAt: Date;
}

/** The reviewer's outcome for one flagged or sampled access: Utan anmärkning or Utreds, with an optional note. */
export function ReviewControl({ target, id, review, onSaved }: { target: "flag" | "sampleItem"; id: string; review: ReviewState | null; onSaved: () => void }) {
  const trpc = useTRPC();
  const save = useMutation(trpc.admin.audit.review.mutationOptions());
  const [outcome, setOutcome] = useState<AuditReviewOutcome | "">("");
  const [note, setNote] = useState("");
  const [failure, setFailure] = useState<CallError | null>(null);
  const [editing, setEditing] = useState(review === null);
  if (review && !editing) {
    return (
      <div data-testid="review-done">
        <p className="font-medium">{review.outcomeLabel}</p>
        <p className="text-muted">
          {review.reviewerName}, {formatDateTime(review.reviewedAt)}
        </p>
        {review.note ? <p>{review.note}</p> : null}
        <button type="button" className="mt-1 text-sm text-brand-800 underline" onClick={() => setEditing(true)}>
          Ändra bedömning
        </button>
      </div>
    );
  }
  const groupId = `utfall-${id}`;
  return (
    <form
      className="min-w-56"
      aria-label="Bedömning"
      onSubmit={(e) => {
        e.preventDefault();
        if (save.isPending) return;
        if (!outcome) {
          setFailure({ message: "Välj utfall: utan anmärkning eller utreds", appCode: "INVALID_INPUT", fieldErrors: [] });
          return;
        }
        save.mutate(
          { target, id, outcome, note },
          {
            onSuccess: () => {
              setFailure(null);
              setEditing(false);
              onSaved();
            },
            onError: (err) => setFailure(callError(err)),
          },
        );
      }}
    >
      {failure ? <ErrorNotice error={failure} where="form" /> : null}
      <fieldset>
        <legend className="sr-only">Utfall</legend>
        {AUDIT_REVIEW_OUTCOMES.map((o) => (
          <label key={o} className="mr-3 inline-flex items-center gap-1">
            <input type="radio" name={groupId} value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
            {AUDIT_REVIEW_OUTCOME_LABELS[o]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`anteckning-${id}`} className="mt-1 block text-sm">
        Anteckning <span className="text-muted">(valfritt)</span>
      </label>
      <input
        id={`anteckning-${id}`}
        className="block w-full rounded border border-muted px-2 py-1"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={1000}
      />
      <button type="submit" className={`${BUTTON_SECONDARY} mt-2`} disabled={save.isPending}>
        Spara bedömning
      </button>
    </form>
  );
}
