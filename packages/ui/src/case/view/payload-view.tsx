import type { ReactNode } from "react";
import type { MessageKind } from "@vardkedjan/domain/case/types";
import { CLOSE_REASON_LABELS, CONSENT_KIND_LABELS } from "@vardkedjan/domain/case/labels";
import { formatDate, formatDateTime } from "../../kit/format";
import type { CaseView } from "../types";

/** Field labels of every kind's payload, in the order they are shown. */
const FIELDS: Record<MessageKind, [string, string][]> = {
  samtycke: [
    ["consents", "Samtycken"],
    ["municipalityAlreadyHolds", "Samtycken som kommunen redan har"],
    ["source", "Lämnat"],
    ["documentedNote", "Anteckning"],
  ],
  inskrivningsmeddelande: [["estimatedDischargeDate", "Beräknat utskrivningsdatum"]],
  andrat_utskrivningsdatum: [["estimatedDischargeDate", "Nytt beräknat utskrivningsdatum"]],
  svar_pa_inskrivning: [
    ["knownToUnit", "Känd hos enheten"],
    ["currentServices", "Aktuella insatser"],
    ["fixedCareContactStaffId", "Fast vårdkontakt"],
  ],
  avvisning: [
    ["reason", "Skäl"],
    ["text", "Förklaring"],
  ],
  planeringsunderlag: [
    ["version", "Version"],
    ["needs", "Behov efter utskrivning"],
    ["adlStatus", "ADL-status"],
    ["homeSituation", "Boendesituation"],
    ["aids", "Hjälpmedel"],
    ["track", "Processpår"],
  ],
  meddela_beslut: [
    ["applied", "Ansökta insatser"],
    ["decided", "Beslutade insatser"],
  ],
  uppdrag_hemsjukvard: [
    ["tasks", "Uppdraget"],
    ["from", "Från och med"],
  ],
  egenvardsbedomning: [
    ["assessment", "Bedömning"],
    ["needsPracticalHelp", "Behöver praktisk hjälp med egenvården"],
    ["confirmedGranted", "Insatserna är beviljade"],
  ],
  kallelse_sip: [
    ["meetingAt", "Mötestid"],
    ["place", "Plats"],
    ["video", "Videomöte"],
    ["videoLink", "Videolänk"],
    ["participants", "Deltagare"],
    ["consentStatus", "Samtycke till SIP"],
  ],
  sip_plan: [
    ["interventions", "Insatser"],
    ["overallResponsible", "Övergripande ansvar"],
    ["goals", "Mål"],
    ["otherActorsMeasures", "Andra aktörers åtgärder"],
    ["followUpAt", "Uppföljning"],
    ["offeredToPatient", "Erbjuden patienten"],
  ],
  utskrivningsklar: [
    ["decidedBy", "Beslutande läkare"],
    ["decidedAt", "Beslutstid"],
  ],
  ej_utskrivningsklar: [["reason", "Orsak"]],
  kommunklar: [
    ["ready", "Redo att ta emot"],
    ["comment", "Kommentar"],
  ],
  utskrivningsdatum: [
    ["dischargeAt", "Utskrivningstid"],
    ["transportBooked", "Transport bokad"],
  ],
  utskrivningsmeddelande: [
    ["dischargedAt", "Utskriven"],
    ["dischargePlan", "Utskrivningsplan"],
    ["medicationList", "Läkemedelslista"],
    ["aidsReturned", "Följer med patienten"],
    ["stayAddress", "Vistelseadress"],
  ],
  generellt: [
    ["subject", "Ämne"],
    ["text", "Meddelande"],
  ],
  avslut: [
    ["reason", "Orsak"],
    ["comment", "Kommentar"],
  ],
};

const DATE_FIELDS = new Set(["estimatedDischargeDate", "from", "followUpAt"]);
const DATE_TIME_FIELDS = new Set(["decidedAt", "dischargeAt", "dischargedAt", "meetingAt"]);

const ENUMS: Record<string, Record<string, string>> = {
  "avvisning.reason": {
    ej_folkbokford: "Patienten är inte folkbokförd i kommunen",
    fel_mottagare: "Fel mottagare",
    annat: "Annat skäl",
  },
  "avslut.reason": CLOSE_REASON_LABELS,
  "planeringsunderlag.track": {
    gron: "Grönt spår",
    gul: "Gult spår",
    rod: "Rött spår",
  },
  "kallelse_sip.consentStatus": {
    given: "Ja",
    refused: "Nej",
    unknown: "Okänt",
  },
  "sip_plan.overallResponsible": { region: "Regionen", kommun: "Kommunen" },
  "samtycke.source": {
    patient: "Av patienten",
    telefon: "Per telefon",
    befintligt: "Fanns redan",
  },
};
const RESPONSIBLE: Record<string, string> = {
  region: "Regionen",
  kommun: "Kommunen",
  annan: "Annan aktör",
};

function textBlock(s: string): ReactNode {
  return <span className="whitespace-pre-wrap">{s}</span>;
}

function value(kind: MessageKind, key: string, v: unknown, view: CaseView): ReactNode {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "boolean") return v ? "Ja" : "Nej";
  if (DATE_FIELDS.has(key) && typeof v === "string") return formatDate(v);
  if (DATE_TIME_FIELDS.has(key) && typeof v === "string") return formatDateTime(v);
  const en = ENUMS[`${kind}.${key}`];
  if (en && typeof v === "string") return en[v] ?? v;
  if (key === "fixedCareContactStaffId" && typeof v === "string") {
    return view.parties.find((p) => p.fixedCareContact?.staffId === v)?.fixedCareContact?.name ?? "Utsedd";
  }
  if (key === "consents" && Array.isArray(v)) {
    return (
      <ul className="list-disc pl-5">
        {(v as { kind: keyof typeof CONSENT_KIND_LABELS; given: boolean }[]).map((c) => (
          <li key={c.kind}>
            {CONSENT_KIND_LABELS[c.kind] ?? c.kind}: {c.given ? "samtycker" : "samtycker inte"}
          </li>
        ))}
      </ul>
    );
  }
  if (key === "municipalityAlreadyHolds" && Array.isArray(v)) {
    return (v as (keyof typeof CONSENT_KIND_LABELS)[]).map((k) => CONSENT_KIND_LABELS[k] ?? k).join(", ");
  }
  if (key === "interventions" && Array.isArray(v)) {
    return (
      <ul className="list-disc pl-5">
        {(v as { what: string; responsible: string; by?: string }[]).map((i, n) => (
          <li key={n}>
            {i.what} – {RESPONSIBLE[i.responsible] ?? i.responsible}
            {i.by ? ` (${i.by})` : ""}
          </li>
        ))}
      </ul>
    );
  }
  if (Array.isArray(v)) {
    return v.length === 0 ? (
      "–"
    ) : (
      <ul className="list-disc pl-5">
        {v.map((x, n) => (
          <li key={n}>{String(x)}</li>
        ))}
      </ul>
    );
  }
  if (typeof v === "string") return textBlock(v);
  return String(v);
}

/** A message's form, readably: labelled fields, dates in Swedish and Stockholm time. */
export function PayloadView({ kind, payload, view }: { kind: MessageKind; payload: Record<string, unknown>; view: CaseView }) {
  const rows = (FIELDS[kind] ?? []).map(([key, label]) => [label, value(kind, key, payload[key], view)] as const).filter(([, v]) => v !== null);
  if (rows.length === 0) return null;
  return (
    <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(10rem,max-content)_1fr]">
      {rows.map(([label, v]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-muted">{label}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
