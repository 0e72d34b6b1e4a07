"use client";
import { CONSENT_KIND_LABELS } from "@vardkedjan/domain/case/labels";
import type { ConsentKind } from "@vardkedjan/domain/case/types";
import { Checkbox, Radios, TextArea, TextField, YES_NO } from "../../kit/fields";
import { formatDateTime } from "../../kit/format";
import { FixedCareContactSelect } from "../../case/forms/kinds/svar-pa-inskrivning";
import type { AfterRegistrationEntry } from "../labels";
import { groupField, type Values } from "./payload";

const SIP_CONSENT: Record<string, string> = { given: "Samtycke finns", refused: "Samtycke saknas", unknown: "Okänt" };

interface EditorProps {
  item: AfterRegistrationEntry;
  values: Values;
  set: (k: string, v: string | boolean) => void;
  error: (k: string) => string | undefined;
}

/** The answer to the admission notice that confirms the fast vårdkontakt (svar på inskrivning). */
function FixedCareContactFields({ item, values, set, error }: EditorProps) {
  const id = (k: string) => `ar-${item.id}-${k}`;
  const text = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  return (
    <>
      <FixedCareContactSelect
        id={id("fixedCareContactStaffId")}
        caseId={item.caseId}
        value={text("fixedCareContactStaffId")}
        onChange={(v) => set("fixedCareContactStaffId", v)}
        error={error("fixedCareContactStaffId")}
      />
      <Radios
        id={id("knownToUnit")}
        legend="Är patienten känd hos er enhet?"
        inline
        value={text("knownToUnit")}
        onChange={(v) => set("knownToUnit", v)}
        options={YES_NO}
        error={error("knownToUnit")}
      />
      <TextArea
        id={id("currentServices")}
        label="Aktuella insatser"
        hint="Skriv ”Inga insatser” om patienten inte har några."
        value={text("currentServices")}
        onChange={(v) => set("currentServices", v)}
        error={error("currentServices")}
      />
    </>
  );
}

/** The part of each kind's message that is typed when it is registered (the rest was phoned). */
export function ItemEditor({ item, values, set, error }: EditorProps) {
  const id = (k: string) => `ar-${item.id}-${k}`;
  const text = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  // The typed parts are text areas named by their payload field.
  const area = (k: string, label: string, rows: number, optional = false) => (
    <TextArea id={id(k)} label={label} optional={optional} rows={rows} value={text(k)} onChange={(v) => set(k, v)} error={error(k)} />
  );
  const p = item.prefill.payload;
  switch (item.kind) {
    case "register_admission":
      return (
        <>
          <TextField
            id={id("estimatedDischargeDate")}
            label="Beräknat utskrivningsdatum"
            type="date"
            value={text("estimatedDischargeDate")}
            onChange={(v) => set("estimatedDischargeDate", v)}
            error={error("estimatedDischargeDate")}
          />
          {item.prefill.consents.length ? (
            <div className="mb-4">
              <p className="font-medium">Samtycke överlämnat per telefon (registreras med inskrivningen)</p>
              <ul className="list-disc pl-6 text-sm">
                {item.prefill.consents.map((c) => (
                  <li key={c.kind}>
                    {CONSENT_KIND_LABELS[c.kind as ConsentKind] ?? c.kind}: {c.given ? "ja" : "nej"}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {area("freeText", "Det som sades per telefon", 4, true)}
        </>
      );
    case "register_discharge":
      return (
        <>
          <p className="mb-3 text-sm">
            Utskrivningstid: <span className="font-medium">{typeof p.dischargedAt === "string" ? formatDateTime(p.dischargedAt) : "–"}</span>
          </p>
          {area("dischargePlan", "Utskrivningsplanen", 4)}
          {area("medicationList", "Läkemedelslistan", 3)}
          {area("aidsReturned", "Hjälpmedel och läkemedel som följde med", 2, true)}
          {area("freeText", "Det som sades per telefon", 4, true)}
        </>
      );
    case "register_planning_basis":
      return (
        <>
          {area("needs", "Behoven", 3)}
          {area("adlStatus", "ADL-status", 2, true)}
          {area("homeSituation", "Boendesituationen", 2, true)}
          {area("aids", "Hjälpmedel", 2, true)}
          {area("freeText", "Det som sades per telefon", 4, true)}
        </>
      );
    case "summary_message": {
      const groups = item.prefill.recipientGroups ?? [];
      return (
        <>
          <p className="mb-2 text-sm">
            Rubrik: <span className="font-medium">{typeof p.subject === "string" ? p.subject : item.title}</span>
          </p>
          {groups.length > 1 ? (
            <p className="mb-2 text-sm" data-testid="summary-recipients-note">
              Mottagarna får se olika mycket av samtalen, så sammanfattningen skickas som {groups.length} meddelanden. Kontrollera vad var och en får.
            </p>
          ) : null}
          {groups.length === 0
            ? area("text", "Sammanfattningen", 8)
            : groups.map((g, i) => (
                <div key={g.recipientUnitIds.join(",")} className="mb-2" data-testid="summary-recipient-group">
                  <p className="text-sm">
                    <span className="font-medium">Till {g.recipientNames.join(", ")}</span>
                    {g.restricted ? (
                      <span className="block text-muted">
                        Begränsad version: mottagaren får inte se allt som sades (samtycke saknas, eller enheten deltog inte i samtalen).
                      </span>
                    ) : (
                      <span className="block text-muted">Hela sammanfattningen.</span>
                    )}
                  </p>
                  <TextArea
                    id={id(groupField(i))}
                    label={groups.length === 1 ? "Sammanfattningen" : `Sammanfattningen till ${g.recipientNames.join(", ")}`}
                    rows={8}
                    value={text(groupField(i))}
                    onChange={(v) => set(groupField(i), v)}
                    error={i === 0 ? error("text") : undefined}
                  />
                </div>
              ))}
        </>
      );
    }
    case "formal_sip_call":
      return (
        <>
          <TextField
            id={id("meetingAt")}
            label="Mötestid"
            type="datetime-local"
            value={text("meetingAt")}
            onChange={(v) => set("meetingAt", v)}
            error={error("meetingAt")}
          />
          <TextField id={id("place")} label="Plats" optional value={text("place")} onChange={(v) => set("place", v)} error={error("place")} />
          <Checkbox id={id("video")} label="Mötet hålls via video" checked={values.video === true} onChange={(v) => set("video", v)} />
          {values.video === true ? (
            <TextField
              id={id("videoLink")}
              label="Videolänk (https)"
              type="url"
              optional
              value={text("videoLink")}
              onChange={(v) => set("videoLink", v)}
              error={error("videoLink")}
            />
          ) : null}
          <TextArea
            id={id("participants")}
            label="Deltagare"
            hint="En per rad."
            rows={3}
            value={text("participants")}
            onChange={(v) => set("participants", v)}
            error={error("participants")}
          />
          <p className="mb-3 text-sm">Samtycke till SIP: {SIP_CONSENT[String(p.consentStatus)] ?? "Okänt"}</p>
        </>
      );
    case "confirm_fixed_care_contact":
      return <FixedCareContactFields item={item} values={values} set={set} error={error} />;
    default:
      return null;
  }
}
