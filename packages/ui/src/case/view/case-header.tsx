import type { Portal } from "@vardkedjan/domain/identity/types";
import { STAGE_LABELS, CARE_TYPE_LABELS, CLOSE_REASON_LABELS } from "@vardkedjan/domain/case/labels";
import { daysSinceReady } from "@vardkedjan/domain/clock/losus";
import type { CloseReason } from "@vardkedjan/domain/case/types";
import { formatDate, formatDateTime } from "../../kit/format";
import type { CaseView } from "../types";
import { ConsentStatusLine } from "./consent-status";
import { RegisterStatusNotice, RegisterUncheckedBadge } from "../register-flag";

/** The API formats the number; its shape tells the kind (samordningsnummer: day + 60). */
function identifierLabel(formatted: string): string {
  const m = /^\d{6}(\d{2})-\d{4}$/.exec(formatted);
  if (!m) return "Reservnummer";
  return Number(m[1]) > 60 ? "Samordningsnummer" : "Personnummer";
}

/** The kommun's payment responsibility in one line: from when, how many days so far, or why none. */
function paymentText(p: NonNullable<CaseView["payment"]>): string {
  const days = `${p.paymentDays} ${p.paymentDays === 1 ? "betalningsdag" : "betalningsdagar"}`;
  if (p.unmetPreconditions.length > 0) return `Inget betalningsansvar: ${p.unmetPreconditions.join("; ")}`;
  if (p.basis === "undantagen") return "Inget betalningsansvar: vårdformen är undantagen enligt överenskommelsen";
  if (p.basis === "manadsgenomsnitt") return `Beräknas på kommunens månadsgenomsnitt (${p.agreementName})`;
  if (!p.liabilityText) return `${days} (${p.agreementName})`;
  return `${p.liabilityText}; ${days} hittills (${p.agreementName})`;
}

const AFTER_READY = ["utskrivningsklar", "utskriven", "avslutad"];

/** The case at a glance: the patient, the stage and the times that drive the law's clocks. */
export function CaseHeader({ view, portal, now }: { view: CaseView; portal: Portal; now: Date }) {
  const rows: [string, string][] = [
    [identifierLabel(view.patient.identifier), view.patient.identifier],
    ["Adress", view.patient.protectedIdentity ? "Skyddad identitet – adress visas inte" : (view.patient.address ?? "Saknas")],
    ["Ärende", view.reference],
    ["Skede", STAGE_LABELS[view.stage]],
    ["Avdelning", `${view.ward.name}, ${view.ward.hospitalName}${view.ward.phone ? ` (tfn ${view.ward.phone})` : ""}`],
    ["Vårdform", `${CARE_TYPE_LABELS[view.careType]}${view.lpt ? ", LPT" : ""}${view.lrv ? ", LRV" : ""}`],
    ["Inskriven", formatDateTime(view.admittedAt)],
    ["Beräknat utskrivningsdatum", view.estimatedDischargeDate ? formatDate(view.estimatedDischargeDate) : "Inte angivet"],
  ];
  if (view.readyForDischargeAt) {
    const day = daysSinceReady(view.readyForDischargeAt, view.dischargedAt ?? now);
    rows.push(["Utskrivningsklar", `${formatDateTime(view.readyForDischargeAt)} (dag ${day})`]);
  }
  if (view.payment) rows.push(["Betalningsansvar", paymentText(view.payment)]);
  if (view.plannedDischargeAt) rows.push(["Planerad utskrivning", formatDateTime(view.plannedDischargeAt)]);
  if (view.dischargedAt) rows.push(["Utskriven", formatDateTime(view.dischargedAt)]);
  if (view.closedAt)
    rows.push([
      "Avslutat",
      `${formatDateTime(view.closedAt)}${view.closeReason ? ` – ${CLOSE_REASON_LABELS[view.closeReason as CloseReason] ?? view.closeReason}` : ""}`,
    ]);

  return (
    <header className="mb-6">
      <p className="text-sm text-muted">Samordningsärende {view.reference}</p>
      <h1 className="text-2xl font-semibold" id="arende-rubrik">
        {view.patient.name}
        <RegisterUncheckedBadge unchecked={view.patient.register.unchecked} />
      </h1>
      <RegisterStatusNotice register={view.patient.register} />
      <p className="mb-3">
        <span className="inline-block rounded border border-brand-600 bg-brand-50 px-2 py-0.5 text-sm font-semibold text-brand-800" data-testid="case-stage">
          {STAGE_LABELS[view.stage]}
        </span>
        {view.stage === "utskrivningsklar" && view.readyForDischargeAt ? (
          <span className="ml-2 text-sm font-medium">Utskrivningsklar dag {daysSinceReady(view.readyForDischargeAt, now)}</span>
        ) : null}
        {view.stage === "utskrivningsklar" && view.payment?.liabilityText ? (
          <span className="ml-2 text-sm font-medium" data-testid="payment-liability">
            · {view.payment.liabilityText}
          </span>
        ) : null}
      </p>
      <ConsentStatusLine view={view} />
      <dl className="grid gap-x-6 gap-y-1 rounded border border-line bg-white p-4 sm:grid-cols-[max-content_1fr] lg:grid-cols-[max-content_1fr_max-content_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {view.viewer.visibility.level === "basic" ? (
        <p className="mt-3 rounded border border-warn bg-warn-bg p-3 text-warn" data-testid="consent-banner">
          <strong>Samtycke saknas. </strong>
          {view.viewer.visibility.message}
        </p>
      ) : null}
      {portal === "slutenvard" && AFTER_READY.includes(view.stage) ? (
        <p className="mt-3">
          <a href={`/arenden/${view.id}/sammanfattning.pdf`}>Skriv ut sammanfattning till patienten (PDF)</a>
        </p>
      ) : null}
      {/* The whole case as this unit may see it, for the unit's own records (every party). */}
      <p className="mt-2">
        <a href={`/arenden/${view.id}/dokument/arende.pdf`} data-testid="case-record-pdf">
          Skriv ut hela ärendet (PDF)
        </a>
      </p>
    </header>
  );
}
