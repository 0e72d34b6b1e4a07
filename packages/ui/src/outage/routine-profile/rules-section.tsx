"use client";
import { Checkbox, FieldGroup, Radios, TextField, YES_NO } from "../../kit/fields";
import { AfterRegistrationSettings } from "./after-registration-settings";
import { REGISTER_AFTER_LABELS, SWITCHES, fid, type SectionProps } from "./draft";

/**
 * "Regler": when the routine applies, how long the contact list confirmation may take, the
 * discharge rules, and what is registered in Vårdkedjan when the outage is over.
 */
export function RulesSection({ draft, set, error }: SectionProps) {
  return (
    <>
      <h2 className="mb-2 mt-6 text-xl font-semibold">Regler</h2>
      <div className="grid gap-x-6 sm:grid-cols-2">
        <TextField
          id={fid("routineAppliesAfterHours")}
          label="Rutinen gäller efter (timmar)"
          hint="0 betyder att rutinen gäller direkt. Kortare driftstörningar hanteras utan rutinen."
          value={draft.routineAppliesAfterHours}
          onChange={(v) => set({ routineAppliesAfterHours: v })}
          error={error("routineAppliesAfterHours")}
        />
        <TextField
          id={fid("contactConfirmationHours")}
          label="Tid för att bekräfta kontaktlistan (timmar)"
          hint="Kommunernas representanter bekräftar eller rättar kontaktlistan inom denna tid efter förvaltningens meddelande."
          value={draft.contactConfirmationHours}
          onChange={(v) => set({ contactConfirmationHours: v })}
          error={error("contactConfirmationHours")}
        />
      </div>
      <Radios
        id={fid("dischargeRequiresReceiverConfirmation")}
        legend="Ingen utskrivning förrän mottagande enhet har bekräftat att den tagit emot informationen"
        value={draft.dischargeRequiresReceiverConfirmation}
        onChange={(v) => set({ dischargeRequiresReceiverConfirmation: v === "ja" ? "ja" : "nej" })}
        options={YES_NO}
        inline
        error={error("dischargeRequiresReceiverConfirmation")}
      />
      <TextField
        id={fid("dischargeCoordinatorHours")}
        label="Utskrivningsledarnas telefontider"
        optional
        hint="T.ex. vardagar 07.30–16.15."
        value={draft.dischargeCoordinatorHours}
        onChange={(v) => set({ dischargeCoordinatorHours: v })}
        error={error("dischargeCoordinatorHours")}
      />

      <FieldGroup
        id={fid("registerAfter")}
        legend="När driftstörningen är över"
        hint="Vad som förs in i Vårdkedjan i efterhand."
        error={error("registerAfter")}
      >
        {SWITCHES.map((s) => (
          <Checkbox
            key={s}
            id={fid(`registerAfter.${s}`)}
            label={REGISTER_AFTER_LABELS[s]}
            checked={draft.registerAfter[s]}
            onChange={(on) => set({ registerAfter: { ...draft.registerAfter, [s]: on } })}
          />
        ))}
        <TextField
          id={fid("summaryMessageTitle")}
          label="Titel på sammanfattningen"
          hint="Det generella meddelandet till ärenden som fanns före driftstörningen."
          value={draft.summaryMessageTitle}
          onChange={(v) => set({ summaryMessageTitle: v })}
          error={error("summaryMessageTitle")}
          className="mb-3 mt-2"
        />
        <AfterRegistrationSettings
          planningBasis={draft.planningBasis}
          sipInvitationBy={draft.sipInvitationBy}
          onChange={(next) => set(next)}
          fid={fid}
          error={error}
        />
      </FieldGroup>
    </>
  );
}
