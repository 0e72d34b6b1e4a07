"use client";
import { Checkbox, Radios } from "../../kit/fields";
import type { PhoneDraft, SectionProps } from "./draft";

/** Whether the information was given or received; given, whether the receiver confirmed it. */
export function DirectionSection({ draft, set, error, id }: SectionProps) {
  return (
    <>
      <Radios
        id={id("direction")}
        legend="Lämnade eller tog du emot informationen?"
        inline
        value={draft.direction}
        onChange={(v) => set({ direction: v as PhoneDraft["direction"] })}
        options={[
          { value: "lamnat", label: "Lämnat" },
          { value: "mottaget", label: "Mottaget" },
        ]}
        error={error("direction")}
      />
      {draft.direction === "lamnat" ? (
        <Checkbox
          id={id("receiverConfirmed")}
          label="Mottagaren bekräftade att informationen tagits emot"
          hint="Utskrivning får inte ske innan mottagande enhet har bekräftat."
          checked={draft.receiverConfirmed}
          onChange={(v) => set({ receiverConfirmed: v })}
        />
      ) : null}
    </>
  );
}
