import { PARTY_ROLE_LABELS } from "@vardkedjan/domain/case/labels";
import { formatDateTime } from "../../kit/format";
import type { CaseParty, CaseView } from "../types";
import { AddParty } from "./add-party";

function status(p: CaseParty): string[] {
  if (p.role === "avdelning") return ["Ansvarig avdelning"];
  const out: string[] = [];
  if (p.rejectedAt) out.push(`Avvisade ${formatDateTime(p.rejectedAt)}`);
  else if (p.answeredAt) out.push(`Svarade ${formatDateTime(p.answeredAt)}`);
  else out.push("Har inte svarat");
  if (p.kommunklarAt) out.push(`Redo att ta emot ${formatDateTime(p.kommunklarAt)}`);
  return out;
}

/** Who takes part: unit, organisation, role, phone, answer and readiness, fast vårdkontakt. */
export function PartiesList({ view }: { view: CaseView }) {
  return (
    <section aria-labelledby="parter-rubrik" className="mb-6">
      <h2 id="parter-rubrik" className="mb-2 text-xl font-semibold">
        Parter
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2" data-testid="parties">
        {view.parties.map((p) => (
          <li key={p.unitId} className="rounded border border-line bg-white p-3">
            <p className="font-semibold">
              {p.unitName}
              {view.viewer.unitIds.includes(p.unitId) ? <span className="font-normal text-muted"> (din enhet)</span> : null}
            </p>
            <p className="text-sm text-muted">
              {PARTY_ROLE_LABELS[p.role].indefinite} · {p.organisationName}
              {p.phone ? ` · tfn ${p.phone}` : ""}
            </p>
            <ul className="mt-1 text-sm">
              {status(p).map((s) => (
                <li key={s}>{s}</li>
              ))}
              {p.fixedCareContact ? <li>Fast vårdkontakt: {p.fixedCareContact.name}</li> : null}
            </ul>
          </li>
        ))}
      </ul>
      {view.viewer.mayAddParties && view.stage !== "avslutad" ? <AddParty caseId={view.id} /> : null}
    </section>
  );
}
