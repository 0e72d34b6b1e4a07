"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useQueryClient, useTRPC } from "../../trpc/react";
import { callError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { Checkbox } from "../../kit/fields";
import { AuditLogTable } from "./log-table";
import { LogReviewHeader } from "./log-nav";
import { ReviewControl } from "./review-control";

/** "Flaggor att granska": the accesses the automatic flags picked out, each with its reason and the review. */
export function LogFlagsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pendingOnly, setPendingOnly] = useState(true);
  const flags = useQuery(trpc.admin.audit.flags.queryOptions({ pendingOnly }));
  const list = flags.data ?? [];
  return (
    <section aria-labelledby="flaggor-rubrik">
      <LogReviewHeader
        id="flaggor-rubrik"
        title="Flaggor att granska"
        lead="Åtkomster som kontrolleras särskilt: patienter med skyddad identitet, enheter som inte (längre) är part i ärendet, patienter med samma efternamn som medarbetaren och åtkomster utanför medarbetarens egen region."
      />
      <Checkbox id="bara-ogranskade" label="Visa bara flaggor som inte är granskade" checked={pendingOnly} onChange={setPendingOnly} />
      {flags.error ? <ErrorNotice error={callError(flags.error)} where="page" /> : null}
      {flags.isPending ? (
        <p>Hämtar flaggor …</p>
      ) : list.length === 0 ? (
        <p data-testid="no-flags">{pendingOnly ? "Det finns inga flaggor kvar att granska." : "Det finns inga flaggor."}</p>
      ) : (
        <AuditLogTable
          rows={list.map((f) => f.row)}
          caption="Flaggade åtkomster"
          extra={{
            label: "Flagga och bedömning",
            cell: (_row, i) => {
              const flag = list[i]!;
              return (
                <div data-testid="flag">
                  <p className="mb-1 font-medium">{flag.label}</p>
                  <ReviewControl
                    target="flag"
                    id={flag.id}
                    review={flag.review}
                    onSaved={() => void queryClient.invalidateQueries(trpc.admin.audit.flags.pathFilter())}
                  />
                </div>
              );
            },
          }}
        />
      )}
    </section>
  );
}
