"use client";
import { useQuery } from "@tanstack/react-query";
import { useQueryClient, useTRPC } from "../../trpc/react";
import { callError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { formatDateTime } from "../../kit/format";
import { AuditLogTable } from "./log-table";
import { LogReviewHeader } from "./log-nav";
import { ReviewControl } from "./review-control";

/** One stickprov: its accesses, each reviewed with an outcome and the reviewer's name. */
export function LogSamplePage({ sampleId }: { sampleId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sample = useQuery(trpc.admin.audit.sample.queryOptions({ id: sampleId }));
  const s = sample.data;
  return (
    <section aria-labelledby="ett-stickprov-rubrik">
      <LogReviewHeader
        id="ett-stickprov-rubrik"
        title="Stickprov"
        lead={
          s
            ? `${s.size} åtkomster från ${formatDateTime(s.periodFrom)} till ${formatDateTime(new Date(s.periodTo.getTime() - 1))}, taget av ${s.drawnByName} ${formatDateTime(s.drawnAt)} (frö ${s.seed}). ${s.reviewed} av ${s.size} granskade.`
            : "Hämtar stickprovet …"
        }
      />
      {sample.error ? <ErrorNotice error={callError(sample.error)} where="page" /> : null}
      {s ? (
        <AuditLogTable
          rows={s.items.map((i) => i.row)}
          caption="Åtkomster i stickprovet"
          extra={{
            label: "Bedömning",
            cell: (_row, i) => {
              const item = s.items[i]!;
              return (
                <ReviewControl
                  target="sampleItem"
                  id={item.id}
                  review={item.review}
                  onSaved={() => void queryClient.invalidateQueries(trpc.admin.audit.sample.queryFilter({ id: sampleId }))}
                />
              );
            },
          }}
        />
      ) : null}
    </section>
  );
}
