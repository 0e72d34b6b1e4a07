import { stockholmDateTime } from "../time/format";
import { capitalise, CLOSE_REASON_LABELS, CONSENT_KIND_LABELS } from "./labels";
import { representativeText } from "./consent";
import {
  ADL_AREA_LABELS,
  ADL_LEVEL_LABELS,
  AID_KIND_LABELS,
  CURRENT_SERVICE_LABELS,
  HOUSING_KIND_LABELS,
  MEDICATION_HANDLER_LABELS,
  RISK_KIND_LABELS,
} from "./structured-content";
import type { ConsentRepresentative, MessageKind } from "./types";

/**
 * A message's form as plain Swedish lines (label and value), for printed documents: the case
 * record (the whole case as a PDF for the unit's own records) prints every message the reader may
 * see with these. Pure: the payload comes in as the case view gives it, already narrowed to what
 * the reader may see (visibility.ts), so nothing here decides visibility.
 *
 * The labels are also the case page's (ui/case/view/payload-view.tsx renders the same table as markup).
 */

/** Field labels of every kind's payload, in the order they are shown. */
export const PAYLOAD_FIELDS: Record<MessageKind, [string, string][]> = {
  samtycke: [
    ["consents", "Samtycken"],
    ["municipalityAlreadyHolds", "Samtycken som kommunen redan har"],
    ["source", "Lämnat"],
    ["representative", "Företrädare för patienten"],
    ["documentedNote", "Kommentar om samtycket"],
  ],
  inskrivningsmeddelande: [["estimatedDischargeDate", "Beräknat utskrivningsdatum"]],
  andrat_utskrivningsdatum: [["estimatedDischargeDate", "Nytt beräknat utskrivningsdatum"]],
  svar_pa_inskrivning: [
    ["knownToUnit", "Känd hos enheten"],
    ["services", "Aktuella insatser"],
    ["noServices", "Inga insatser"],
    ["currentServices", "Om insatserna"],
    ["contactName", "Kontaktperson"],
    ["contactPhone", "Kontaktpersonens telefon"],
    ["fixedCareContactStaffId", "Fast vårdkontakt"],
  ],
  avvisning: [
    ["reason", "Skäl"],
    ["text", "Förklaring"],
  ],
  planeringsunderlag: [
    ["version", "Version"],
    ["needs", "Behov efter utskrivning"],
    ["adl", "ADL"],
    ["adlStatus", "Övrigt om ADL"],
    ["risks", "Risker"],
    ["riskNote", "Om riskerna"],
    ["medicationHandler", "Sköter läkemedlen"],
    ["dosDispensed", "Dosdispenserade läkemedel"],
    ["medications", "Läkemedelslista"],
    ["aidKinds", "Hjälpmedel"],
    ["aids", "Övriga hjälpmedel"],
    ["housing", "Boendeform"],
    ["livesAlone", "Bor ensam"],
    ["homeSituation", "Om boendet"],
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
    ["invitedUnitIds", "Kallade parter"],
    ["participants", "Deltagare"],
    ["consentStatus", "Samtycke till SIP"],
    ["followUpAt", "Uppföljning"],
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
    ["medications", "Läkemedelslista"],
    ["noMedications", "Inga läkemedel"],
    ["medicationList", "Om läkemedlen"],
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

/** Fields shown as a date, and as a date and time. */
export const DATE_FIELDS: ReadonlySet<string> = new Set(["estimatedDischargeDate", "from", "followUpAt"]);
export const DATE_TIME_FIELDS: ReadonlySet<string> = new Set(["decidedAt", "dischargeAt", "dischargedAt", "meetingAt"]);

export const PAYLOAD_ENUMS: Record<string, Record<string, string>> = {
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
  "planeringsunderlag.medicationHandler": MEDICATION_HANDLER_LABELS,
  "planeringsunderlag.housing": HOUSING_KIND_LABELS,
  "samtycke.source": {
    patient: "Av patienten",
    telefon: "Per telefon",
    befintligt: "Fanns redan",
  },
};
export const RESPONSIBLE_LABELS: Record<string, string> = {
  region: "Regionen",
  kommun: "Kommunen",
  annan: "Annan aktör",
};

export interface PayloadLine {
  label: string;
  value: string;
}

/** Names a fixed care contact's staff id, and a party's unit id (the payload carries ids only). */
export type StaffNamer = (staffId: string) => string | undefined;
export type UnitNamer = (unitId: string) => string | undefined;
export interface PayloadNamers {
  staff?: StaffNamer;
  unit?: UnitNamer;
}

/** Lists of codes shown by their Swedish labels, joined on one line. */
const CODE_LISTS: Record<string, Record<string, string>> = {
  services: CURRENT_SERVICE_LABELS,
  risks: RISK_KIND_LABELS,
  aidKinds: AID_KIND_LABELS,
};

/**
 * A list-valued field as one Swedish line per item (consents, ADL, medications, interventions, plain
 * lists), or null when the field is not such a list. The case page shows the items as a bulleted
 * list, the printed record one per line.
 */
export function payloadItems(key: string, v: unknown): string[] | null {
  if (!Array.isArray(v) || CODE_LISTS[key] || key === "municipalityAlreadyHolds" || key === "invitedUnitIds") return null;
  if (key === "consents") {
    return (v as { kind: keyof typeof CONSENT_KIND_LABELS; given: boolean; unable?: boolean }[]).map(
      (c) => `${CONSENT_KIND_LABELS[c.kind] ?? c.kind}: ${c.unable ? "kan inte ta ställning" : c.given ? "samtycker" : "samtycker inte"}`,
    );
  }
  if (key === "adl") {
    return (v as { area: string; level: string }[]).map(
      (a) => `${ADL_AREA_LABELS[a.area as keyof typeof ADL_AREA_LABELS] ?? a.area}: ${ADL_LEVEL_LABELS[a.level as keyof typeof ADL_LEVEL_LABELS] ?? a.level}`,
    );
  }
  if (key === "medications") {
    return (v as { name: string; dose?: string; purpose?: string }[]).map(
      (m) => `${m.name}${m.dose ? ` – ${m.dose}` : ""}${m.purpose ? ` (mot ${m.purpose})` : ""}`,
    );
  }
  if (key === "interventions") {
    return (v as { what: string; responsible: string; by?: string }[]).map(
      (i) => `${i.what} – ${RESPONSIBLE_LABELS[i.responsible] ?? i.responsible}${i.by ? ` (${i.by})` : ""}`,
    );
  }
  return v.map((x) => String(x));
}

/**
 * A field's value as Swedish text, for every field that is not a list of items (see payloadItems):
 * dates in Swedish, times on the Stockholm clock via `formatDate`/`formatDateTime`, enums and codes
 * by their labels, ids by the names the caller knows. Null for an empty field.
 */
export function payloadScalarText(
  kind: MessageKind,
  key: string,
  v: unknown,
  names: PayloadNamers,
  format: { date: (iso: string) => string; dateTime: (iso: string) => string },
  payload: Record<string, unknown> = {},
): string | null {
  if (v === undefined || v === null || v === "") return null;
  // A consent given through a representative was not given by the patient in person.
  if (kind === "samtycke" && key === "source" && v === "patient" && payload.representative) return "Av patientens företrädare";
  if (typeof v === "boolean") return v ? "Ja" : "Nej";
  if (DATE_FIELDS.has(key) && typeof v === "string") return format.date(v);
  if (DATE_TIME_FIELDS.has(key) && typeof v === "string") return format.dateTime(v);
  const en = PAYLOAD_ENUMS[`${kind}.${key}`];
  if (en && typeof v === "string") return en[v] ?? v;
  if (key === "fixedCareContactStaffId" && typeof v === "string") return names.staff?.(v) ?? "Utsedd";
  if (key === "representative" && typeof v === "object") return capitalise(representativeText(v as ConsentRepresentative));
  if (CODE_LISTS[key] && Array.isArray(v)) return (v as string[]).map((c) => CODE_LISTS[key]![c] ?? c).join(", ");
  if (key === "municipalityAlreadyHolds" && Array.isArray(v)) {
    return (v as (keyof typeof CONSENT_KIND_LABELS)[]).map((k) => CONSENT_KIND_LABELS[k] ?? k).join(", ");
  }
  if (key === "invitedUnitIds" && Array.isArray(v)) return (v as string[]).map((u) => names.unit?.(u) ?? "Tidigare part").join(", ");
  return String(v);
}

const PRINTED = {
  date: (iso: string) => iso.slice(0, 10),
  dateTime: (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : stockholmDateTime(d);
  },
};

/** The message's fields in the case page's order, each with its Swedish label; empty fields left out. */
export function payloadLines(kind: MessageKind, payload: Record<string, unknown>, names: PayloadNamers = {}): PayloadLine[] {
  const out: PayloadLine[] = [];
  for (const [key, label] of PAYLOAD_FIELDS[kind] ?? []) {
    const v = payload[key];
    const items = payloadItems(key, v);
    const value = items ? (items.length === 0 ? "–" : items.join("\n")) : payloadScalarText(kind, key, v, names, PRINTED, payload);
    if (value !== null) out.push({ label, value });
  }
  return out;
}
