"use client";
import { CONSENT_KINDS } from "@vardkedjan/domain/case/types";
import { CONSENT_KIND_LABELS } from "@vardkedjan/domain/case/labels";
import { PHONE_STEPS, PHONE_STEP_LABELS, type PhoneStep } from "@vardkedjan/domain/outage/types";
import { Checkbox, FieldGroup, Radios, TextField } from "../../kit/fields";
import type { ConsentAnswer, SectionProps } from "./draft";

const STEP_HINTS: Partial<Record<PhoneStep, string>> = {
  samtycke: "Ange vilka samtycken som överlämnades.",
  faktiskt_utskrivningsdatum: "Ange tiden för hemgång.",
  sip_datum: "Ange tiden för SIP-mötet.",
};

/** "Vilka moment gällde samtalet?": the steps, and for some of them what was said (a date, a time, the consents). */
export function StepsSection({ draft, set, error, id }: SectionProps) {
  const has = (s: PhoneStep) => draft.steps.includes(s);
  return (
    <>
      <FieldGroup id={id("steps")} legend="Vilka moment gällde samtalet?" error={error("steps")}>
        <div className="grid gap-x-6 sm:grid-cols-2">
          {PHONE_STEPS.map((s) => (
            <Checkbox
              key={s}
              id={id(`step-${s}`)}
              label={PHONE_STEP_LABELS[s]}
              hint={has(s) ? STEP_HINTS[s] : undefined}
              checked={has(s)}
              onChange={(on) => set({ steps: on ? PHONE_STEPS.filter((x) => x === s || draft.steps.includes(x)) : draft.steps.filter((x) => x !== s) })}
            />
          ))}
        </div>
      </FieldGroup>

      {has("beraknat_utskrivningsdatum") ? (
        <TextField
          id={id("estimatedDischargeDate")}
          label="Beräknat utskrivningsdatum"
          type="date"
          value={draft.estimatedDischargeDate}
          onChange={(v) => set({ estimatedDischargeDate: v })}
          error={error("estimatedDischargeDate")}
        />
      ) : null}
      {has("utskrivningsklar") ? (
        <TextField
          id={id("readyDecidedAt")}
          label="Läkarens beslut om utskrivningsklar, tid"
          type="datetime-local"
          optional
          value={draft.readyDecidedAt}
          onChange={(v) => set({ readyDecidedAt: v })}
          error={error("readyDecidedAt")}
        />
      ) : null}
      {has("faktiskt_utskrivningsdatum") || has("utskrivningsmeddelande") ? (
        <TextField
          id={id("dischargeAt")}
          label="Tid för hemgång"
          type="datetime-local"
          optional={!has("faktiskt_utskrivningsdatum")}
          value={draft.dischargeAt}
          onChange={(v) => set({ dischargeAt: v })}
          error={error("dischargeAt")}
        />
      ) : null}
      {has("sip_datum") ? (
        <TextField
          id={id("sipAt")}
          label="SIP-möte, datum och tid"
          type="datetime-local"
          value={draft.sipAt}
          onChange={(v) => set({ sipAt: v })}
          error={error("sipAt")}
        />
      ) : null}
      {has("samtycke") ? (
        <FieldGroup id={id("consents")} legend="Samtycken som överlämnades" error={error("consents")}>
          {CONSENT_KINDS.map((k) => (
            <Radios
              key={k}
              id={id(`consent-${k}`)}
              legend={CONSENT_KIND_LABELS[k]}
              inline
              value={draft.consents[k]}
              onChange={(v) => set({ consents: { ...draft.consents, [k]: v as ConsentAnswer } })}
              options={[
                { value: "ja", label: "Ja" },
                { value: "nej", label: "Nej" },
                { value: "", label: "Inte aktuellt" },
              ]}
            />
          ))}
        </FieldGroup>
      ) : null}
    </>
  );
}
